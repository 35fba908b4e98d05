import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { Checkboxes } from './checkboxes.js';

const meta = {
  title: 'Forms/Checkboxes',
  component: Checkboxes,
  args: {
    id: 'bantuan',
    name: 'bantuan',
    legend: 'Bantuan yang Anda perlukan di lokasi',
    hint: 'Pilih semua yang sesuai',
    items: [
      { value: 'kursi-roda', label: 'Kursi roda' },
      { value: 'juru-bahasa-isyarat', label: 'Juru bahasa isyarat' },
      { value: 'pendamping', label: 'Pendamping' },
    ],
  },
} satisfies Meta<typeof Checkboxes>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Keyboard: Story = {
  play: async ({ canvas, userEvent }) => {
    const [first, second] = canvas.getAllByRole('checkbox');
    await userEvent.tab();
    await expect(first).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(first).toBeChecked();
    await userEvent.tab();
    await expect(second).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(second).toBeChecked();
    expectTargetSize(canvas.getAllByRole('checkbox'), 24);
  },
};

export const WithError: Story = {
  args: { error: 'Pilih bantuan yang Anda perlukan', defaultValues: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group')).toHaveAccessibleDescription(/Kesalahan: Pilih bantuan/);
  },
};
