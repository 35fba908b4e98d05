import { useEffect, useState } from 'react';
import type { Ticket } from '../app/queue-service.js';
import { type Lang, type MessageKey, t } from '../lib/i18n.js';
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
  lang: Lang;
  since: number;
  canAct: boolean;
  initial: CounterState;
  services: { id: string; name: string }[];
}

const SHORTCUTS: Record<string, string> = {
  n: 'call-next',
  r: 'recall',
  s: 'start',
  f: 'finish',
  x: 'no-show',
};

function ActionForm(props: {
  action: string;
  csrf: string;
  label: string;
  shortcut?: string;
  variant?: string;
  children?: React.ReactNode;
}) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.children}
      <button
        type="submit"
        className={props.variant}
        data-shortcut={props.shortcut}
        aria-keyshortcuts={props.shortcut ? props.shortcut.slice(0, 1).toUpperCase() : undefined}
      >
        {props.label}
      </button>
    </form>
  );
}

/**
 * The counter console. Every action is a plain form (works without JavaScript); with
 * JavaScript the queue updates live and single-key shortcuts press the matching button.
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
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      const name = SHORTCUTS[event.key.toLowerCase()];
      const button =
        name && document.querySelector<HTMLButtonElement>(`button[data-shortcut="${name}"]`);
      if (button) {
        event.preventDefault();
        button.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const { current } = state;
  const ticketAction = (action: string) => `/api/staff/tickets/${current?.id}/${action}`;
  const label = (key: MessageKey) => t(lang, key);
  return (
    <div data-testid="counter-console">
      <section className="card" aria-labelledby="current-heading">
        <h2 id="current-heading">{label('current')}</h2>
        {current ? (
          <>
            <p className="ticket-number" data-testid="current-number">
              {current.number}
            </p>
            <p>
              {label('status')}: {label(current.status)} · {label(current.priority)}
            </p>
            {canAct && (
              <div className="actions">
                <ActionForm
                  action={ticketAction('recall')}
                  csrf={csrf}
                  label={label('recall')}
                  shortcut="recall"
                  variant="secondary"
                />
                <ActionForm
                  action={ticketAction('start')}
                  csrf={csrf}
                  label={label('start')}
                  shortcut="start"
                  variant="secondary"
                />
                <ActionForm
                  action={ticketAction('finish')}
                  csrf={csrf}
                  label={label('finish')}
                  shortcut="finish"
                  variant="secondary"
                />
                <ActionForm
                  action={ticketAction('no-show')}
                  csrf={csrf}
                  label={label('noShow')}
                  shortcut="no-show"
                  variant="secondary"
                />
                <ActionForm
                  action={ticketAction('park')}
                  csrf={csrf}
                  label={label('park')}
                  variant="secondary"
                />
              </div>
            )}
            {canAct && (
              <form method="post" action={ticketAction('transfer')} className="actions">
                <input type="hidden" name="_csrf" value={csrf} />
                <div className="field">
                  <label htmlFor="transfer-service">{label('transfer')}</label>
                  <select id="transfer-service" name="serviceId">
                    {props.services.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="secondary">
                  {label('transferButton')}
                </button>
              </form>
            )}
          </>
        ) : (
          <p>{label('none')}</p>
        )}
        {canAct && (
          <div className="actions">
            <ActionForm
              action={`/api/staff/counters/${encodeURIComponent(counterId)}/call-next`}
              csrf={csrf}
              label={label('callNext')}
              shortcut="call-next"
            />
          </div>
        )}
        {canAct && <p className="hint">{label('shortcuts')}</p>}
      </section>
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
                  <td>
                    {props.services.find((s) => s.id === ticket.serviceId)?.name ??
                      ticket.serviceId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {state.parked.length > 0 && (
        <section className="card" aria-labelledby="parked-heading">
          <h2 id="parked-heading">{label('parkedList')}</h2>
          <ul>
            {state.parked.map((ticket) => (
              <li key={ticket.id}>
                {ticket.number}{' '}
                {canAct && (
                  <ActionForm
                    action={`/api/staff/tickets/${ticket.id}/resume`}
                    csrf={csrf}
                    label={`${label('resume')} ${ticket.number}`}
                    variant="secondary"
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
