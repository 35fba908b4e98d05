import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { ServiceTile } from './service-tile.js';

const meta = {
  title: 'MPP/ServiceTile',
  component: ServiceTile,
  args: {
    title: 'Paspor',
    description: 'Permohonan dan penggantian paspor',
    meta: '12 orang menunggu',
    icon: '🛂',
  },
  render: (args) => (
    <ul className="mpp-service-tile-grid">
      <li>
        <ServiceTile {...args} />
      </li>
      <li>
        <ServiceTile
          title="KTP elektronik"
          description="Rekam dan cetak KTP-el"
          meta="3 orang menunggu"
          icon="🪪"
          onSelect={args.onSelect}
        />
      </li>
      <li>
        <ServiceTile
          title="SIM"
          description="Perpanjangan SIM A dan C"
          meta="Tutup, buka besok 08.00"
          unavailable
        />
      </li>
    </ul>
  ),
} satisfies Meta<typeof ServiceTile>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Buttons: Story = {
  args: { onSelect: fn() },
  play: async ({ canvas, userEvent, args }) => {
    const tiles = canvas.getAllByRole('button');
    await userEvent.tab();
    await expect(tiles[0]).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole('button', { name: /SIM/ })).toBeDisabled();
    expectTargetSize(tiles, 48);
  },
};

export const Links: Story = {
  args: { href: '#paspor' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: /Paspor/ })).toHaveAttribute('href', '#paspor');
    expectTargetSize(canvas.getAllByRole('link'), 48);
  },
};
