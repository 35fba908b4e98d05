import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { Pagination } from './pagination.js';

const meta = {
  title: 'Content/Pagination',
  component: Pagination,
  args: { page: 5, pageCount: 12, href: (page: number) => `?halaman=${page}` },
} satisfies Meta<typeof Pagination>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('link', { name: 'Halaman 5' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: /Sebelumnya/ })).toHaveFocus();
    expectTargetSize(canvas.getAllByRole('link'), 44);
  },
};
