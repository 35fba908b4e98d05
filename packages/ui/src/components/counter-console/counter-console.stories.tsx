import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { CounterConsole } from './counter-console.js';

const meta = {
  title: 'MPP/CounterConsole',
  component: CounterConsole,
  args: {
    counterName: 'Loket 3',
    waitingCount: 7,
    onAction: fn(),
    transferTargets: [
      { value: 'loket-1', text: 'Loket 1 — Paspor' },
      { value: 'loket-2', text: 'Loket 2 — KTP-el' },
    ],
  },
} satisfies Meta<typeof CounterConsole>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Idle: only "Panggil berikutnya" is possible; Alt+N presses it. */
export const Idle: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const next = canvas.getByRole('button', { name: /Panggil berikutnya/ });
    await expect(next).toBeEnabled();
    await expect(next).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
    await expect(canvas.getByRole('button', { name: /Selesai/ })).toBeDisabled();
    await userEvent.tab();
    await expect(next).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onAction).toHaveBeenLastCalledWith('call-next', {});
    await userEvent.keyboard('{Alt>}n{/Alt}');
    await expect(args.onAction).toHaveBeenCalledTimes(2);
    // A shortcut for an action not possible now does nothing.
    await userEvent.keyboard('{Alt>}f{/Alt}');
    await expect(args.onAction).toHaveBeenCalledTimes(2);
    expectTargetSize(canvas.getAllByRole('button'), 24);
  },
};

/** Called: recall, start, no-show, park and transfer are possible. */
export const Called: Story = {
  args: { current: { ticket: 'A012', service: 'Paspor', status: 'called' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.keyboard('{Alt>}r{/Alt}');
    await expect(args.onAction).toHaveBeenLastCalledWith('recall', {});
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Alihkan' }), 'loket-2');
    await userEvent.click(canvas.getByRole('button', { name: /^Alihkan/ }));
    await expect(args.onAction).toHaveBeenLastCalledWith('transfer', { transferTo: 'loket-2' });
    await expect(canvas.getByRole('button', { name: /Panggil berikutnya/ })).toBeDisabled();
  },
};

export const Serving: Story = {
  args: { current: { ticket: 'A012', service: 'Paspor', status: 'serving' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.keyboard('{Alt>}f{/Alt}');
    await expect(args.onAction).toHaveBeenLastCalledWith('finish', {});
    await userEvent.click(canvas.getByText('Pintasan papan ketik'));
    await expect(canvas.getByRole('rowheader', { name: 'Alt+N' })).toBeVisible();
  },
};
