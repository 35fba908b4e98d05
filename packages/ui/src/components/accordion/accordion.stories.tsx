import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { Accordion } from './accordion.js';

const meta = {
  title: 'Content/Accordion',
  component: Accordion,
  args: {
    sections: [
      {
        id: 'syarat',
        heading: 'Persyaratan',
        content: <p className="mpp-body">Kartu keluarga dan akta kelahiran.</p>,
      },
      { id: 'biaya', heading: 'Biaya', content: <p className="mpp-body">Gratis.</p> },
      { id: 'waktu', heading: 'Jangka waktu', content: <p className="mpp-body">1 hari kerja.</p> },
    ],
  },
} satisfies Meta<typeof Accordion>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    const [first, second] = Array.from(canvasElement.querySelectorAll('summary'));
    await userEvent.tab();
    await expect(first).toHaveFocus();
    // user-event cannot press a native <summary> (the browser toggles it), so open it by click after reaching it by Tab.
    await userEvent.click(first as HTMLElement);
    await expect(canvas.getByText('Kartu keluarga dan akta kelahiran.')).toBeVisible();
    await userEvent.tab();
    await expect(second).toHaveFocus();
    await userEvent.click(second as HTMLElement);
    await expect(canvas.getByText('Gratis.')).toBeVisible();
    expectTargetSize(canvasElement.querySelectorAll('summary'), 44);
  },
};
