import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';

/** What one counter (loket) is doing now. */
export interface CounterNow {
  /** Counter name or number, e.g. "3". */
  counter: string;
  /** Ticket being served, or absent when the counter is free. */
  ticket?: string;
  /** Service name, shown under the number. */
  service?: string;
}

/** A call made from a counter; a new `id` is announced even when the ticket repeats (recall). */
export interface QueueCall {
  id: string;
  ticket: string;
  counter: string;
}

export interface QueueBoardProps {
  /** Board title, e.g. the MPP name. */
  title: string;
  counters: readonly CounterNow[];
  /** Latest calls, newest first; the first is highlighted as "now serving". */
  recentCalls: readonly QueueCall[];
  /** Number of recent calls listed. Default 6. */
  recentLimit?: number;
}

/** Delay between clearing the region and writing the call, so a recall is announced again. */
const REANNOUNCE_MS = 150;

/**
 * The TV board: the latest call in very large text, what each counter serves, and the recent
 * calls. A polite live region present from the first render speaks each new call (screen-reader
 * users in the hall, or a braille display); a recall with the same ticket is announced again.
 * Nothing blinks, moves or flashes. Designed for 1920×1080; reflows on smaller screens.
 */
export function QueueBoard({ title, counters, recentCalls, recentLimit = 6 }: QueueBoardProps) {
  const { t } = useI18n();
  const region = useRef<HTMLDivElement>(null);
  const latest = recentCalls[0];
  const announcedId = useRef<string | undefined>(undefined);

  useEffect(() => {
    const node = region.current;
    if (!node || !latest || latest.id === announcedId.current) return;
    const first = announcedId.current === undefined;
    announcedId.current = latest.id;
    // The call already on screen at page load is not announced; only calls that arrive after.
    if (first) return;
    node.textContent = '';
    const timer = setTimeout(() => {
      node.textContent = t('queueBoard.called', { ticket: latest.ticket, counter: latest.counter });
    }, REANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [latest, t]);

  return (
    <section className="mpp-queue-board" aria-labelledby="mpp-queue-board-title">
      <h1 className="mpp-queue-board__title" id="mpp-queue-board-title">
        {title}
      </h1>
      <div className="mpp-queue-board__main">
        <section className="mpp-queue-board__now" aria-labelledby="mpp-queue-board-now">
          <h2 className="mpp-queue-board__heading" id="mpp-queue-board-now">
            {t('queueBoard.nowServing')}
          </h2>
          {latest ? (
            <p className="mpp-queue-board__call">
              <span className="mpp-queue-board__ticket">{latest.ticket}</span>
              <span className="mpp-queue-board__counter">
                {t('queueBoard.counter')} {latest.counter}
              </span>
            </p>
          ) : (
            <p className="mpp-queue-board__empty">{t('queueBoard.none')}</p>
          )}
        </section>
        <section className="mpp-queue-board__recent" aria-labelledby="mpp-queue-board-recent">
          <h2 className="mpp-queue-board__heading" id="mpp-queue-board-recent">
            {t('queueBoard.recent')}
          </h2>
          <ol className="mpp-queue-board__list">
            {recentCalls.slice(1, recentLimit + 1).map((call) => (
              <li key={call.id} className="mpp-queue-board__item">
                <span className="mpp-queue-board__item-ticket">{call.ticket}</span>
                <span>
                  {t('queueBoard.counter')} {call.counter}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <table className="mpp-queue-board__counters">
        <caption className="mpp-visually-hidden">{t('queueBoard.counter')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queueBoard.counter')}</th>
            <th scope="col">{t('queueBoard.nowServing')}</th>
          </tr>
        </thead>
        <tbody>
          {counters.map((row) => (
            <tr key={row.counter} className={cx(!row.ticket && 'mpp-queue-board__idle')}>
              <th scope="row">{row.counter}</th>
              <td>
                {row.ticket ? (
                  <>
                    <span className="mpp-queue-board__item-ticket">{row.ticket}</span>
                    {row.service ? (
                      <span className="mpp-queue-board__service"> · {row.service}</span>
                    ) : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div
        ref={region}
        className="mpp-visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
      />
    </section>
  );
}
