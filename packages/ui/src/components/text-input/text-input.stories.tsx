import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow, expectTargetSize } from '../../test-support/assertions.js';
import { TextInput } from './text-input.js';

const meta = {
  title: 'Forms/TextInput',
  component: TextInput,
  args: { id: 'nama', label: 'Nama lengkap', autoComplete: 'name' },
} satisfies Meta<typeof TextInput>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent, canvasElement, globals }) => {
    const input = canvas.getByRole('textbox', { name: 'Nama lengkap' });
    await userEvent.tab();
    await expect(input).toHaveFocus();
    await userEvent.keyboard('Siti Aminah');
    await expect(input).toHaveValue('Siti Aminah');
    await expect(input).toHaveAttribute('name', 'nama');
    expectTargetSize([input], 24);
    expectReflow(canvasElement, globals);
  },
};

export const WithHint: Story = {
  args: { hint: 'Sesuai yang tertulis di KTP' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox')).toHaveAccessibleDescription(
      'Sesuai yang tertulis di KTP',
    );
  },
};

export const WithError: Story = {
  args: {
    hint: 'Sesuai yang tertulis di KTP',
    error: 'Masukkan nama lengkap Anda',
    defaultValue: '',
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    // Hint first, then the error, as GOV.UK orders them.
    await expect(input).toHaveAccessibleDescription(
      'Sesuai yang tertulis di KTP Kesalahan: Masukkan nama lengkap Anda',
    );
  },
};

export const FixedWidth: Story = {
  args: { id: 'kode-pos', label: 'Kode pos', width: 5, inputMode: 'numeric' },
};
