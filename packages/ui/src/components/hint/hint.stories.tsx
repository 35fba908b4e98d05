import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Hint } from './hint.js';

const meta = {
  title: 'Forms/Hint',
  component: Hint,
  args: { id: 'nama-hint', children: 'Sesuai yang tertulis di KTP' },
  render: (args) => (
    <>
      <label className="mpp-label" htmlFor="nama">
        Nama lengkap
      </label>
      <Hint {...args} />
      <input id="nama" className="mpp-input" aria-describedby="nama-hint" />
    </>
  ),
} satisfies Meta<typeof Hint>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox')).toHaveAccessibleDescription(
      'Sesuai yang tertulis di KTP',
    );
  },
};
