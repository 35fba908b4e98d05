/** Reporting period lengths. SKM may run monthly, quarterly, per semester or yearly. */
export type PeriodKind = 'month' | 'quarter' | 'semester' | 'year';

/** The allowed period kinds. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'semester', 'year'];

const DATE = /^(\d{4})-(\d{2})-\d{2}$/;

/**
 * Key of the period holding `date` (`YYYY-MM-DD`): month "2025-03", quarter "2025-Q1",
 * semester "2025-S1", year "2025". Keys of one kind sort in time order as text.
 * @throws {RangeError} when `date` is not `YYYY-MM-DD`.
 */
export function periodKey(date: string, kind: PeriodKind): string {
  const m = DATE.exec(date);
  if (m === null) {
    throw new RangeError(`tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD (got "${date}")`);
  }
  const year = m[1] as string;
  const month = Number(m[2]);
  switch (kind) {
    case 'month':
      return `${year}-${m[2]}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'semester':
      return `${year}-S${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}
