import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Panel } from './panel.js';

const meta = {
  title: 'Content/Panel',
  component: Panel,
  args: {
    title: 'Pendaftaran berhasil',
    children: (
      <>
        Kode booking Anda
        <br />
        <strong>HDJ2123F</strong>
      </>
    ),
  },
} satisfies Meta<typeof Panel>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('heading', { level: 1, name: 'Pendaftaran berhasil' }),
    ).toBeVisible();
  },
};
