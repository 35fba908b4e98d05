import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow } from '../../test-support/assertions.js';
import { Button } from '../button/button.js';
import { DateInput } from '../date-input/date-input.js';
import { ErrorSummary } from '../error-summary/error-summary.js';
import { NikInput } from '../nik-input/nik-input.js';
import { PhoneInput } from '../phone-input/phone-input.js';
import { Radios } from '../radios/radios.js';
import { TextInput } from '../text-input/text-input.js';
import { Form } from './form.js';

const meta = {
  title: 'Forms/Form',
  component: Form,
  args: { action: '/permohonan', children: null },
} satisfies Meta<typeof Form>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A whole booking form: keyboard only, top to bottom. */
export const Booking: Story = {
  tags: ['reflow'],
  render: (args) => (
    <Form {...args}>
      <TextInput id="nama" label="Nama lengkap" autoComplete="name" />
      <NikInput id="nik" label="NIK" />
      <DateInput id="tanggal-lahir" legend="Tanggal lahir" autoComplete="bday" />
      <PhoneInput id="telepon" label="Nomor telepon seluler" />
      <Radios
        id="sesi"
        name="sesi"
        legend="Sesi kunjungan"
        inline
        items={[
          { value: 'pagi', label: 'Pagi (08.00–12.00)' },
          { value: 'siang', label: 'Siang (13.00–15.00)' },
        ]}
      />
      <Button>Kirim</Button>
    </Form>
  ),
  play: async ({ canvas, userEvent, canvasElement, globals }) => {
    const form = canvasElement.querySelector('form') as HTMLFormElement;
    await expect(form).toHaveAttribute('method', 'post');
    await expect(form).toHaveAttribute('novalidate');
    await userEvent.tab();
    await userEvent.keyboard('Siti Aminah');
    await userEvent.tab();
    await userEvent.keyboard('3602041211870001');
    await userEvent.tab();
    await userEvent.keyboard('12');
    await userEvent.tab();
    await userEvent.keyboard('11');
    await userEvent.tab();
    await userEvent.keyboard('1987');
    await userEvent.tab();
    await userEvent.keyboard('081234567890');
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Kirim' })).toHaveFocus();
    const data = new FormData(form);
    await expect(Object.fromEntries(data)).toEqual({
      nama: 'Siti Aminah',
      nik: '3602041211870001',
      'tanggal-lahir-day': '12',
      'tanggal-lahir-month': '11',
      'tanggal-lahir-year': '1987',
      telepon: '081234567890',
      sesi: 'siang',
    });
    expectReflow(canvasElement, globals);
  },
};

/** After a failed submit: summary first, values kept, messages by each field. */
export const AfterFailedSubmit: Story = {
  render: (args) => (
    <Form {...args}>
      <ErrorSummary
        errors={[
          { fieldId: 'nik', text: 'NIK harus 16 digit' },
          { fieldId: 'sesi', text: 'Pilih sesi kunjungan' },
        ]}
      />
      <TextInput id="nama" label="Nama lengkap" defaultValue="Siti Aminah" />
      <NikInput id="nik" label="NIK" defaultValue="360204121187" error="NIK harus 16 digit" />
      <Radios
        id="sesi"
        name="sesi"
        legend="Sesi kunjungan"
        error="Pilih sesi kunjungan"
        items={[
          { value: 'pagi', label: 'Pagi' },
          { value: 'siang', label: 'Siang' },
        ]}
      />
      <Button>Kirim</Button>
    </Form>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'NIK' })).toHaveValue('360204121187');
    await expect(canvas.getByRole('link', { name: 'NIK harus 16 digit' })).toHaveAttribute(
      'href',
      '#nik',
    );
  },
};

/** The failed-submit page in the high-contrast theme, in English. */
export const AfterFailedSubmitHighContrastEnglish: Story = {
  ...AfterFailedSubmit,
  globals: { theme: 'high-contrast', locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(canvas.getByText('NIK harus 16 digit', { selector: 'p' })).toHaveTextContent(
      'Error: NIK harus 16 digit',
    );
  },
};
