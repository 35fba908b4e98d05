import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ErrorMessage } from './error-message.js';

const meta = {
  title: 'Forms/ErrorMessage',
  component: ErrorMessage,
  args: { id: 'nama-error', children: 'Masukkan nama lengkap Anda' },
} satisfies Meta<typeof ErrorMessage>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Masukkan nama lengkap Anda').closest('p')).toHaveTextContent(
      'Kesalahan: Masukkan nama lengkap Anda',
    );
  },
};
