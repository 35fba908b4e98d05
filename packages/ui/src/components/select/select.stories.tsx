import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Select } from './select.js';

const meta = {
  title: 'Forms/Select',
  component: Select,
  args: {
    id: 'instansi',
    label: 'Instansi',
    options: [
      { value: 'dukcapil', text: 'Disdukcapil' },
      { value: 'imigrasi', text: 'Kantor Imigrasi' },
      { value: 'samsat', text: 'Samsat' },
    ],
  },
} satisfies Meta<typeof Select>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    const select = canvas.getByRole('combobox', { name: 'Instansi' });
    await userEvent.tab();
    await expect(select).toHaveFocus();
    await userEvent.selectOptions(select, 'imigrasi');
    await expect(select).toHaveValue('imigrasi');
  },
};

export const WithError: Story = {
  args: { error: 'Pilih instansi', hint: 'Instansi yang memberi layanan' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('combobox')).toHaveAttribute('aria-invalid', 'true');
  },
};
