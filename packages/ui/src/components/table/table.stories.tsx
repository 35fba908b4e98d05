import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow } from '../../test-support/assertions.js';
import { Table } from './table.js';

const meta = {
  title: 'Content/Table',
  component: Table,
  args: {
    caption: 'Antrean hari ini per layanan',
    columns: [
      { header: 'Layanan' },
      { header: 'Menunggu', numeric: true },
      { header: 'Rata-rata tunggu (menit)', numeric: true },
      { header: 'Loket buka', numeric: true },
    ],
    rows: [
      ['Paspor', 12, 42, 3],
      ['KTP elektronik', 3, 18, 2],
      ['Surat izin mengemudi', 7, 25, 2],
    ],
  },
} satisfies Meta<typeof Table>;
export default meta;

/** A wide table scrolls inside its own focusable region, never the page. */
export const Default: StoryObj<typeof meta> = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent, canvasElement, globals }) => {
    await expect(canvas.getByRole('table', { name: 'Antrean hari ini per layanan' })).toBeVisible();
    await expect(canvas.getAllByRole('columnheader')).toHaveLength(4);
    await userEvent.tab();
    await expect(
      canvas.getByRole('region', { name: 'Antrean hari ini per layanan' }),
    ).toHaveFocus();
    expectReflow(canvasElement, globals);
  },
};
