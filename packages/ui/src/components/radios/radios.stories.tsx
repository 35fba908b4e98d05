import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { Radios } from './radios.js';

const meta = {
  title: 'Forms/Radios',
  component: Radios,
  args: {
    id: 'jenis-kelamin',
    name: 'jenisKelamin',
    legend: 'Jenis kelamin',
    items: [
      { value: 'L', label: 'Laki-laki' },
      { value: 'P', label: 'Perempuan' },
    ],
  },
} satisfies Meta<typeof Radios>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab enters the group, arrow keys move and select, Tab leaves. */
export const ArrowKeys: Story = {
  args: {
    id: 'layanan',
    name: 'layanan',
    legend: 'Layanan yang Anda perlukan',
    items: [
      { value: 'ktp', label: 'KTP elektronik' },
      { value: 'kk', label: 'Kartu keluarga' },
      { value: 'akta', label: 'Akta kelahiran', hint: 'Untuk anak di bawah 18 tahun' },
    ],
  },
  play: async ({ canvas, userEvent }) => {
    const [ktp, kk, akta] = canvas.getAllByRole('radio');
    await userEvent.tab();
    await expect(ktp).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(kk).toHaveFocus();
    await expect(kk).toBeChecked();
    await userEvent.keyboard('{ArrowDown}');
    await expect(akta).toBeChecked();
    await userEvent.keyboard('{ArrowUp}');
    await expect(kk).toBeChecked();
    await expect(canvas.getByRole('radio', { name: 'Akta kelahiran' })).toHaveAccessibleDescription(
      'Untuk anak di bawah 18 tahun',
    );
    expectTargetSize(canvas.getAllByRole('radio'), 24);
  },
};

export const Inline: Story = {
  args: {
    inline: true,
    legend: 'Apakah Anda penyandang disabilitas?',
    items: [
      { value: 'ya', label: 'Ya' },
      { value: 'tidak', label: 'Tidak' },
    ],
  },
};

export const WithError: Story = {
  args: { error: 'Pilih jenis kelamin', hint: 'Sesuai KTP' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group')).toHaveAccessibleDescription(
      'Sesuai KTP Kesalahan: Pilih jenis kelamin',
    );
  },
};

export const Large: Story = {
  args: { size: 'large', defaultValue: 'P' },
  play: async ({ canvas }) => {
    expectTargetSize(canvas.getAllByRole('radio'), 44);
    await expect(canvas.getByRole('radio', { name: 'Perempuan' })).toBeChecked();
  },
};
