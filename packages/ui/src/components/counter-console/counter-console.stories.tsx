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

/**
 * Parked tickets can be resumed to this counter or sent on in one action; each posts its
 * `ticketId` (and the hidden fields, e.g. a CSRF token, with every form).
 */
export const WithParked: Story = {
  args: {
    parked: [
      { id: 't-7', ticket: 'B004', service: 'KTP-el' },
      { id: 't-9', ticket: 'A015', service: 'Paspor' },
    ],
    hiddenFields: { _csrf: 'token' },
  },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Tiket ditunda' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Lanjutkan A015' }));
    await expect(args.onAction).toHaveBeenLastCalledWith('resume', { ticketId: 't-9' });
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: 'Alihkan B004' }),
      'loket-1',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Alihkan B004' }));
    await expect(args.onAction).toHaveBeenLastCalledWith('transfer', {
      transferTo: 'loket-1',
      ticketId: 't-7',
    });
    await expect(canvasElement.querySelectorAll('input[name="_csrf"]')).toHaveLength(3);
  },
};

/** A ticket at the counter: parked tickets wait until it is done. */
export const ParkedWhileBusy: Story = {
  args: {
    current: { ticket: 'A012', service: 'Paspor', status: 'serving' },
    parked: [{ id: 't-7', ticket: 'B004', service: 'KTP-el' }],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Lanjutkan B004' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: /Selesai/ })).toBeEnabled();
  },
};

/** Read-only (an auditor): the state shows, every action is disabled. */
export const ReadOnly: Story = {
  args: {
    canAct: false,
    current: { ticket: 'A012', service: 'Paspor', status: 'called' },
  },
  play: async ({ canvas, canvasElement }) => {
    const buttons = [...canvasElement.querySelectorAll('form button')];
    await expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) await expect(button).toBeDisabled();
    await expect(canvas.queryByRole('combobox')).toBeNull();
  },
};
