import { PROFILE_CATEGORIES, PROFILE_FIELDS, type ProfileField, usiaGroup } from './profile.js';
import { type Questionnaire, SKM_2017 } from './questionnaire.js';
import type { SkmResponse } from './response.js';
import { UNSUR_CODES, UNSUR_COUNT } from './unsur.js';

/** Slots per unsur in the histogram: index 0 counts "unanswered", 1–4 count each answer. */
const SLOTS = 5;

const PROFILE_OFFSETS: readonly number[] = (() => {
  const offsets: number[] = [];
  let at = 0;
  for (const field of PROFILE_FIELDS) {
    offsets.push(at);
    at += PROFILE_CATEGORIES[field].length + 1;
  }
  offsets.push(at);
  return offsets;
})();
const PROFILE_SLOTS = PROFILE_OFFSETS[PROFILE_OFFSETS.length - 1] as number;

const SCRATCH = new Float64Array(UNSUR_COUNT * 8);

function rejectPacked(packed: Uint8Array, start: number, count: number): never {
  for (let r = start; r < start + count; r++) {
    for (let u = 0; u < UNSUR_COUNT; u++) {
      const v = packed[r * UNSUR_COUNT + u] as number;
      if (v > 4) {
        throw new RangeError(
          `respons ${r}, unsur ${UNSUR_CODES[u]}: nilai ${v} di luar 0–4 / response ${r}, unsur ${UNSUR_CODES[u]}: value ${v} outside 0–4`,
        );
      }
    }
  }
  throw new RangeError('packed answers rejected without a bad byte');
}

/** Serializable state of an accumulator, for storing or shipping shard results. */
export interface AccumulatorState {
  readonly questionnaire: string;
  readonly respondents: number;
  /** `counts[u][v]`: responses giving answer v (0 = unanswered) to unsur u, u in {@link UNSUR_CODES} order. */
  readonly counts: readonly (readonly number[])[];
  /** Per profile field, counts per category; key "-" is "not answered". */
  readonly profile: Record<ProfileField, Record<string, number>>;
}

/**
 * Running totals of an SKM survey: for each unsur, how many respondents gave each answer,
 * plus respondent-profile counts. Its size is fixed (a few hundred bytes) whatever the number
 * of responses, responses can be folded in one at a time, and two accumulators merge by
 * adding their counts, so shards can be scored apart and combined. Scoring it gives exactly
 * the same result as scoring all the responses at once, because the IKM depends only on
 * these counts.
 */
export class SkmAccumulator {
  /** Version of the questionnaire all folded responses were answered on. */
  readonly questionnaire: string;
  /** Histogram, `hist[u * 5 + v]`. Counts stay exact in a float64 up to 2^53. */
  readonly hist = new Float64Array(UNSUR_COUNT * SLOTS);
  /** Profile counts: per field, slot 0 "not answered", then one slot per category. */
  readonly profileCounts = new Float64Array(PROFILE_SLOTS);
  /** Number of responses folded in. */
  respondents = 0;

  constructor(questionnaire: Questionnaire | string = SKM_2017) {
    this.questionnaire = typeof questionnaire === 'string' ? questionnaire : questionnaire.version;
  }

  /**
   * Folds one validated response (see `parseResponse`).
   * @throws {RangeError} when the response was made on another questionnaire version.
   */
  add(response: SkmResponse): this {
    if (response.questionnaire !== this.questionnaire) {
      throw new RangeError(
        `respons dari kuesioner "${response.questionnaire}" tidak boleh dinilai dengan "${this.questionnaire}" / a response to questionnaire "${response.questionnaire}" cannot be scored as "${this.questionnaire}"`,
      );
    }
    const a = response.answers;
    const h = this.hist;
    for (let u = 0; u < UNSUR_COUNT; u++) {
      const v = a[UNSUR_CODES[u] as (typeof UNSUR_CODES)[number]];
      h[u * SLOTS + (v ?? 0)] = (h[u * SLOTS + (v ?? 0)] as number) + 1;
    }
    const p = response.profile;
    const pc = this.profileCounts;
    for (let f = 0; f < PROFILE_FIELDS.length; f++) {
      const field = PROFILE_FIELDS[f] as ProfileField;
      const value = p?.[field];
      let slot = 0;
      if (value !== undefined) {
        const category = field === 'usia' ? usiaGroup(value as number) : (value as string);
        slot = PROFILE_CATEGORIES[field].indexOf(category) + 1;
      }
      const at = (PROFILE_OFFSETS[f] as number) + slot;
      pc[at] = (pc[at] as number) + 1;
    }
    this.respondents += 1;
    return this;
  }

  /**
   * Hot path: folds `count` responses packed as 9 bytes each (unsur in {@link UNSUR_CODES}
   * order; 0 = unanswered, 1–4 = answer), starting at response `start`. `profiles`, if given,
   * holds 4 bytes per response (profile fields in PROFILE_FIELDS order; 0 = not answered,
   * k = k-th category); without it every profile is counted as not answered.
   * @throws {RangeError} naming the response and unsur of the first byte above 4.
   */
  addPacked(
    packed: Uint8Array,
    start = 0,
    count = packed.length / UNSUR_COUNT - start,
    profiles?: Uint8Array,
  ): this {
    if (!Number.isInteger(count) || count < 0 || (start + count) * UNSUR_COUNT > packed.length) {
      throw new RangeError(`packed answers: ${count} responses from ${start} do not fit the array`);
    }
    // Count into a scratch histogram with 8 slots per unsur: a byte 5–7 lands in a spare slot
    // of its own unsur and a byte >= 8 shows in `or`, so validity is checked once after the
    // loop instead of per answer, and a rejected call leaves this accumulator untouched.
    const h = SCRATCH.fill(0);
    const end = (start + count) * UNSUR_COUNT;
    let or = 0;
    for (let i = start * UNSUR_COUNT; i < end; i += UNSUR_COUNT) {
      const a0 = packed[i] as number;
      const a1 = packed[i + 1] as number;
      const a2 = packed[i + 2] as number;
      const a3 = packed[i + 3] as number;
      const a4 = packed[i + 4] as number;
      const a5 = packed[i + 5] as number;
      const a6 = packed[i + 6] as number;
      const a7 = packed[i + 7] as number;
      const a8 = packed[i + 8] as number;
      or |= a0 | a1 | a2 | a3 | a4 | a5 | a6 | a7 | a8;
      if (or > 7) break;
      h[a0] = (h[a0] as number) + 1;
      h[8 + a1] = (h[8 + a1] as number) + 1;
      h[16 + a2] = (h[16 + a2] as number) + 1;
      h[24 + a3] = (h[24 + a3] as number) + 1;
      h[32 + a4] = (h[32 + a4] as number) + 1;
      h[40 + a5] = (h[40 + a5] as number) + 1;
      h[48 + a6] = (h[48 + a6] as number) + 1;
      h[56 + a7] = (h[56 + a7] as number) + 1;
      h[64 + a8] = (h[64 + a8] as number) + 1;
    }
    let spare = 0;
    for (let u = 0; u < UNSUR_COUNT; u++) {
      spare += (h[u * 8 + 5] as number) + (h[u * 8 + 6] as number) + (h[u * 8 + 7] as number);
    }
    if (or > 7 || spare > 0) rejectPacked(packed, start, count);
    this.addPackedProfiles(start, count, profiles);
    for (let u = 0; u < UNSUR_COUNT; u++) {
      for (let v = 0; v < SLOTS; v++) {
        this.hist[u * SLOTS + v] = (this.hist[u * SLOTS + v] as number) + (h[u * 8 + v] as number);
      }
    }
    this.respondents += count;
    return this;
  }

  private addPackedProfiles(start: number, count: number, profiles?: Uint8Array): void {
    const pc = this.profileCounts;
    if (profiles === undefined) {
      for (let f = 0; f < PROFILE_FIELDS.length; f++) {
        const at = PROFILE_OFFSETS[f] as number;
        pc[at] = (pc[at] as number) + count;
      }
      return;
    }
    const fields = PROFILE_FIELDS.length;
    for (let f = 0; f < fields; f++) {
      const max = PROFILE_CATEGORIES[PROFILE_FIELDS[f] as ProfileField].length;
      for (let r = start; r < start + count; r++) {
        const slot = profiles[r * fields + f] as number;
        if (slot > max) {
          throw new RangeError(
            `respons ${r}: profil ${PROFILE_FIELDS[f]} ${slot} di luar 0–${max} / response ${r}: profile ${PROFILE_FIELDS[f]} ${slot} outside 0–${max}`,
          );
        }
      }
    }
    for (let f = 0; f < fields; f++) {
      const base = PROFILE_OFFSETS[f] as number;
      for (let r = start; r < start + count; r++) {
        const at = base + (profiles[r * fields + f] as number);
        pc[at] = (pc[at] as number) + 1;
      }
    }
  }

  /**
   * Adds another accumulator's counts into this one.
   * @throws {RangeError} when the two were built on different questionnaire versions.
   */
  merge(other: SkmAccumulator): this {
    if (other.questionnaire !== this.questionnaire) {
      throw new RangeError(
        `tidak dapat menggabungkan kuesioner "${other.questionnaire}" dengan "${this.questionnaire}" / cannot merge questionnaire "${other.questionnaire}" into "${this.questionnaire}"`,
      );
    }
    for (let i = 0; i < this.hist.length; i++)
      this.hist[i] = (this.hist[i] as number) + (other.hist[i] as number);
    for (let i = 0; i < this.profileCounts.length; i++) {
      this.profileCounts[i] =
        (this.profileCounts[i] as number) + (other.profileCounts[i] as number);
    }
    this.respondents += other.respondents;
    return this;
  }

  /** A copy that can be changed independently. */
  clone(): SkmAccumulator {
    return new SkmAccumulator(this.questionnaire).merge(this);
  }

  /** How many respondents gave answer `value` (0 = unanswered) to unsur number `u`. */
  count(u: number, value: number): number {
    return this.hist[u * SLOTS + value] as number;
  }

  /** Profile counts of `field`, keyed by category ("-" = not answered). */
  profileBreakdown(field: ProfileField): Record<string, number> {
    const f = PROFILE_FIELDS.indexOf(field);
    const base = PROFILE_OFFSETS[f] as number;
    const out: Record<string, number> = {};
    PROFILE_CATEGORIES[field].forEach((c, i) => {
      out[c] = this.profileCounts[base + i + 1] as number;
    });
    out['-'] = this.profileCounts[base] as number;
    return out;
  }

  /** The state as plain JSON-safe data. */
  toJSON(): AccumulatorState {
    const counts = UNSUR_CODES.map((_, u) =>
      Array.from(this.hist.subarray(u * SLOTS, u * SLOTS + SLOTS)),
    );
    const profile = Object.fromEntries(
      PROFILE_FIELDS.map((f) => [f, this.profileBreakdown(f)]),
    ) as Record<ProfileField, Record<string, number>>;
    return { questionnaire: this.questionnaire, respondents: this.respondents, counts, profile };
  }

  /** Rebuilds an accumulator from {@link toJSON} output. */
  static fromJSON(state: AccumulatorState): SkmAccumulator {
    const acc = new SkmAccumulator(state.questionnaire);
    state.counts.forEach((row, u) => {
      row.forEach((n, v) => {
        acc.hist[u * SLOTS + v] = n;
      });
    });
    PROFILE_FIELDS.forEach((field, f) => {
      const base = PROFILE_OFFSETS[f] as number;
      const counts = state.profile[field];
      acc.profileCounts[base] = counts['-'] ?? 0;
      PROFILE_CATEGORIES[field].forEach((c, i) => {
        acc.profileCounts[base + i + 1] = counts[c] ?? 0;
      });
    });
    acc.respondents = state.respondents;
    return acc;
  }
}

/** Folds validated responses into a new accumulator. */
export function accumulate(
  responses: Iterable<SkmResponse>,
  questionnaire: Questionnaire | string = SKM_2017,
): SkmAccumulator {
  const acc = new SkmAccumulator(questionnaire);
  for (const r of responses) acc.add(r);
  return acc;
}
