import {
  addWorkingDays,
  UTC_WEEKDAYS,
  type WorkingCalendar,
} from '../../shared/time/working-days.js';

/** Complaint states, in the order SP4N-LAPOR! practice moves through them. */
export const COMPLAINT_STATUSES = [
  'received',
  'verified',
  'forwarded',
  'in_progress',
  'answered',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CATEGORIES = [
  'pelayanan',
  'petugas',
  'biaya',
  'waktu',
  'sarana',
  'lainnya',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Allowed next states; a complaint only moves forward. */
export const NEXT_STATUS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['verified'],
  verified: ['forwarded', 'in_progress'],
  forwarded: ['in_progress', 'answered'],
  in_progress: ['answered'],
  answered: ['closed'],
  closed: [],
};

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

/** SP4N-LAPOR! practice (reference §4): days are working days. */
export const DEADLINE_DAYS = { forward: 3, followUp: 5, autoClose: 10 } as const;

export interface ComplaintTimes {
  status: ComplaintStatus;
  receivedAt: Date;
  verifiedAt: Date | null;
  forwardedAt: Date | null;
  answeredAt: Date | null;
}

export interface Deadline {
  /** What must happen by `due`. */
  step: 'forward' | 'followUp' | 'autoClose';
  due: Date;
  /** Whole hours left (negative when overdue). */
  hoursLeft: number;
  overdue: boolean;
}

/**
 * The deadline running for a complaint now: verified and forwarded within 3 working days of
 * receipt; followed up (answered) within 5 working days of being forwarded; closed
 * automatically 10 working days after the answer when the citizen does not reply. Working days
 * are those of `calendar` (the instance's time zone and configured holidays).
 */
export function currentDeadline(
  c: ComplaintTimes,
  now: Date,
  calendar: WorkingCalendar = UTC_WEEKDAYS,
): Deadline | null {
  let step: Deadline['step'];
  let due: Date;
  if (c.status === 'received' || c.status === 'verified') {
    step = 'forward';
    due = addWorkingDays(c.receivedAt, DEADLINE_DAYS.forward, calendar);
  } else if (c.status === 'forwarded' || c.status === 'in_progress') {
    step = 'followUp';
    due = addWorkingDays(
      c.forwardedAt ?? c.verifiedAt ?? c.receivedAt,
      DEADLINE_DAYS.followUp,
      calendar,
    );
  } else if (c.status === 'answered') {
    step = 'autoClose';
    due = addWorkingDays(c.answeredAt ?? c.receivedAt, DEADLINE_DAYS.autoClose, calendar);
  } else {
    return null;
  }
  const hoursLeft = Math.floor((due.getTime() - now.getTime()) / 3_600_000);
  return { step, due, hoursLeft, overdue: due.getTime() < now.getTime() };
}
