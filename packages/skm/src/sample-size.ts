/** Chi-square for one degree of freedom at 95% confidence, as printed by Krejcie & Morgan (1970). */
const LAMBDA_SQUARED = 3.841;
/** Margin of error d used by the table. */
const MARGIN = 0.05;

/**
 * Minimum number of respondents for a population of `population` service users,
 * by the Krejcie–Morgan formula that PermenPANRB 14/2017 prescribes
 * (λ² = 3.841, P = Q = 0.5, d = 0.05), rounded to the nearest whole respondent.
 *
 * @example
 * requiredSampleSize(1000); // 278
 */
export function requiredSampleSize(population: number): number {
  if (!Number.isInteger(population) || population < 1) {
    throw new RangeError(
      `population harus bilangan bulat ≥ 1 / population must be a whole number ≥ 1 (got ${population})`,
    );
  }
  const pq = 0.25;
  const s =
    (LAMBDA_SQUARED * population * pq) / (MARGIN ** 2 * (population - 1) + LAMBDA_SQUARED * pq);
  return Math.round(s);
}

/**
 * Margin of error d of a survey of `respondents` out of `population` at the same confidence
 * as the Krejcie–Morgan table (λ² = 3.841, P = Q = 0.5): the formula solved for d,
 * d = √(λ²·P·Q·(N − n) / (n·(N − 1))). 0 when everyone was surveyed.
 *
 * @example
 * marginOfError(278, 1000); // ≈ 0.05
 */
export function marginOfError(respondents: number, population: number): number {
  if (!Number.isInteger(population) || population < 1) {
    throw new RangeError(
      `population harus bilangan bulat ≥ 1 / population must be a whole number ≥ 1 (got ${population})`,
    );
  }
  if (!Number.isInteger(respondents) || respondents < 1 || respondents > population) {
    throw new RangeError(
      `respondents harus bilangan bulat 1–${population} / respondents must be a whole number 1–${population} (got ${respondents})`,
    );
  }
  if (population === 1) return 0;
  return Math.sqrt(
    (LAMBDA_SQUARED * 0.25 * (population - respondents)) / (respondents * (population - 1)),
  );
}

/** Whether a survey reached the Krejcie–Morgan sample size. */
export interface SampleCheck {
  readonly respondents: number;
  readonly population: number;
  readonly required: number;
  readonly marginOfError: number;
  readonly sufficient: boolean;
  /** Bilingual warning when the sample is too small; null when it is sufficient. */
  readonly warning: string | null;
}

/** Checks `respondents` against the sample size required for `population`. */
export function checkSample(respondents: number, population: number): SampleCheck {
  const required = requiredSampleSize(population);
  const sufficient = respondents >= required;
  const moe = marginOfError(Math.min(respondents, population), population);
  const pct = (moe * 100).toFixed(1);
  return {
    respondents,
    population,
    required,
    marginOfError: moe,
    sufficient,
    warning: sufficient
      ? null
      : `Sampel kurang: ${respondents} responden, perlu ${required} untuk populasi ${population} (margin of error ±${pct}%) / Sample too small: ${respondents} respondents, ${required} needed for a population of ${population} (margin of error ±${pct}%)`,
  };
}
