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

/** With the browser's own speech engine (silent in headless CI): the activation button shows. */
export const BrowserSpeech: Story = {
  render: () => <AnnouncerDemo />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Aktifkan suara' })).toBeVisible();
  },
};
