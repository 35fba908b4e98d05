import { useEffect, useRef, useState } from 'react';
import type { QueueEvent } from '../app/queue-service.js';
import { callAnnouncement } from '../lib/call-announcement.js';
import { type Lang, t } from '../lib/i18n.js';
import { SpeechQueue } from '../lib/speech-queue.js';
import { useEventStream } from './use-event-stream.js';

export interface BoardProps {
  boardId: string;
  lang: Lang;
  languages: Lang[];
  since: number;
  calls: QueueEvent[];
  /** Start with sound on (a board browser started with autoplay allowed). */
  soundOn?: boolean;
}

/**
 * Display board: latest call large, recent calls below, each call spoken. Announcements go
 * through a queue and are spoken one after another (never cancelled), so calls that arrive
 * together are all heard in full.
 */
export function Board({
  boardId,
  lang,
  languages,
  since,
  calls: initial,
  soundOn = false,
}: BoardProps) {
  const [calls, setCalls] = useState(initial);
  const [sound, setSound] = useState(soundOn);
  const speech = useRef<SpeechQueue | null>(null);
  speech.current ??= new SpeechQueue((text, done) => {
    if (!('speechSynthesis' in window)) return done();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = text.startsWith('Nomor') ? 'id-ID' : 'en-US';
    utterance.rate = 0.9;
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
  });

  useEventStream<QueueEvent>(`/api/events/board/${encodeURIComponent(boardId)}`, since, (event) => {
    setCalls((list) => [event, ...list.filter((c) => c.id !== event.id)].slice(0, 8));
    (window as unknown as { __boardEvents?: QueueEvent[] }).__boardEvents?.push(event);
    if (!sound) return;
    speech.current?.enqueue(
      ...languages.map((l) => callAnnouncement(event.number, event.counterLabel ?? '', l)),
    );
  });

  useEffect(() => {
    document.documentElement.dataset.boardReady = 'true';
  }, []);

  const [latest, ...rest] = calls;
  return (
    <>
      {!sound && (
        <p>
          <button type="button" onClick={() => setSound(true)}>
            {t(lang, 'enableSound')}
          </button>
        </p>
      )}
      <section
        className="now"
        aria-live="assertive"
        aria-atomic="true"
        aria-label={t(lang, 'nowServing')}
      >
        {latest ? (
          <>
            <p className="ticket-number" data-testid="board-latest">
              {latest.number}
            </p>
            <p className="where">
              {t(lang, 'goTo')} {latest.counterLabel}
            </p>
          </>
        ) : (
          <p className="where">{t(lang, 'queueEmpty')}</p>
        )}
      </section>
      <h2>{t(lang, 'recentCalls')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'number')}</th>
            <th scope="col">{t(lang, 'counter')}</th>
          </tr>
        </thead>
        <tbody>
          {rest.map((c) => (
            <tr key={c.id}>
              <td>{c.number}</td>
              <td>{c.counterLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
