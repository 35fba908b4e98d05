import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { Button } from '../button/button.js';
import { callSentence } from './number-words.js';
import {
  SpeechAnnouncer,
  type SpeechSynthesisLike,
  type UtteranceFactory,
} from './speech-announcer.js';

/** One call to speak. A new `id` speaks again, even for the same ticket (a recall). */
export interface AnnouncedCall {
  id: string;
  ticket: string;
  counter: string | number;
}

export interface AnnouncerProps {
  /** The latest call; each new `id` is spoken once. */
  call?: AnnouncedCall;
  /** Speech engine; `window.speechSynthesis` by default. Tests pass a fake. */
  synth?: SpeechSynthesisLike;
  /** Utterance constructor; `new SpeechSynthesisUtterance(text)` by default. */
  createUtterance?: UtteranceFactory;
  /** Builds the spoken sentence; Indonesian "Nomor antrean … silakan ke loket …" by default. */
  sentence?: (call: AnnouncedCall) => string;
}

/**
 * Speaks queue calls on the display board with the Web Speech API, in Indonesian. Shows a
 * one-time "Aktifkan suara" button, because browsers only speak after a user gesture; after it
 * is pressed it shows "Suara aktif". Calls are queued so none is cut off. Renders nothing
 * speakable on the server; the board's visible text and live region carry the same call.
 */
export function Announcer({
  call,
  synth,
  createUtterance,
  sentence = defaultSentence,
}: AnnouncerProps) {
  const { t } = useI18n();
  const announcer = useRef<SpeechAnnouncer | null>(null);
  const [state, setState] = useState<'server' | 'unsupported' | 'inactive' | 'active'>('server');
  const lastId = useRef<string | undefined>(undefined);

  useEffect(() => {
    const engine = synth ?? (typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis);
    const create =
      createUtterance ??
      (typeof SpeechSynthesisUtterance === 'undefined'
        ? undefined
        : (text: string) => new SpeechSynthesisUtterance(text));
    if (!engine || !create) {
      setState('unsupported');
      return;
    }
    const instance = new SpeechAnnouncer({ synth: engine, createUtterance: create });
    announcer.current = instance;
    setState('inactive');
    return () => {
      instance.dispose();
      announcer.current = null;
    };
  }, [synth, createUtterance]);

  useEffect(() => {
    if (!call || call.id === lastId.current || state === 'server') return;
    lastId.current = call.id;
    announcer.current?.announce(sentence(call));
  }, [call, sentence, state]);

  if (state === 'server') return null;
  if (state === 'unsupported') {
    return <p className="mpp-announcer mpp-announcer--off">{t('announcer.unsupported')}</p>;
  }
  if (state === 'active') {
    return <p className="mpp-announcer mpp-announcer--on">{t('announcer.active')}</p>;
  }
  return (
    <div className="mpp-announcer">
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          announcer.current?.activate();
          setState('active');
        }}
      >
        {t('announcer.activate')}
      </Button>
    </div>
  );
}

function defaultSentence(call: AnnouncedCall): string {
  return callSentence(call.ticket, call.counter);
}
