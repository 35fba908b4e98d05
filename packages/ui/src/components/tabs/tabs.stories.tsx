import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { Tabs } from './tabs.js';

const meta = {
  title: 'Content/Tabs',
  component: Tabs,
  args: {
    items: [
      { id: 'hari-ini', label: 'Hari ini', content: <p className="mpp-body">128 pengunjung</p> },
      {
        id: 'minggu-ini',
        label: 'Minggu ini',
        content: <p className="mpp-body">812 pengunjung</p>,
      },
      {
        id: 'bulan-ini',
        label: 'Bulan ini',
        content: <p className="mpp-body">3.400 pengunjung</p>,
      },
    ],
  },
} satisfies Meta<typeof Tabs>;
export default meta;

/** Arrow keys, Home and End move between tabs; one panel at a time. */
export const Keyboard: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    const [today, week, month] = await waitFor(() => {
      const tabs = canvas.getAllByRole('tab');
      expect(tabs).toHaveLength(3);
      return tabs;
    });
    await userEvent.tab();
    await expect(today).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(week).toHaveFocus();
    await expect(week).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByText('812 pengunjung')).toBeVisible();
    await expect(canvas.queryByText('128 pengunjung')).not.toBeVisible();
    await userEvent.keyboard('{End}');
    await expect(month).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(today).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(today).toHaveAttribute('aria-selected', 'true');
  },
};
