import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { Breadcrumbs } from './breadcrumbs.js';

const meta = {
  title: 'Layout/Breadcrumbs',
  component: Breadcrumbs,
  args: {
    items: [
      { text: 'Beranda', href: '#' },
      { text: 'Layanan', href: '#layanan' },
      { text: 'Paspor' },
    ],
  },
} satisfies Meta<typeof Breadcrumbs>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('Paspor')).toHaveAttribute('aria-current', 'page');
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Beranda' })).toHaveFocus();
    expectTargetSize(canvas.getAllByRole('link'), 24);
  },
};
