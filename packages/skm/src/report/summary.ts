import type { GroupKey } from '../aggregate.js';
import type { Mutu } from '../grade.js';
import { toFixed, toFractionString, toRoundedNumber } from '../rational.js';
import type { SkmScore } from '../score.js';
import type { UnsurCode } from '../unsur.js';
import type { WeightMode } from '../weight.js';

/** Decimals used for output (values stay exact inside). Rounding is half-up. */
export const DECIMALS = { ikm: 2, nrr: 2, nrrTertimbang: 3, indexValue: 4 } as const;

/** One unsur in a {@link ScoreSummary}. */
export interface UnsurSummary {
  readonly code: UnsurCode;
  readonly answered: number;
  readonly sum: number;
  /** NRR rounded to 2 decimals; null when nobody answered. */
  readonly nrr: number | null;
  /** NRR × weight rounded to 3 decimals; null when nobody answered. */
  readonly nrrTertimbang: number | null;
}

/**
 * A score as plain JSON data: what `mpp-skm score --format json` prints and what the JSON
 * report publishes. Rounded for reading; `ikmExact` keeps the exact fraction.
 */
export interface ScoreSummary {
  readonly respondents: number;
  /** IKM rounded half-up to 2 decimals; null without answers. */
  readonly ikm: number | null;
  /** The same IKM as text with both decimals ("100.00"). */
  readonly ikmText: string | null;
  readonly mutu: Mutu | null;
  /** Performance label in Bahasa Indonesia (*kinerja unit pelayanan*). */
  readonly kinerja: string | null;
  /** Index value (NI, 1–4) rounded to 4 decimals. */
  readonly indexValue: number | null;
  /** Exact IKM as "numerator/denominator". */
  readonly ikmExact: string | null;
  readonly weight: WeightMode;
  readonly questionnaire: string;
  readonly unsurWithoutAnswers: readonly UnsurCode[];
  readonly unsur: readonly UnsurSummary[];
}

/** The plain-data form of a score. */
export function summarize(score: SkmScore): ScoreSummary {
  return {
    respondents: score.respondents,
    ikm: score.ikm === null ? null : toRoundedNumber(score.ikm, DECIMALS.ikm),
    ikmText: score.ikmText,
    mutu: score.mutu,
    kinerja: score.kinerja?.id ?? null,
    indexValue:
      score.indexValue === null ? null : toRoundedNumber(score.indexValue, DECIMALS.indexValue),
    ikmExact: score.ikm === null ? null : toFractionString(score.ikm),
    weight: score.weight,
    questionnaire: score.questionnaire,
    unsurWithoutAnswers: score.unsurWithoutAnswers,
    unsur: score.unsur.map((u) => ({
      code: u.code,
      answered: u.answered,
      sum: u.sum,
      nrr: u.nrr === null ? null : toRoundedNumber(u.nrr, DECIMALS.nrr),
      nrrTertimbang:
        u.nrrTertimbang === null ? null : toRoundedNumber(u.nrrTertimbang, DECIMALS.nrrTertimbang),
    })),
  };
}

/** A group's key values followed by its summary (the key fields come first). */
export function summarizeGroup(key: GroupKey, score: SkmScore): GroupKey & ScoreSummary {
  return { ...key, ...summarize(score) };
}

/** Text of an exact value rounded for output; "-" for null. */
export function fixedOrDash(value: Parameters<typeof toFixed>[0] | null, decimals: number): string {
  return value === null ? '-' : toFixed(value, decimals);
}
