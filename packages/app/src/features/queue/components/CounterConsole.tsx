import { I18nProvider, CounterConsole as KitCounterConsole } from '@mpp-kit/ui';
import { useState } from 'react';
import { type Lang, type MessageKey, t } from '../../../shared/i18n/i18n.js';
import type { Ticket } from '../queue-service.js';
import { useEventStream } from './use-event-stream.js';

export interface CounterState {
  current: Ticket | null;
  waiting: Ticket[];
  parked: Ticket[];
}

export interface CounterConsoleProps {
  counterId: string;
  counterLabel: string;
  agencyId: string;
  csrf: string;
  /** Fresh per page render: the idempotency key of the action this page will post. */
  requestId: string;
  lang: Lang;
  since: number;
  canAct: boolean;
  initial: CounterState;
  services: { id: string; name: string }[];
}

/**
 * The counter console: `@mpp-kit/ui`'s `CounterConsole` (every action a real form button posting
 * to `/api/staff/counters/:id/console`, Alt+letter shortcuts, parked tickets to resume or
 * transfer) and the waiting list, kept live over SSE.
 */
export function CounterConsole(props: CounterConsoleProps) {
  const { counterId, csrf, lang, canAct } = props;
  const [state, setState] = useState(props.initial);
  const refresh = () => {
    fetch(`/api/staff/counters/${encodeURIComponent(counterId)}/queue`, {
      credentials: 'same-origin',
    })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((next: CounterState | undefined) => {
        if (next) setState(next);
      })
      .catch(() => {});
  };
  useEventStream(`/api/events/agency/${encodeURIComponent(props.agencyId)}`, props.since, refresh);
  const label = (key: MessageKey) => t(lang, key);
  const serviceName = (id: string) => props.services.find((s) => s.id === id)?.name ?? id;
  const { current } = state;
  return (
    <I18nProvider locale={lang}>
      <div data-testid="counter-console">
        <KitCounterConsole
          counterName={props.counterLabel}
          current={
            current && (current.status === 'called' || current.status === 'serving')
              ? {
                  ticket: current.number,
                  service: serviceName(current.serviceId),
                  status: current.status,
                }
              : undefined
          }
          waitingCount={state.waiting.length}
          action={`/api/staff/counters/${encodeURIComponent(counterId)}/console`}
          transferTargets={props.services.map((s) => ({ value: s.id, text: s.name }))}
          parked={state.parked.map((p) => ({
            id: p.id,
            ticket: p.number,
            service: serviceName(p.serviceId),
          }))}
          hiddenFields={{ _csrf: csrf, requestId: props.requestId }}
          canAct={canAct}
        />
        <section className="card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">
            {label('queue')} ({state.waiting.length})
          </h2>
          {state.waiting.length === 0 ? (
            <p>{label('queueEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{label('number')}</th>
                  <th scope="col">{label('priority')}</th>
                  <th scope="col">{label('service')}</th>
                </tr>
              </thead>
              <tbody data-testid="waiting-list">
                {state.waiting.map((ticket) => (
                  <tr key={ticket.id}>
                    <td>{ticket.number}</td>
                    <td>{label(ticket.priority)}</td>
                    <td>{serviceName(ticket.serviceId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </I18nProvider>
  );
}
