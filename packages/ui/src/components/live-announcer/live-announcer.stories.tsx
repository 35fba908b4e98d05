import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { liveRegion, recordRegion } from '../../test-support/assertions.js';
import { Button } from '../button/button.js';
import { LiveAnnouncer, useAnnounce } from './live-announcer.js';

function AnnounceDemo() {
  const announce = useAnnounce();
  return (
    <>
      <Button type="button" onClick={() => announce('Nomor A012, silakan ke loket 3')}>
        Umumkan panggilan
      </Button>{' '}
      <Button
        type="button"
        variant="secondary"
        onClick={() => announce('Koneksi terputus', 'assertive')}
      >
        Umumkan peringatan
      </Button>
    </>
  );
}

const meta = {
  title: 'Foundations/LiveAnnouncer',
  component: LiveAnnouncer,
  // The preview already mounts one LiveAnnouncer around every story; the demo uses it.
  render: () => <AnnounceDemo />,
} satisfies Meta<typeof LiveAnnouncer>;
export default meta;

/** The same message twice is announced twice: the region is cleared, then refilled. */
export const RepeatedMessage: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    const region = liveRegion('polite');
    // Mounted and empty before the first message (a region added already filled is not read).
    await expect(region).toHaveTextContent(/^$/);
    await expect(region).toHaveAttribute('aria-live', 'polite');
    const log = recordRegion(region);
    const button = canvas.getByRole('button', { name: 'Umumkan panggilan' });
    await userEvent.click(button);
    await waitFor(() => expect(region).toHaveTextContent('Nomor A012, silakan ke loket 3'));
    await userEvent.click(button);
    await waitFor(() =>
      expect(log.texts.filter((t) => t === 'Nomor A012, silakan ke loket 3')).toHaveLength(2),
    );
    log.stop();
    // Between the two identical messages the region went blank.
    const firstFilled = log.texts.indexOf('Nomor A012, silakan ke loket 3');
    await expect(log.texts.slice(firstFilled + 1)).toContain('');
  },
};

export const Assertive: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Umumkan peringatan' }));
    await waitFor(() => expect(liveRegion('assertive')).toHaveTextContent('Koneksi terputus'));
    await expect(liveRegion('polite')).not.toHaveTextContent('Koneksi terputus');
  },
};
