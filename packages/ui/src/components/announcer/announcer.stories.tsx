import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { Button } from '../button/button.js';
import { type AnnouncedCall, Announcer } from './announcer.js';
import type { SpeechSynthesisLike } from './speech-announcer.js';

/**
 * A stand-in for `speechSynthesis`: headless Chromium in CI cannot speak, so this story records
 * what would be spoken. It ends each utterance after a short time, like a real engine.
 */
function createRecordingSynth() {
  const spoken: Array<{ text: string; lang: string; voice: string | null }> = [];
  const synth: SpeechSynthesisLike = {
    speak(utterance) {
      spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name ?? null,
      });
      setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
    },
    cancel() {},
    getVoices: () => [],
    addEventListener() {},
    removeEventListener() {},
  };
  return { synth, spoken };
}

const recording = createRecordingSynth();

function AnnouncerDemo({ synth }: { synth?: SpeechSynthesisLike }) {
  const [call, setCall] = useState<AnnouncedCall | undefined>(undefined);
  const [count, setCount] = useState(0);
  return (
    <>
      <Announcer call={call} synth={synth} />
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setCount(count + 1);
          setCall({ id: String(count + 1), ticket: 'A012', counter: '3' });
        }}
      >
        Panggil A012
      </Button>
    </>
  );
}

const meta = {
  title: 'MPP/Announcer',
  component: Announcer,
  render: () => <AnnouncerDemo synth={recording.synth} />,
} satisfies Meta<typeof Announcer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing is spoken until "Aktifkan suara"; then calls are spoken in Indonesian, queued, none lost. */
export const ActivationAndQueue: Story = {
  play: async ({ canvas, userEvent }) => {
    recording.spoken.length = 0;
    const activate = await canvas.findByRole('button', { name: 'Aktifkan suara' });
    await userEvent.click(canvas.getByRole('button', { name: 'Panggil A012' }));
    await expect(recording.spoken).toHaveLength(0);
    await userEvent.click(activate);
    await expect(canvas.getByText('Suara aktif')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Panggil A012' }));
    await waitFor(() => expect(recording.spoken).toHaveLength(2));
    await expect(recording.spoken[0]).toEqual({
      text: 'Nomor antrean A nol dua belas, silakan ke loket tiga',
      lang: 'id-ID',
      voice: null,
    });
    await expect(recording.spoken[1]?.text).toBe(recording.spoken[0]?.text);
  },
};

const bilingual = createRecordingSynth();

function BoardCallsDemo() {
  const [calls, setCalls] = useState<AnnouncedCall[]>([{ id: '1', ticket: 'A011', counter: '1' }]);
  return (
    <>
      <Announcer calls={calls} languages={['id', 'en']} defaultActive synth={bilingual.synth} />
      <Button
        type="button"
        variant="secondary"
        onClick={() =>
          // two counters call at the same moment
          setCalls((list) => [
            { id: '3', ticket: 'B005', counter: '7' },
            { id: '2', ticket: 'A012', counter: '5' },
            ...list,
          ])
        }
      >
        Dua panggilan
      </Button>
    </>
  );
}

/**
 * A board configured for Indonesian and English, started with sound on: calls made together are
 * all spoken, oldest first, each in Indonesian then English; the call on screen at start is not.
 */
export const BilingualSimultaneousCalls: Story = {
  render: () => <BoardCallsDemo />,
  play: async ({ canvas, userEvent }) => {
    bilingual.spoken.length = 0;
    await expect(await canvas.findByText('Suara aktif')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Dua panggilan' }));
    await waitFor(() => expect(bilingual.spoken).toHaveLength(4));
    await expect(bilingual.spoken.map((s) => `${s.lang}|${s.text}`)).toEqual([
      'id-ID|Nomor antrean A nol dua belas, silakan ke loket lima',
      'en-US|Ticket A zero one two, please go to counter 5',
      'id-ID|Nomor antrean B nol nol lima, silakan ke loket tujuh',
      'en-US|Ticket B zero zero five, please go to counter 7',
    ]);
  },
};

/** With the browser's own speech engine (silent in headless CI): the activation button shows. */
export const BrowserSpeech: Story = {
  render: () => <AnnouncerDemo />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Aktifkan suara' })).toBeVisible();
  },
};
