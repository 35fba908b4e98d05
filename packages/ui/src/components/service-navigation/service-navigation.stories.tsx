import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { ServiceNavigation } from './service-navigation.js';

const meta = {
  title: 'Layout/ServiceNavigation',
  component: ServiceNavigation,
  parameters: { layout: 'fullscreen' },
  args: {
    items: [
      { href: '#layanan', text: 'Layanan', current: true },
      { href: '#antrean', text: 'Antrean' },
      { href: '#pengaduan', text: 'Pengaduan' },
    ],
  },
} satisfies Meta<typeof ServiceNavigation>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('link', { name: 'Layanan' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Layanan' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Antrean' })).toHaveFocus();
    expectTargetSize(canvas.getAllByRole('link'), 24);
  },
};
