import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Footer } from './footer.js';

const meta = {
  title: 'Layout/Footer',
  component: Footer,
  parameters: { layout: 'fullscreen' },
  args: {
    help: { phone: '(022) 123 4567', email: 'mpp@contoh.go.id', complaintHref: '#pengaduan' },
    links: [
      { href: '#privasi', text: 'Kebijakan privasi' },
      { href: '#aksesibilitas', text: 'Aksesibilitas' },
    ],
    meta: 'Pemerintah Kota Contoh',
  },
} satisfies Meta<typeof Footer>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('contentinfo')).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: '(022) 123 4567' })).toHaveFocus();
    await expect(canvas.getByRole('link', { name: '(022) 123 4567' })).toHaveAttribute(
      'href',
      'tel:0221234567',
    );
    await expect(canvas.getByRole('link', { name: 'Sampaikan pengaduan' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: /SP4N-LAPOR!/ })).toBeVisible();
  },
};
