import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusBadge, Tag } from './tag.js';

const meta = {
  title: 'Content/Tag',
  component: Tag,
  args: { children: 'Baru' },
} satisfies Meta<typeof Tag>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Tones: Story = {
  render: () => (
    <p>
      <Tag>Netral</Tag> <Tag tone="info">Info</Tag> <Tag tone="success">Selesai</Tag>{' '}
      <Tag tone="warning">Tertunda</Tag> <Tag tone="error">Ditolak</Tag>
    </p>
  ),
};

/** Every status has words and an icon; colour only reinforces them. */
export const StatusBadges: Story = {
  render: () => (
    <p>
      <StatusBadge status="waiting" /> <StatusBadge status="called" />{' '}
      <StatusBadge status="serving" /> <StatusBadge status="done" /> <StatusBadge status="noShow" />{' '}
      <StatusBadge status="parked" />
    </p>
  ),
  play: async ({ canvas }) => {
    for (const word of ['Menunggu', 'Dipanggil', 'Dilayani', 'Selesai', 'Tidak hadir', 'Ditunda']) {
      await expect(canvas.getByText(word)).toBeVisible();
    }
  },
};
