import {
  type AccumulatorState,
  PROFILE_CATEGORIES,
  PROFILE_FIELDS,
  parseResponse,
  SKM_2017_VERSION,
  type SkmResponse,
  SkmValidationError,
  UNSUR_CODES,
  usiaGroup,
} from '@mpp-kit/skm';

/** Histogram slots per unsur in a roll-up row: 0 = unanswered, 1–4 = answer. */
export const SLOTS = 5;
export const HIST_LENGTH = UNSUR_CODES.length * SLOTS;
const PROFILE_SIZES = PROFILE_FIELDS.map((f) => PROFILE_CATEGORIES[f].length + 1);
export const PROFILE_LENGTH = PROFILE_SIZES.reduce((a, b) => a + b, 0);

/** One response as stored: nine answers (0 = none) and four profile slots (0 = none). */
export interface PackedResponse {
  answers: number[];
  profile: number[];
  saran: string | null;
}

export interface FormIssue {
  path: string;
  message: string;
}

/**
 * Reads the survey form (fields `u_<unsur>`, `jenisKelamin`, `usia`, `pendidikan`,
 * `pekerjaan`, `saran`) through @mpp-kit/skm's validation. Every unsur must be answered
 * on this form (a short, complete questionnaire); profile questions are optional.
 */
export function readSurveyForm(
  fields: Record<string, unknown>,
): { ok: true; value: PackedResponse } | { ok: false; issues: FormIssue[] } {
  const issues: FormIssue[] = [];
  const answers: Record<string, number | null> = {};
  for (const code of UNSUR_CODES) {
    const raw = fields[`u_${code}`];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
    if (raw === undefined || raw === '' || raw === null) {
      issues.push({
        path: `u_${code}`,
        message: 'pilih salah satu jawaban / choose one answer',
      });
    } else if (!Number.isInteger(n) || n < 1 || n > 4) {
      issues.push({ path: `u_${code}`, message: 'jawaban harus 1–4 / answer must be 1–4' });
    } else answers[code] = n;
  }
  const profile: Record<string, unknown> = {};
  for (const field of ['jenisKelamin', 'pendidikan', 'pekerjaan'] as const) {
    const v = fields[field];
    if (v !== undefined && v !== '') profile[field] = v;
  }
  if (fields.usia !== undefined && fields.usia !== '') {
    const age = Number(fields.usia);
    profile.usia = Number.isFinite(age) && String(fields.usia).trim() !== '' ? age : fields.usia;
  }
  const saranRaw = typeof fields.saran === 'string' ? fields.saran.trim() : '';
  let parsed: SkmResponse | undefined;
  try {
    parsed = parseResponse({
      answers,
      profile,
      ...(saranRaw ? { saran: saranRaw } : {}),
    });
  } catch (error) {
    if (!(error instanceof SkmValidationError)) throw error;
    for (const issue of error.issues) {
      const path = issue.path.filter((p) => p !== 'profile' && p !== 'answers').join('.');
      issues.push({ path: path || '(form)', message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed) return { ok: false, issues };
  return { ok: true, value: pack(parsed) };
}

/** Packs a validated response into the stored shape. */
export function pack(response: SkmResponse): PackedResponse {
  const answers = UNSUR_CODES.map((code) => response.answers[code] ?? 0);
  const p = response.profile ?? {};
  const profile = PROFILE_FIELDS.map((field) => {
    const raw =
      field === 'usia' ? (p.usia === undefined ? undefined : usiaGroup(p.usia)) : p[field];
    if (raw === undefined) return 0;
    return (PROFILE_CATEGORIES[field] as readonly string[]).indexOf(String(raw)) + 1;
  });
  return { answers, profile, saran: response.saran ?? null };
}

/** The roll-up contribution of one response: histogram and profile slot counts. */
export function rollupOf(response: PackedResponse): { hist: number[]; profile: number[] } {
  const hist = new Array<number>(HIST_LENGTH).fill(0);
  response.answers.forEach((v, u) => {
    hist[u * SLOTS + v] = 1;
  });
  const profile = new Array<number>(PROFILE_LENGTH).fill(0);
  let base = 0;
  response.profile.forEach((slot, f) => {
    profile[base + slot] = 1;
    base += PROFILE_SIZES[f] as number;
  });
  return { hist, profile };
}

/** Adds roll-up arrays (as PostgreSQL returns bigint[]: strings) into running totals. */
export function addInto(target: number[], source: readonly (string | number)[]): void {
  for (let i = 0; i < target.length; i++)
    target[i] = (target[i] as number) + Number(source[i] ?? 0);
}

/** Turns summed roll-up arrays into the accumulator state of @mpp-kit/skm. */
export function toAccumulatorState(
  respondents: number,
  hist: readonly number[],
  profileSlots: readonly number[],
): AccumulatorState {
  const counts = UNSUR_CODES.map((_, u) => hist.slice(u * SLOTS, u * SLOTS + SLOTS));
  const profile = {} as AccumulatorState['profile'] & Record<string, Record<string, number>>;
  let base = 0;
  PROFILE_FIELDS.forEach((field, f) => {
    const byCategory: Record<string, number> = { '-': profileSlots[base] ?? 0 };
    PROFILE_CATEGORIES[field].forEach((c, i) => {
      byCategory[c] = profileSlots[base + i + 1] ?? 0;
    });
    profile[field] = byCategory;
    base += PROFILE_SIZES[f] as number;
  });
  return { questionnaire: SKM_2017_VERSION, respondents, counts, profile };
}
