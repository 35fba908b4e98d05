import {
  packResponse,
  parseResponse,
  type SkmResponse,
  SkmValidationError,
  UNSUR_CODES,
} from '@mpp-kit/skm';

/**
 * One response as stored: `@mpp-kit/skm`'s packed form (`packResponse`: nine answers and four
 * profile slots, 0 = none) as plain numbers for PostgreSQL, and the saran.
 */
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
  const packed = packResponse(response);
  return {
    answers: Array.from(packed.answers),
    profile: Array.from(packed.profile),
    saran: response.saran ?? null,
  };
}
