/** Arrivals of one service in one hour of one day. */
export interface HourCount {
  day: string;
  hour: number;
  count: number;
}

export interface HourForecast {
  hour: number;
  /** Mean arrivals over the sample days. */
  expected: number;
  low: number;
  high: number;
}

/**
 * Demand for `day`, hour by hour, from the same weekday in the `weeks` weeks before it: the
 * mean of those days, with their lowest and highest as the range. Hours with no history are
 * left out. Simple on purpose: weekly seasonality dominates MPP traffic, and managers can
 * check the figure against the days it came from.
 */
export function forecastDay(history: readonly HourCount[], day: string, weeks = 4): HourForecast[] {
  const target = Date.parse(`${day}T00:00:00Z`);
  const sampleDays = new Set<string>();
  for (let w = 1; w <= weeks; w++)
    sampleDays.add(new Date(target - w * 7 * 86_400_000).toISOString().slice(0, 10));
  const byHour = new Map<number, Map<string, number>>();
  for (const h of history) {
    if (!sampleDays.has(h.day)) continue;
    let days = byHour.get(h.hour);
    if (!days) {
      days = new Map();
      byHour.set(h.hour, days);
    }
    days.set(h.day, (days.get(h.day) ?? 0) + h.count);
  }
  const out: HourForecast[] = [];
  for (const [hour, days] of [...byHour].sort((a, b) => a[0] - b[0])) {
    const values = [...sampleDays].map((d) => days.get(d) ?? 0);
    const sum = values.reduce((a, b) => a + b, 0);
    out.push({
      hour,
      expected: Math.round((sum / values.length) * 10) / 10,
      low: Math.min(...values),
      high: Math.max(...values),
    });
  }
  return out;
}

/** The next day after `day` that is open according to `openDays` (0 = Sunday … 6). */
export function nextOpenDay(day: string, openDays: readonly number[]): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < 7; i++) {
    t += 86_400_000;
    if (openDays.includes(new Date(t).getUTCDay())) break;
  }
  return new Date(t).toISOString().slice(0, 10);
}
