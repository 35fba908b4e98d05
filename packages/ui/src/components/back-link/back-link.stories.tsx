import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { BackLink } from './back-link.js';

const meta = {
  title: 'Layout/BackLink',
  component: BackLink,
  args: { href: '#sebelumnya' },
} satisfies Meta<typeof BackLink>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    const link = canvas.getByRole('link', { name: 'Kembali' });
    await userEvent.tab();
    await expect(link).toHaveFocus();
    expectTargetSize([link], 24);
  },
};
