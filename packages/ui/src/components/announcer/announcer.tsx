import { useEffect, useRef, useState } from 'react';
import { type Locale, useI18n } from '../../i18n/i18n-provider.js';
import { Button } from '../button/button.js';
import { callSentence, callSentenceEnglish } from './number-words.js';
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

/** BCP 47 language each locale is spoken in. */
const SPEECH_LANG: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };

export interface AnnouncerProps {
  /**
   * The latest call; each new `id` is spoken once. Calls that arrive faster than they can be
   * spoken are all queued: pass each in turn (or use `calls`).
   */
  call?: AnnouncedCall;
  /**
   * Recent calls, newest first (as a board lists them). Every call not spoken yet is queued
   * oldest first, so calls made at the same moment by several counters are all heard; calls
   * present at the first render are not spoken.
   */
  calls?: readonly AnnouncedCall[];
  /**
   * Languages each call is spoken in, one after another. Default `['id']`; a board for visitors
   * passes `['id', 'en']` (Indonesian first, then English).
   */
  languages?: readonly Locale[];
  /** Start with sound on: for a board browser started with autoplay allowed (no gesture needed). */
  defaultActive?: boolean;
  /** Speech engine; `window.speechSynthesis` by default. Tests pass a fake. */
  synth?: SpeechSynthesisLike;
  /** Utterance constructor; `new SpeechSynthesisUtterance(text)` by default. */
  createUtterance?: UtteranceFactory;
  /**
   * Builds the spoken sentence in a language. By default Indonesian "Nomor antrean … silakan ke
   * loket …" (numbers in words) and English "Ticket … please go to counter …".
   */
  sentence?: (call: AnnouncedCall, locale: Locale) => string;
}

/**
 * Speaks queue calls on the display board with the Web Speech API, in Indonesian and, when
 * asked, in English after it. Shows a one-time "Aktifkan suara" button, because browsers only
 * speak after a user gesture; after it is pressed it shows "Suara aktif". Calls are queued so
 * none is cut off, including several made at the same moment. Renders nothing speakable on the
 * server; the board's visible text and live region carry the same call.
 */
export function Announcer({
  call,
  calls,
  languages = DEFAULT_LANGUAGES,
  defaultActive = false,
  synth,
  createUtterance,
  sentence = defaultSentence,
}: AnnouncerProps) {
  const { t } = useI18n();
  const announcer = useRef<SpeechAnnouncer | null>(null);
  const [state, setState] = useState<'server' | 'unsupported' | 'inactive' | 'active'>('server');
  const spoken = useRef<Set<string> | null>(null);

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
    if (defaultActive) instance.activate();
    setState(defaultActive ? 'active' : 'inactive');
    return () => {
      instance.dispose();
      announcer.current = null;
    };
  }, [synth, createUtterance, defaultActive]);

  useEffect(() => {
    if (state === 'server') return;
    const list = [...(calls ?? []), ...(call ? [call] : [])];
    if (spoken.current === null) {
      // what is on screen when the board starts is not spoken; only calls that arrive after
      spoken.current = new Set(calls ? calls.map((c) => c.id) : []);
    }
    const seen = spoken.current;
    const fresh = list.filter((c) => !seen.has(c.id));
    // `calls` is newest first: speak the oldest new call first
    if (calls) fresh.reverse();
    for (const next of fresh) {
      seen.add(next.id);
      for (const locale of languages) {
        announcer.current?.announce(sentence(next, locale), SPEECH_LANG[locale]);
      }
    }
  }, [call, calls, languages, sentence, state]);

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

const DEFAULT_LANGUAGES: readonly Locale[] = ['id'];

function defaultSentence(call: AnnouncedCall, locale: Locale): string {
  return locale === 'en'
    ? callSentenceEnglish(call.ticket, call.counter)
    : callSentence(call.ticket, call.counter);
}
