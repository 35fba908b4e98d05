/** Reporting periods of the SKM regulation: month, quarter, semester, year. */
export const PERIODS = ['month', 'quarter', 'semester', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodRange {
  period: Period;
  /** Key as shown and linked: 2026-11, 2026-Q4, 2026-S2, 2026. */
  key: string;
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Day after the last day, exclusive (YYYY-MM-DD). */
  to: string;
}

const MONTHS: Record<Period, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

const iso = (year: number, month0: number) =>
  `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-01`;

function keyOf(period: Period, year: number, index: number): string {
  if (period === 'month') return `${year}-${String(index + 1).padStart(2, '0')}`;
  if (period === 'quarter') return `${year}-Q${index + 1}`;
  if (period === 'semester') return `${year}-S${index + 1}`;
  return String(year);
}

function rangeOf(period: Period, year: number, index: number): PeriodRange {
  const span = MONTHS[period];
  const start = index * span;
  const end = start + span;
  return {
    period,
    key: keyOf(period, year, index),
    from: iso(year, start),
    to: end >= 12 ? iso(year + 1, 0) : iso(year, end),
  };
}

/** The period of kind `period` that contains `day` (YYYY-MM-DD). */
export function periodContaining(period: Period, day: string): PeriodRange {
  const year = Number(day.slice(0, 4));
  const month0 = Number(day.slice(5, 7)) - 1;
  return rangeOf(period, year, Math.floor(month0 / MONTHS[period]));
}

/** Parses a period key (2026-11, 2026-Q4, 2026-S2, 2026); undefined when it is not one. */
export function parsePeriodKey(key: string): PeriodRange | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return rangeOf('month', Number(m[1]), Number(m[2]) - 1);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return rangeOf('quarter', Number(m[1]), Number(m[2]) - 1);
  m = /^(\d{4})-S([12])$/.exec(key);
  if (m) return rangeOf('semester', Number(m[1]), Number(m[2]) - 1);
  m = /^(\d{4})$/.exec(key);
  if (m && Number(m[1]) >= 2000) return rangeOf('year', Number(m[1]), 0);
  return undefined;
}

/** `count` consecutive periods ending with `last`, oldest first (for trends). */
export function periodsEndingWith(last: PeriodRange, count: number): PeriodRange[] {
  const out: PeriodRange[] = [last];
  let current = last;
  while (out.length < count) {
    const prevDay = new Date(`${current.from}T00:00:00Z`);
    prevDay.setUTCDate(prevDay.getUTCDate() - 1);
    current = periodContaining(last.period, prevDay.toISOString().slice(0, 10));
    out.unshift(current);
  }
  return out;
}
