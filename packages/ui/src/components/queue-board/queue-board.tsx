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
 * users in the hall, or a braille display); a recall with the same ticket is announced again, and
 * calls that arrive together are announced together, none replaced before it is read.
 * Nothing blinks, moves or flashes. Designed for 1920×1080; reflows on smaller screens.
 */
export function QueueBoard({ title, counters, recentCalls, recentLimit = 6 }: QueueBoardProps) {
  const { t } = useI18n();
  const region = useRef<HTMLDivElement>(null);
  const latest = recentCalls[0];
  const announced = useRef<Set<string> | null>(null);
  const pending = useRef<string[]>([]);

  useEffect(() => {
    const node = region.current;
    if (!node) return;
    // The calls already on screen at page load are not announced; only calls that arrive after.
    if (announced.current === null) {
      announced.current = new Set(recentCalls.map((call) => call.id));
      return;
    }
    const seen = announced.current;
    // Newest first on screen; announced oldest first. Calls made together are written as one
    // message, so a second call does not replace the first before it is read.
    const fresh = recentCalls.filter((call) => !seen.has(call.id)).reverse();
    if (fresh.length === 0) return;
    for (const call of fresh) {
      seen.add(call.id);
      pending.current.push(t('queueBoard.called', { ticket: call.ticket, counter: call.counter }));
    }
    node.textContent = '';
    const timer = setTimeout(() => {
      node.textContent = pending.current.join('. ');
      pending.current = [];
    }, REANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [recentCalls, t]);

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
