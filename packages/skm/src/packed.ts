import { PROFILE_CATEGORIES, PROFILE_FIELDS, usiaGroup } from './profile.js';
import type { SkmResponse } from './response.js';
import { UNSUR_CODES, UNSUR_COUNT } from './unsur.js';

/**
 * One response in the packed form that {@link SkmAccumulator.addPacked} folds: what an
 * application stores to fold responses again later (a rebuild) without re-validating them.
 */
export interface PackedResponse {
  /** Nine bytes, unsur in `UNSUR_CODES` order: 0 = unanswered, 1–4 = the answer. */
  readonly answers: Uint8Array;
  /**
   * Four bytes, fields in `PROFILE_FIELDS` order: 0 = not answered, k = the k-th category of
   * `PROFILE_CATEGORIES` (usia by its age group).
   */
  readonly profile: Uint8Array;
}

/**
 * Packs a validated response (see `parseResponse`) into the bytes `addPacked` reads, so
 * `new SkmAccumulator().addPacked(p.answers, 0, 1, p.profile)` equals `.add(response)`.
 * The questionnaire version, saran and extra answers are not part of the packed form.
 */
export function packResponse(response: SkmResponse): PackedResponse {
  const answers = new Uint8Array(UNSUR_COUNT);
  UNSUR_CODES.forEach((code, u) => {
    answers[u] = response.answers[code] ?? 0;
  });
  const profile = new Uint8Array(PROFILE_FIELDS.length);
  const given = response.profile ?? {};
  PROFILE_FIELDS.forEach((field, f) => {
    const value = given[field];
    if (value === undefined) return;
    const category = field === 'usia' ? usiaGroup(value as number) : (value as string);
    profile[f] = PROFILE_CATEGORIES[field].indexOf(category) + 1;
  });
  return { answers, profile };
}
