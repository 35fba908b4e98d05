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
