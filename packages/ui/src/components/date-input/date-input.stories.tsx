import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DateInput } from './date-input.js';

const meta = {
  title: 'Forms/DateInput',
  component: DateInput,
  args: {
    id: 'tanggal-lahir',
    legend: 'Tanggal lahir',
    hint: 'Contoh: 17 8 1990',
    autoComplete: 'bday',
  },
} satisfies Meta<typeof DateInput>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Tanggal' })).toHaveFocus();
    await userEvent.keyboard('17');
    await userEvent.tab();
    await userEvent.keyboard('08');
    await userEvent.tab();
    await userEvent.keyboard('1990');
    await expect(canvas.getByRole('textbox', { name: 'Bulan' })).toHaveValue('08');
    await expect(canvas.getByRole('textbox', { name: 'Tahun' })).toHaveAttribute(
      'inputmode',
      'numeric',
    );
    await expect(canvas.getByRole('group', { name: 'Tanggal lahir' })).toHaveAccessibleDescription(
      'Contoh: 17 8 1990',
    );
  },
};

export const ErrorInYear: Story = {
  args: {
    error: 'Tahun lahir harus 4 angka',
    errorParts: ['year'],
    defaultValue: { day: '17', month: '8', year: '90' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Tahun' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(canvas.getByRole('textbox', { name: 'Tanggal' })).not.toHaveAttribute(
      'aria-invalid',
    );
    // What the user typed is kept (WCAG 3.3.7).
    await expect(canvas.getByRole('textbox', { name: 'Tahun' })).toHaveValue('90');
  },
};
