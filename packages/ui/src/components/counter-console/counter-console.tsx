import { type FormEvent, useEffect, useId } from 'react';
import type { MessageKey } from '../../i18n/catalogue-id.js';
import { useI18n } from '../../i18n/i18n-provider.js';
import { Button } from '../button/button.js';
import { Select, type SelectOption } from '../select/select.js';

/** What an officer can do from the counter. */
export type CounterAction =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no-show'
  | 'transfer'
  | 'park'
  | 'resume';

/** State of the ticket at the counter. */
export type CounterTicketStatus = 'called' | 'serving';

/** A ticket parked (set aside) by the agency, waiting to be resumed or sent on. */
export interface ParkedTicket {
  /** Id posted as `ticketId` with the action. */
  id: string;
  ticket: string;
  service: string;
}

/** What an action applies to beyond the counter's current ticket. */
export interface CounterActionDetail {
  /** Chosen transfer target (`transferTo`). */
  transferTo?: string;
  /** A parked ticket the action is for (`ticketId`); absent for the current ticket. */
  ticketId?: string;
}

export interface CounterConsoleProps {
  /** Counter (loket) name, e.g. "Loket 3". */
  counterName: string;
  /** Ticket at the counter now, if any. */
  current?: { ticket: string; service: string; status: CounterTicketStatus };
  /** People waiting for this counter's services. */
  waitingCount: number;
  /**
   * Where the forms post (`action` field, optional `transferTo` and `ticketId`, plus
   * `hiddenFields`), for use without JavaScript.
   */
  action?: string;
  /** Handles an action in the page; the form then does not post. */
  onAction?: (action: CounterAction, detail: CounterActionDetail) => void;
  /** Services or counters a ticket can be transferred to. */
  transferTargets?: readonly SelectOption[];
  /**
   * Parked tickets of the agency. Each can be resumed (called back to this counter) or, with
   * `transferTargets`, sent on; the app does what the queue engine needs for that (e.g. resume,
   * then transfer) as one action.
   */
  parked?: readonly ParkedTicket[];
  /** Extra fields posted with every form, e.g. a CSRF token or a request id for idempotency. */
  hiddenFields?: Readonly<Record<string, string>>;
  /** Set `false` for read-only roles (an auditor): the state shows, every action is disabled. */
  canAct?: boolean;
}

interface ActionSpec {
  action: CounterAction;
  label: MessageKey;
  /** Key used with Alt (WCAG 2.1.4: no single-character shortcuts). */
  key: string;
  enabled: (current: CounterConsoleProps['current']) => boolean;
  variant: 'primary' | 'secondary' | 'warning';
}

/** The actions, their shortcuts and when each is possible. Exported for documentation and tests. */
export const COUNTER_ACTIONS: readonly ActionSpec[] = [
  {
    action: 'call-next',
    label: 'counter.callNext',
    key: 'N',
    enabled: (c) => !c,
    variant: 'primary',
  },
  {
    action: 'recall',
    label: 'counter.recall',
    key: 'R',
    enabled: (c) => c?.status === 'called',
    variant: 'secondary',
  },
  {
    action: 'start',
    label: 'counter.start',
    key: 'S',
    enabled: (c) => c?.status === 'called',
    variant: 'primary',
  },
  {
    action: 'finish',
    label: 'counter.finish',
    key: 'F',
    enabled: (c) => c?.status === 'serving',
    variant: 'primary',
  },
  {
    action: 'no-show',
    label: 'counter.noShow',
    key: 'X',
    enabled: (c) => c?.status === 'called',
    variant: 'warning',
  },
  {
    action: 'park',
    label: 'counter.park',
    key: 'P',
    enabled: (c) => Boolean(c),
    variant: 'secondary',
  },
  {
    action: 'transfer',
    label: 'counter.transfer',
    key: 'T',
    enabled: (c) => Boolean(c),
    variant: 'secondary',
  },
];

/**
 * The officer's controls at a counter: call next, recall, start, finish, no-show, park and
 * transfer, each a real submit button (works without JavaScript) with an Alt+letter shortcut
 * listed on screen and in `aria-keyshortcuts`. Only the actions possible in the current state
 * are enabled. Pressing a shortcut presses the button, so the same checks apply.
 */
export function CounterConsole({
  counterName,
  current,
  waitingCount,
  action,
  onAction,
  transferTargets = [],
  parked = [],
  hiddenFields = {},
  canAct = true,
}: CounterConsoleProps) {
  const { t } = useI18n();
  const formId = useId();
  const headingId = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const spec = COUNTER_ACTIONS.find(
        (item) => item.key === event.key.toUpperCase() || `Key${item.key}` === event.code,
      );
      if (!spec) return;
      const form = document.getElementById(formId);
      const button = form?.querySelector<HTMLButtonElement>(`button[value="${spec.action}"]`);
      // a shortcut never fires while typing in a field (the transfer list keeps its own keys)
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea')) return;
      if (!button || button.disabled) return;
      event.preventDefault();
      button.focus();
      button.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [formId]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!onAction) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen = submitter?.value as CounterAction | undefined;
    if (!chosen) return;
    const data = new FormData(event.currentTarget);
    const transferTo = chosen === 'transfer' ? data.get('transferTo') : null;
    const ticketId = data.get('ticketId');
    onAction(chosen, {
      ...(transferTo ? { transferTo: String(transferTo) } : {}),
      ...(ticketId ? { ticketId: String(ticketId) } : {}),
    });
  };
  const hidden = Object.entries(hiddenFields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));

  return (
    <section className="mpp-counter-console" aria-labelledby={headingId}>
      <h2 className="mpp-heading-m" id={headingId}>
        {t('counter.label')}: {counterName}
      </h2>
      <dl className="mpp-counter-console__status">
        <div>
          <dt>{t('counter.current')}</dt>
          <dd className="mpp-counter-console__ticket">
            {current ? (
              <>
                {current.ticket}{' '}
                <span className="mpp-counter-console__service">· {current.service}</span>{' '}
                <span className="mpp-counter-console__state">
                  ({t(current.status === 'called' ? 'status.called' : 'status.serving')})
                </span>
              </>
            ) : (
              t('counter.none')
            )}
          </dd>
        </div>
        <div>
          <dt className="mpp-visually-hidden">{t('status.waiting')}</dt>
          <dd>{t('counter.waiting', { count: waitingCount })}</dd>
        </div>
      </dl>
      <form id={formId} method="post" action={action} noValidate onSubmit={submit}>
        {hidden}
        {transferTargets.length > 0 && current && canAct ? (
          <Select
            id={`${formId}-transfer`}
            name="transferTo"
            label={t('counter.transfer')}
            options={transferTargets}
          />
        ) : null}
        <div className="mpp-counter-console__actions">
          {COUNTER_ACTIONS.map((spec) => {
            const enabled =
              canAct &&
              spec.enabled(current) &&
              (spec.action !== 'transfer' || transferTargets.length > 0);
            return (
              <Button
                key={spec.action}
                name="action"
                value={spec.action}
                variant={spec.variant}
                disabled={!enabled}
                aria-keyshortcuts={`Alt+${spec.key}`}
              >
                {t(spec.label)} <kbd className="mpp-counter-console__kbd">Alt+{spec.key}</kbd>
              </Button>
            );
          })}
        </div>
      </form>
      {parked.length > 0 ? (
        <section className="mpp-counter-console__parked" aria-labelledby={`${headingId}-parked`}>
          <h3 className="mpp-heading-m" id={`${headingId}-parked`}>
            {t('counter.parked')}
          </h3>
          <ul className="mpp-counter-console__parked-list">
            {parked.map((item) => (
              <li key={item.id}>
                <form
                  method="post"
                  action={action}
                  noValidate
                  onSubmit={submit}
                  aria-label={`${item.ticket} · ${item.service}`}
                >
                  {hidden}
                  <input type="hidden" name="ticketId" value={item.id} />
                  <p className="mpp-counter-console__parked-ticket">
                    {item.ticket}{' '}
                    <span className="mpp-counter-console__service">· {item.service}</span>
                  </p>
                  {transferTargets.length > 0 && canAct ? (
                    <Select
                      id={`${formId}-transfer-${item.id}`}
                      name="transferTo"
                      label={`${t('counter.transfer')} ${item.ticket}`}
                      options={transferTargets}
                    />
                  ) : null}
                  <div className="mpp-counter-console__actions">
                    <Button
                      name="action"
                      value="resume"
                      variant="secondary"
                      disabled={!canAct || Boolean(current)}
                    >
                      {t('counter.resume')} {item.ticket}
                    </Button>
                    {transferTargets.length > 0 ? (
                      <Button
                        name="action"
                        value="transfer"
                        variant="secondary"
                        disabled={!canAct || Boolean(current)}
                      >
                        {t('counter.transfer')} {item.ticket}
                      </Button>
                    ) : null}
                  </div>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="mpp-details">
        <summary className="mpp-details__summary">{t('counter.shortcuts')}</summary>
        <table className="mpp-table">
          <tbody>
            {COUNTER_ACTIONS.map((spec) => (
              <tr key={spec.action}>
                <th scope="row">
                  <kbd>Alt+{spec.key}</kbd>
                </th>
                <td>{t(spec.label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
