import { type Rational, rational } from './rational.js';

/**
 * How each unsur's NRR is weighted (*nilai penimbang*).
 * - `exact`: 1 / number of filled unsur (1/9 normally): the regulation's definition; the default.
 * - `0.111`: the weight rounded to three decimals, as many legacy spreadsheets do (Σ = 0.999).
 * - `0.11`: the weight rounded to two decimals (Σ = 0.99, every index 1% too low).
 * The legacy modes exist only to reproduce and explain old reports.
 */
export type WeightMode = 'exact' | '0.111' | '0.11';

/** The allowed weight modes. */
export const WEIGHT_MODES: readonly WeightMode[] = ['exact', '0.111', '0.11'];

/** True when `value` names a weight mode. */
export function isWeightMode(value: string): value is WeightMode {
  return (WEIGHT_MODES as readonly string[]).includes(value);
}

/** Weight of one unsur's NRR when `filledUnsur` unsur have answers. */
export function unsurWeight(mode: WeightMode, filledUnsur: number): Rational {
  switch (mode) {
    case 'exact':
      return rational(1n, BigInt(filledUnsur));
    case '0.111':
      return rational(111n, 1000n);
    case '0.11':
      return rational(11n, 100n);
  }
}
