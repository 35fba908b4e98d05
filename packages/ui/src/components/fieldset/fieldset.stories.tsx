import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TextInput } from '../text-input/text-input.js';
import { Fieldset } from './fieldset.js';

const meta = {
  title: 'Forms/Fieldset',
  component: Fieldset,
  args: {
    legend: 'Alamat tempat tinggal',
    children: (
      <>
        <TextInput id="jalan" label="Jalan" autoComplete="address-line1" />
        <TextInput id="kota" label="Kota atau kabupaten" autoComplete="address-level2" width={20} />
      </>
    ),
  },
} satisfies Meta<typeof Fieldset>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Alamat tempat tinggal' })).toBeVisible();
  },
};
export const PageHeading: StoryObj<typeof meta> = {
  args: { isPageHeading: true },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('heading', { level: 1, name: 'Alamat tempat tinggal' }),
    ).toBeVisible();
  },
};
