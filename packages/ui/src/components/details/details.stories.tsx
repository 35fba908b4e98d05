import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Details } from './details.js';

const meta = {
  title: 'Content/Details',
  component: Details,
  args: {
    summary: 'Tidak punya KTP elektronik?',
    children: 'Anda dapat memakai surat keterangan dari Disdukcapil.',
  },
} satisfies Meta<typeof Details>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    const summary = canvas.getByText('Tidak punya KTP elektronik?');
    await expect(summary).toHaveFocus();
    // user-event cannot press a native <summary> (the browser toggles it), so open it by click after reaching it by Tab.
    await userEvent.click(summary);
    await expect(
      canvas.getByText('Anda dapat memakai surat keterangan dari Disdukcapil.'),
    ).toBeVisible();
  },
};
