import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { expectReflow, expectTargetSize } from '../../test-support/assertions.js';
import { Button } from './button.js';

const meta = {
  title: 'Forms/Button',
  component: Button,
  args: { children: 'Simpan dan lanjutkan', type: 'button', onClick: fn() },
} satisfies Meta<typeof Button>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent, args, canvasElement, globals }) => {
    const button = canvas.getByRole('button', { name: 'Simpan dan lanjutkan' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
    expectTargetSize([button], 24);
    expectReflow(canvasElement, globals);
  },
};

export const Secondary: Story = { args: { variant: 'secondary', children: 'Batal' } };

export const Warning: Story = { args: { variant: 'warning', children: 'Hapus permohonan' } };

export const StartLink: Story = {
  args: { href: '#mulai', children: 'Mulai sekarang' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Mulai sekarang' })).toHaveAttribute(
      'href',
      '#mulai',
    );
  },
};

/** Click to start a slow action: the polite status beside the button then says it is busy. */
export const Loading: Story = {
  render: function LoadingButton(args) {
    const [loading, setLoading] = useState(false);
    return (
      <Button {...args} loading={loading} onClick={() => setLoading(true)}>
        Kirim permohonan
      </Button>
    );
  },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Kirim permohonan' });
    const status = canvas.getByText('', { selector: '.mpp-root > span[role="status"]' });
    // The status region is in the page, empty, before anything happens, so the change is announced.
    await expect(status).toHaveTextContent(/^$/);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveFocus();
    await waitFor(() => expect(status).toHaveTextContent('Memproses, mohon tunggu'));
  },
};

export const KioskLarge: Story = {
  args: { size: 'large', block: true, children: 'Ambil nomor antrean' },
  play: async ({ canvas }) => {
    expectTargetSize([canvas.getByRole('button')], 48);
  },
};

/** The high-contrast theme; axe checks its colours in this story. */
export const HighContrast: Story = {
  globals: { theme: 'high-contrast' },
  render: (args) => (
    <>
      <Button {...args} />{' '}
      <Button {...args} variant="secondary">
        Batal
      </Button>{' '}
      <Button {...args} variant="warning">
        Hapus
      </Button>
    </>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-mpp-theme]')).toHaveAttribute(
      'data-mpp-theme',
      'high-contrast',
    );
  },
};
