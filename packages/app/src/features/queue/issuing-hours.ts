/**
 * When tickets may be taken: the `openingHours` and `holidays` of `mpp.config.yaml` in the
 * instance's time zone, with issuing stopped `queue.ticketCutoffMinutes` before each closing.
 */

/** The parts of the validated config this needs (`catalogue.config.source`). */
export interface IssuingHoursConfig {
  timezone: string;
  openingHours: Record<string, readonly { open: string; close: string }[]>;
  holidays: readonly { date: string; name: { id: string; en?: string | undefined } }[];
  queue: { ticketCutoffMinutes: number };
}

/** Why no ticket can be taken now, in both languages; `undefined` when issuing is open. */
export interface IssuingClosed {
  code: 'holiday' | 'outside_opening_hours';
  id: string;
  en: string;
}

const minutes = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

const clock = (total: number): string =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** Date, weekday and minutes since midnight of `at` in `timeZone`. */
export function localMoment(timeZone: string, at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase(),
    minute: minutes(`${parts.hour}:${parts.minute}`),
  };
}

/** Whether a ticket may be taken at `at`; the reason in both languages when not. */
export function issuingClosed(config: IssuingHoursConfig, at: Date): IssuingClosed | undefined {
  const now = localMoment(config.timezone, at);
  const holiday = config.holidays.find((h) => h.date === now.date);
  if (holiday) {
    return {
      code: 'holiday',
      id: `Hari ini hari libur (${holiday.name.id}): antrean tidak dibuka.`,
      en: `Today is a holiday (${holiday.name.en ?? holiday.name.id}): no tickets are issued.`,
    };
  }
  const cutoff = config.queue.ticketCutoffMinutes;
  // each interval issues from its opening until `cutoff` minutes before its closing
  const windows = (config.openingHours[now.weekday] ?? [])
    .map((iv) => ({ from: minutes(iv.open), until: minutes(iv.close) - cutoff }))
    .filter((w) => w.until > w.from);
  if (windows.some((w) => now.minute >= w.from && now.minute < w.until)) return undefined;
  const time = clock(now.minute);
  const list = windows.map((w) => `${clock(w.from)}–${clock(w.until)}`).join(', ');
  return {
    code: 'outside_opening_hours',
    id:
      list === ''
        ? `Antrean tidak dibuka hari ini (sekarang pukul ${time}).`
        : `Pengambilan antrean ditutup pada pukul ${time}. Antrean hari ini dapat diambil pukul ${list} (berhenti ${cutoff} menit sebelum jam tutup).`,
    en:
      list === ''
        ? `No tickets are issued today (it is now ${time}).`
        : `Tickets cannot be taken at ${time}. Today tickets are issued ${list} (issuing stops ${cutoff} minutes before closing).`,
  };
}
