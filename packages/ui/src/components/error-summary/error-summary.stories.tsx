import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { Radios } from '../radios/radios.js';
import { TextInput } from '../text-input/text-input.js';
import { ErrorSummary } from './error-summary.js';

const meta = {
  title: 'Forms/ErrorSummary',
  component: ErrorSummary,
  args: {
    errors: [
      { fieldId: 'nama', text: 'Masukkan nama lengkap Anda' },
      { fieldId: 'layanan', text: 'Pilih layanan yang Anda perlukan' },
    ],
  },
  render: (args) => (
    <>
      <ErrorSummary {...args} />
      {/* Spacer so following a link has to scroll. */}
      <div style={{ height: '150vh' }} />
      <TextInput id="nama" label="Nama lengkap" error="Masukkan nama lengkap Anda" />
      <div style={{ height: '150vh' }} />
      <Radios
        id="layanan"
        name="layanan"
        legend="Layanan yang Anda perlukan"
        error="Pilih layanan yang Anda perlukan"
        items={[
          { value: 'ktp', label: 'KTP elektronik' },
          { value: 'kk', label: 'Kartu keluarga' },
        ]}
      />
    </>
  ),
} satisfies Meta<typeof ErrorSummary>;
export default meta;

/** Focused on load; each link focuses its field with the label or legend scrolled into view. */
export const FocusAndLinks: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    const summary = canvas.getByRole('alert').parentElement as HTMLElement;
    await waitFor(() => expect(summary).toHaveFocus());
    await expect(canvas.getByRole('heading', { name: 'Ada masalah' })).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    const input = canvas.getByRole('textbox', { name: 'Nama lengkap' });
    await expect(input).toHaveFocus();
    const label = canvas.getByText('Nama lengkap', { selector: 'label' });
    await waitFor(() => expect(isInViewport(label)).toBe(true));
    summary.focus();
    await userEvent.click(canvas.getByRole('link', { name: 'Pilih layanan yang Anda perlukan' }));
    await expect(canvas.getByRole('radio', { name: 'KTP elektronik' })).toHaveFocus();
    const legend = canvas.getByText('Layanan yang Anda perlukan', { selector: 'legend' });
    await waitFor(() => expect(isInViewport(legend)).toBe(true));
  },
};

function isInViewport(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}
