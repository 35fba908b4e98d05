import {
  Announcer,
  type CounterNow,
  I18nProvider,
  type Locale,
  QueueBoard,
  type QueueCall,
} from '@mpp-kit/ui';
import { useEffect, useMemo, useState } from 'react';
import { sentence } from '../../../overridable/announcement.js';
import type { Lang } from '../../../shared/i18n/i18n.js';
import type { QueueEvent } from '../queue-service.js';
import { useEventStream } from './use-event-stream.js';

/** A counter on the board, with the ticket it called last (until it is finished or moved). */
export interface BoardCounter {
  id: string;
  label: string;
  ticket?: string | undefined;
  ticketId?: string | undefined;
}

export interface BoardProps {
  boardId: string;
  /** Board heading: the MPP's name and the board's place. */
  title: string;
  lang: Lang;
  /** Languages calls are spoken in, Indonesian first; empty when the board has no voice. */
  speech: Locale[];
  since: number;
  /** Latest calls, newest first. */
  calls: QueueEvent[];
  counters: BoardCounter[];
  /** Start with sound on (a board browser started with autoplay allowed). */
  soundOn?: boolean;
}

const CALLS = new Set<QueueEvent['kind']>(['called', 'recalled', 'resumed']);
const LEAVES = new Set<QueueEvent['kind']>(['finished', 'no_show', 'parked', 'transferred']);

/** "Loket 5" → "5": the kit's board writes "Loket" itself. */
function counterName(label: string | null): string {
  return (label ?? '').replace(/^loket\s+/i, '');
}

/**
 * Display board: `@mpp-kit/ui`'s `QueueBoard` (latest call large, counters, recent calls, live
 * region) and `Announcer` (each call spoken in turn in every configured language, none cut off),
 * kept live over SSE with replay after a reconnect.
 */
export function Board({
  boardId,
  title,
  lang,
  speech,
  since,
  calls: initial,
  counters: initialCounters,
  soundOn = false,
}: BoardProps) {
  const [calls, setCalls] = useState(initial);
  const [counters, setCounters] = useState(initialCounters);

  useEventStream<QueueEvent>(`/api/events/board/${encodeURIComponent(boardId)}`, since, (event) => {
    if (CALLS.has(event.kind)) {
      setCalls((list) => [event, ...list.filter((c) => c.id !== event.id)].slice(0, 8));
      setCounters((list) =>
        list.map((c) =>
          c.id === event.counterId
            ? { ...c, ticket: event.number, ticketId: event.ticketId }
            : c.ticketId === event.ticketId
              ? { id: c.id, label: c.label }
              : c,
        ),
      );
    } else if (LEAVES.has(event.kind)) {
      setCounters((list) =>
        list.map((c) => (c.ticketId === event.ticketId ? { id: c.id, label: c.label } : c)),
      );
    }
  });

  useEffect(() => {
    document.documentElement.dataset.boardReady = 'true';
  }, []);

  const recentCalls = useMemo<QueueCall[]>(
    () =>
      calls.map((c) => ({
        id: String(c.id),
        ticket: c.number,
        counter: counterName(c.counterLabel),
      })),
    [calls],
  );
  const rows = useMemo<CounterNow[]>(
    () =>
      counters.map((c) => ({
        counter: counterName(c.label),
        ...(c.ticket ? { ticket: c.ticket } : {}),
      })),
    [counters],
  );

  return (
    <I18nProvider locale={lang}>
      {speech.length > 0 ? (
        <Announcer
          calls={recentCalls}
          languages={speech}
          defaultActive={soundOn}
          sentence={sentence}
        />
      ) : null}
      <QueueBoard title={title} counters={rows} recentCalls={recentCalls} recentLimit={7} />
    </I18nProvider>
  );
}
