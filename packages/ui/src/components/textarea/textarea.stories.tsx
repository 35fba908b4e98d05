import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { Textarea } from './textarea.js';

const meta = {
  title: 'Forms/Textarea',
  component: Textarea,
  args: { id: 'keluhan', label: 'Ceritakan keluhan Anda' },
} satisfies Meta<typeof Textarea>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('textbox', { name: 'Ceritakan keluhan Anda' })).toHaveFocus();
  },
};

/** With `maxLength`: the count updates as you type and a polite region reads it after a pause. */
export const CharacterCount: Story = {
  args: { maxLength: 20, hint: 'Jangan tulis data pribadi' },
  play: async ({ canvas, userEvent }) => {
    const textarea = canvas.getByRole('textbox');
    await waitFor(() => expect(canvas.getByText('Sisa 20 karakter')).toBeVisible());
    await userEvent.click(textarea);
    await userEvent.keyboard('Antrean terlalu lama sekali');
    await expect(canvas.getByText('Kelebihan 7 karakter')).toBeVisible();
    // Nothing was cut off: the count is advisory; the server gives the error.
    await expect(textarea).toHaveValue('Antrean terlalu lama sekali');
    const spoken = canvasContainerLive(textarea);
    await waitFor(() => expect(spoken).toHaveTextContent('Kelebihan 7 karakter'), {
      timeout: 3000,
    });
  },
};

function canvasContainerLive(textarea: HTMLElement): HTMLElement {
  const region = textarea.parentElement?.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!region) throw new Error('character count live region missing');
  return region;
}

export const WithError: Story = {
  args: { maxLength: 200, error: 'Ceritakan keluhan Anda', hint: 'Jangan tulis data pribadi' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  },
};
