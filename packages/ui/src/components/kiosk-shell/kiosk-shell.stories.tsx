import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { ServiceTile } from '../service-tile/service-tile.js';
import { KioskShell } from './kiosk-shell.js';

const meta = {
  title: 'MPP/KioskShell',
  component: KioskShell,
  parameters: { layout: 'fullscreen' },
  args: {
    title: 'MPP Kota Contoh',
    onTimeout: fn(),
    children: (
      <>
        <h1 className="mpp-heading-l">Pilih layanan</h1>
        <ul className="mpp-service-tile-grid">
          <li>
            <ServiceTile title="Paspor" description="Permohonan paspor" onSelect={() => {}} />
          </li>
          <li>
            <ServiceTile
              title="KTP elektronik"
              description="Rekam dan cetak KTP-el"
              onSelect={() => {}}
            />
          </li>
        </ul>
      </>
    ),
  },
} satisfies Meta<typeof KioskShell>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every target on the kiosk is at least 48 px; large text scales the screen. */
export const Default: Story = {
  play: async ({ canvas, userEvent, canvasElement }) => {
    expectTargetSize(canvas.getAllByRole('button'), 48);
    const toggle = canvas.getByRole('button', { name: 'Huruf besar' });
    const heading = canvas.getByRole('heading', { name: 'Pilih layanan' });
    const before = Number.parseFloat(getComputedStyle(heading).fontSize);
    await userEvent.tab();
    await expect(toggle).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const after = Number.parseFloat(getComputedStyle(heading).fontSize);
    await expect(after).toBeGreaterThan(before * 1.3);
    await expect(canvasElement.querySelector('.mpp-kiosk')).toHaveAttribute(
      'data-mpp-theme',
      'large-text',
    );
  },
};

/** After the idle time a dialog warns; "Saya perlu waktu lagi" (or Escape) keeps the session. */
export const IdleWarning: Story = {
  args: { idleSeconds: 1, warningSeconds: 30 },
  play: async ({ canvas, userEvent, args }) => {
    const dialog = await waitFor(() => canvas.getByRole('dialog', { name: 'Masih di sana?' }), {
      timeout: 3000,
    });
    const more = canvas.getByRole('button', { name: 'Saya perlu waktu lagi' });
    await waitFor(() => expect(more).toHaveFocus());
    await expect(dialog).toHaveAccessibleDescription(/kembali ke awal dalam \d+ detik/);
    expectTargetSize([more], 48);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(dialog).not.toBeVisible());
    await expect(args.onTimeout).not.toHaveBeenCalled();
  },
};

/** Nobody answers: the kiosk resets. */
export const IdleTimeout: Story = {
  args: { idleSeconds: 1, warningSeconds: 1 },
  play: async ({ args }) => {
    await waitFor(() => expect(args.onTimeout).toHaveBeenCalled(), { timeout: 5000 });
  },
};

/** An app whose skip link points at `#main` names the landmark with `mainId`. */
export const CustomMainId: Story = {
  args: { mainId: 'main' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('main')).toHaveAttribute('id', 'main');
  },
};
