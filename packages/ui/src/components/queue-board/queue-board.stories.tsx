import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { recordRegion } from '../../test-support/assertions.js';
import { Button } from '../button/button.js';
import { QueueBoard, type QueueCall } from './queue-board.js';

const counters = [
  { counter: '1', ticket: 'A011', service: 'Paspor' },
  { counter: '2', ticket: 'B004', service: 'KTP-el' },
  { counter: '3' },
];
const initialCalls: QueueCall[] = [
  { id: 'c2', ticket: 'B004', counter: '2' },
  { id: 'c1', ticket: 'A011', counter: '1' },
];

const meta = {
  title: 'MPP/QueueBoard',
  component: QueueBoard,
  parameters: { layout: 'fullscreen' },
  args: { title: 'MPP Kota Contoh', counters, recentCalls: initialCalls },
} satisfies Meta<typeof QueueBoard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'Sedang dilayani' })).toBeVisible();
    await expect(canvas.getByText('B004', { selector: '.mpp-queue-board__ticket' })).toBeVisible();
    // Nothing flashes or moves (WCAG 2.3.1, 2.2.2).
    await expect(canvasElement.ownerDocument.getAnimations()).toHaveLength(0);
  },
};

export const Empty: Story = {
  args: { recentCalls: [], counters: [{ counter: '1' }, { counter: '2' }] },
};

function LiveBoard() {
  const [calls, setCalls] = useState(initialCalls);
  const call = (ticket: string, counter: string) =>
    setCalls((previous) => [{ id: `c${previous.length + 1}`, ticket, counter }, ...previous]);
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => call('A012', '3')}>
        Panggil A012 ke loket 3
      </Button>{' '}
      <Button
        type="button"
        variant="secondary"
        onClick={() => call(calls[0]?.ticket ?? 'A012', calls[0]?.counter ?? '3')}
      >
        Panggil ulang
      </Button>{' '}
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          // two counters call within a few milliseconds: two renders before the region is written
          call('A013', '1');
          setTimeout(() => call('B005', '2'), 20);
        }}
      >
        Dua loket memanggil
      </Button>
      <QueueBoard title="MPP Kota Contoh" counters={counters} recentCalls={calls} />
    </>
  );
}

/** Each new call is announced by the persistent region; a recall of the same ticket is announced again. */
export const LiveAnnouncements: Story = {
  render: () => <LiveBoard />,
  play: async ({ canvas, userEvent, canvasElement }) => {
    const region = canvasElement.querySelector<HTMLElement>('.mpp-queue-board [role="status"]');
    if (!region) throw new Error('no live region');
    // Present and empty from the first render: the call on screen at load is not re-read.
    await expect(region).toHaveTextContent(/^$/);
    const log = recordRegion(region);
    await userEvent.click(canvas.getByRole('button', { name: 'Panggil A012 ke loket 3' }));
    const sentence = 'Nomor A012, silakan ke loket 3';
    await waitFor(() => expect(region).toHaveTextContent(sentence));
    await userEvent.click(canvas.getByRole('button', { name: 'Panggil ulang' }));
    await waitFor(() => expect(log.texts.filter((text) => text === sentence)).toHaveLength(2));
    log.stop();
    await expect(log.texts.slice(log.texts.indexOf(sentence) + 1)).toContain('');
  },
};

/** Calls made together by two counters are both announced, the first not replaced by the second. */
export const SimultaneousCalls: Story = {
  render: () => <LiveBoard />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const region = canvasElement.querySelector<HTMLElement>('.mpp-queue-board [role="status"]');
    if (!region) throw new Error('no live region');
    const log = recordRegion(region);
    await userEvent.click(canvas.getByRole('button', { name: 'Dua loket memanggil' }));
    await waitFor(() => {
      const heard = log.texts.join(' | ');
      expect(heard).toContain('Nomor A013, silakan ke loket 1');
      expect(heard).toContain('Nomor B005, silakan ke loket 2');
    });
    log.stop();
  },
};

/** At TV size (1920×1080 CSS px) the now-serving number is huge and nothing overflows. */
export const Tv1080p: Story = {
  render: (args) => (
    <div style={{ width: 1920, height: 1080, fontSize: '150%' }}>
      <QueueBoard {...args} />
    </div>
  ),
  play: async ({ canvas }) => {
    const ticket = canvas.getByText('B004', { selector: '.mpp-queue-board__ticket' });
    await expect(Number.parseFloat(getComputedStyle(ticket).fontSize)).toBeGreaterThanOrEqual(80);
  },
};
