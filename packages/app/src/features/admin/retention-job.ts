import type pg from 'pg';
import type { Logger } from 'pino';
import { UTC_WEEKDAYS, type WorkingCalendar } from '../../shared/time/working-days.js';
import { ComplaintService } from '../complaints/complaint-service.js';

/** How long personal data is kept, in days (UU PDP: only as long as the purpose needs). */
export interface RetentionPolicy {
  /** Reminder phone numbers on tickets, counted from the service day (default 1). */
  ticketPhoneDays: number;
  /** Contact details of complaints, counted from closing (default 365). */
  complaintContactDays: number;
  /** Free-text survey suggestions, counted from the service day (default 365). */
  surveySaranDays: number;
  /** Working days for the complaint auto-close window (time zone and holidays). */
  calendar?: WorkingCalendar;
}

export function retentionPolicyFromEnv(
  env: NodeJS.ProcessEnv,
  calendar: WorkingCalendar = UTC_WEEKDAYS,
): RetentionPolicy {
  const days = (name: string, fallback: number) => {
    const v = Number(env[name] ?? fallback);
    return Number.isInteger(v) && v >= 0 ? v : fallback;
  };
  return {
    ticketPhoneDays: days('MPP_RETAIN_TICKET_PHONE_DAYS', 1),
    complaintContactDays: days('MPP_RETAIN_COMPLAINT_CONTACT_DAYS', 365),
    surveySaranDays: days('MPP_RETAIN_SURVEY_SARAN_DAYS', 365),
    calendar,
  };
}

export interface RetentionRun {
  ticketPhones: number;
  complaintContacts: number;
  surveySaran: number;
  complaintsAutoClosed: number;
}

/**
 * One pass of the scheduled job: deletes personal data past its retention period and closes
 * answered complaints whose reply window has passed. Only counts are logged, never values.
 */
export async function runRetention(
  pool: pg.Pool,
  policy: RetentionPolicy,
  logger?: Pick<Logger, 'info'>,
  now = new Date(),
): Promise<RetentionRun> {
  const phones = await pool.query(
    `update ticket_detail d set phone = null
     from mpp_queue_visits v
     where v.id = d.id and d.phone is not null and v.service_day < ($1::timestamptz)::date - $2::int`,
    [now, policy.ticketPhoneDays - 1],
  );
  const contacts = await pool.query(
    `update complaint set contact_name = null, contact_email = null, contact_phone = null,
       contact_deleted_at = $1
     where status = 'closed' and contact_deleted_at is null
       and (contact_name is not null or contact_email is not null or contact_phone is not null)
       and closed_at < $1::timestamptz - make_interval(days => $2)`,
    [now, policy.complaintContactDays],
  );
  const saran = await pool.query(
    `update survey_response set saran = null
     where saran is not null and service_day < ($1::timestamptz)::date - $2::int`,
    [now, policy.surveySaranDays],
  );
  const closed = await new ComplaintService(pool, policy.calendar).autoClose(now);
  const run = {
    ticketPhones: phones.rowCount ?? 0,
    complaintContacts: contacts.rowCount ?? 0,
    surveySaran: saran.rowCount ?? 0,
    complaintsAutoClosed: closed,
  };
  logger?.info(run, 'retention job');
  return run;
}

/** Runs the job now and then every `hours` hours; returns a function that stops it. */
export function scheduleRetention(
  pool: pg.Pool,
  policy: RetentionPolicy,
  logger: Pick<Logger, 'info' | 'warn'>,
  hours = 6,
): () => void {
  const run = () =>
    runRetention(pool, policy, logger).catch((error: unknown) =>
      logger.warn({ err: (error as Error).message }, 'retention job failed'),
    );
  void run();
  const timer = setInterval(run, hours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
