import fc from 'fast-check';
import { type Answer, SKM_2017_VERSION, type SkmResponse, UNSUR_CODES } from '../src/index.js';

/** A response answering every unsur with `value`. */
export function uniform(value: Answer, extra: Partial<SkmResponse> = {}): SkmResponse {
  return {
    questionnaire: SKM_2017_VERSION,
    answers: Object.fromEntries(UNSUR_CODES.map((c) => [c, value])),
    ...extra,
  };
}

/** `high` responses of all `value + 1` and `total - high` of all `value`: every NRR = value + high/total. */
export function mix(value: Answer, high: number, total: number): SkmResponse[] {
  const out: SkmResponse[] = [];
  for (let i = 0; i < total; i++) out.push(uniform((i < high ? value + 1 : value) as Answer));
  return out;
}

/** Arbitrary answer or unanswered (null / missing). */
export const answerArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Answer>(1, 2, 3, 4) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Arbitrary valid response on the 2017 questionnaire, with a profile and a date. */
export const responseArb: fc.Arbitrary<SkmResponse> = fc
  .record({
    answers: fc.tuple(...UNSUR_CODES.map(() => answerArb)),
    service: fc.constantFrom('Paspor', 'KTP', 'SIM, baru', 'Izin "usaha"'),
    date: fc
      .date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2026-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
    jenisKelamin: fc.option(fc.constantFrom('L' as const, 'P' as const), { nil: undefined }),
    usia: fc.option(fc.integer({ min: 10, max: 120 }), { nil: undefined }),
  })
  .map(({ answers, service, date, jenisKelamin, usia }) => ({
    questionnaire: SKM_2017_VERSION,
    answers: Object.fromEntries(UNSUR_CODES.map((c, i) => [c, answers[i] ?? null])),
    service,
    date,
    profile: {
      ...(jenisKelamin === undefined ? {} : { jenisKelamin }),
      ...(usia === undefined ? {} : { usia }),
    },
  }));

/** Responses as CSV text with the given line end. */
export function toCsv(responses: readonly SkmResponse[], eol = '\n'): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const header = ['service', 'date', 'jenisKelamin', 'usia', ...UNSUR_CODES].join(',');
  const rows = responses.map((r) =>
    [
      quote(r.service ?? ''),
      r.date ?? '',
      r.profile?.jenisKelamin ?? '',
      r.profile?.usia ?? '',
      ...UNSUR_CODES.map((c) => r.answers[c] ?? ''),
    ].join(','),
  );
  return [header, ...rows].join(eol) + eol;
}

/** Splits bytes into chunks at the given cut points (to test streaming across boundaries). */
export function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of points) {
    out.push(bytes.subarray(at, p));
    at = p;
  }
  out.push(bytes.subarray(at));
  return out;
}
