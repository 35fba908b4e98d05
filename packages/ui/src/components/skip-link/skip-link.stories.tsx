import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SkipLink } from './skip-link.js';

const meta = {
  title: 'Layout/SkipLink',
  component: SkipLink,
  render: (args) => (
    <>
      <SkipLink {...args} />
      <header>
        <a href="#beranda">Beranda</a>
      </header>
      <main id="main-content">
        <h1>Konten utama</h1>
        <a href="#tautan">Tautan pertama di konten</a>
      </main>
    </>
  ),
} satisfies Meta<typeof SkipLink>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, userEvent }) => {
    const link = canvas.getByRole('link', { name: 'Langsung ke konten utama' });
    await userEvent.tab();
    await expect(link).toHaveFocus();
    // Visible when focused (it is moved off-screen otherwise).
    await expect(link.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    await userEvent.keyboard('{Enter}');
    const main = canvas.getByRole('main');
    await expect(main).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Tautan pertama di konten' })).toHaveFocus();
  },
};
