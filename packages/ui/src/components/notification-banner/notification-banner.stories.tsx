import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { NotificationBanner } from './notification-banner.js';

const meta = {
  title: 'Content/NotificationBanner',
  component: NotificationBanner,
  args: { children: <p className="mpp-body">Layanan paspor tutup pada 25 Desember.</p> },
} satisfies Meta<typeof NotificationBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Penting' })).toBeVisible();
  },
};

export const Success: Story = {
  args: {
    type: 'success',
    children: <p className="mpp-body">Pengaduan Anda terkirim. Nomor: P-2026-0042.</p>,
  },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(alert).toHaveAccessibleName('Berhasil');
  },
};
