import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SummaryList } from './summary-list.js';

const meta = {
  title: 'Content/SummaryList',
  component: SummaryList,
  args: {
    rows: [
      {
        key: 'Nama',
        value: 'Siti Aminah',
        change: { href: '#nama', text: 'Ubah', visuallyHiddenText: 'nama' },
      },
      {
        key: 'Layanan',
        value: 'Paspor',
        change: { href: '#layanan', text: 'Ubah', visuallyHiddenText: 'layanan' },
      },
      { key: 'Jadwal', value: 'Senin, 24 November 2026, 09.00' },
    ],
  },
} satisfies Meta<typeof SummaryList>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Ubah nama' })).toHaveFocus();
  },
};
