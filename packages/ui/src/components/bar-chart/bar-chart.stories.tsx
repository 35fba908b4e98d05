import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow } from '../../test-support/assertions.js';
import { BarChart } from './bar-chart.js';

const meta = {
  title: 'MPP/BarChart',
  component: BarChart,
  args: {
    title: 'Rata-rata waktu tunggu per layanan',
    unit: 'menit',
    data: [
      { label: 'Paspor', value: 42 },
      { label: 'KTP elektronik', value: 18.5 },
      { label: 'SIM', value: 25 },
    ],
  },
} satisfies Meta<typeof BarChart>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A text summary first, values as text by each bar, and the data table behind "Tabel data". */
export const Default: Story = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent, canvasElement, globals }) => {
    await expect(
      canvas.getByRole('figure', { name: 'Rata-rata waktu tunggu per layanan' }),
    ).toBeVisible();
    await expect(
      canvas.getByText(
        /Tertinggi: Paspor \(42 menit\)\. Terendah: KTP elektronik \(18,5 menit\)\./,
      ),
    ).toBeVisible();
    const summary = canvas.getByText('Tabel data');
    await userEvent.tab();
    await expect(summary).toHaveFocus();
    // user-event cannot press a native <summary> (the browser toggles it), so open it by click after reaching it by Tab.
    await userEvent.click(summary);
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'SIM' })).toBeVisible();
    expectReflow(canvasElement, globals);
  },
};

export const IkmPerUnsur: Story = {
  args: {
    title: 'Nilai unsur SKM',
    unit: '',
    max: 4,
    summary: 'Semua unsur bernilai di atas 3, kategori baik.',
    data: [
      { label: 'U1 Persyaratan', value: 3.4 },
      { label: 'U2 Prosedur', value: 3.2 },
      { label: 'U3 Waktu', value: 3.1 },
    ],
  },
};
