import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { NikInput } from './nik-input.js';

const meta = {
  title: 'Forms/NikInput',
  component: NikInput,
  args: { id: 'nik', label: 'NIK' },
} satisfies Meta<typeof NikInput>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'NIK' });
    await expect(input).toHaveAttribute('inputmode', 'numeric');
    await expect(input).toHaveAccessibleDescription('16 digit angka, tertera di KTP elektronik');
    await userEvent.type(input, '3602041211870001');
    await expect(input).toHaveValue('3602041211870001');
  },
};

export const WithError: Story = {
  args: { error: 'NIK harus 16 digit', defaultValue: '36020412118700' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox')).toHaveValue('36020412118700');
  },
};
