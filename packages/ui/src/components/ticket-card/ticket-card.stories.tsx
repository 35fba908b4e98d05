import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TicketCard } from './ticket-card.js';

const meta = {
  title: 'MPP/TicketCard',
  component: TicketCard,
  args: {
    ticketNumber: 'A012',
    serviceName: 'Paspor',
    issuedAt: new Date('2026-11-23T01:30:00Z'),
    waitingAhead: 4,
    statusUrl: 'https://mpp.contoh.go.id/antrean/A012-7F3K',
    mppName: 'MPP Kota Contoh',
  },
} satisfies Meta<typeof TicketCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  tags: ['reflow'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Nomor antrean A012' })).toBeVisible();
    await expect(
      canvas.getByRole('img', { name: 'Kode QR menuju halaman status antrean' }),
    ).toBeVisible();
    await expect(
      canvas.getByRole('link', { name: 'mpp.contoh.go.id/antrean/A012-7F3K' }),
    ).toBeVisible();
    await expect(canvas.getByText('08.30', { exact: false })).toBeVisible();
  },
};

/** With the estimated wait and a note (the app's survey invitation), as the kiosk prints it. */
export const WithEstimateAndNote: Story = {
  args: {
    estimatedWait: '12–19 menit',
    note: 'Setelah dilayani, pindai kode QR ini lagi untuk mengisi survei kepuasan.',
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Perkiraan waktu tunggu')).toBeVisible();
    await expect(canvas.getByText('12–19 menit')).toBeVisible();
    await expect(canvas.getByText(/pindai kode QR ini lagi/)).toBeVisible();
  },
};

export const Paper58mm: Story = { args: { paperWidth: '58mm', waitingAhead: undefined } };
