import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { LikertScale, SKM_OPTIONS_EN } from './likert-scale.js';

const meta = {
  title: 'MPP/LikertScale',
  component: LikertScale,
  args: {
    id: 'u1',
    name: 'u1',
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
  },
} satisfies Meta<typeof LikertScale>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Arrow keys move between the four answers; every target is at least 44 px. */
export const Default: Story = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent }) => {
    const radios = canvas.getAllByRole('radio');
    await expect(radios).toHaveLength(4);
    await userEvent.tab();
    await expect(radios[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Sesuai' })).toBeChecked();
    expectTargetSize(radios, 44);
  },
};

export const WithError: Story = {
  args: { error: 'Pilih satu jawaban' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group')).toHaveAccessibleDescription(
      'Kesalahan: Pilih satu jawaban',
    );
  },
};

export const English: Story = {
  args: {
    options: SKM_OPTIONS_EN,
    question: 'How well do the requirements fit the service?',
    defaultValue: '4',
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: 'Very appropriate' })).toBeChecked();
  },
};
