import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Label } from './label.js';

const meta = {
  title: 'Forms/Label',
  component: Label,
  args: { htmlFor: 'nama', children: 'Nama lengkap' },
  render: (args) => (
    <>
      <Label {...args} />
      <input id="nama" className="mpp-input" />
    </>
  ),
} satisfies Meta<typeof Label>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Nama lengkap' })).toBeVisible();
  },
};
export const PageHeading: StoryObj<typeof meta> = {
  args: { isPageHeading: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Nama lengkap' })).toBeVisible();
  },
};
