import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { PhoneInput } from './phone-input.js';

const meta = {
  title: 'Forms/PhoneInput',
  component: PhoneInput,
  args: { id: 'telepon', label: 'Nomor telepon seluler' },
} satisfies Meta<typeof PhoneInput>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Nomor telepon seluler' });
    await expect(input).toHaveAttribute('type', 'tel');
    await expect(input).toHaveAttribute('autocomplete', 'tel');
  },
};
