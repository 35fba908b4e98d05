import type { Mutu } from './grade.js';
import { compare, type Rational, sub, toFixed } from './rational.js';
import type { SkmScore, UnsurScore } from './score.js';
import type { UnsurCode } from './unsur.js';

/**
 * The lowest-scoring unsur, lowest NRR first (ties keep the regulation's order): the
 * improvement priorities a report must name. Unsur without answers are left out.
 */
export function improvementPriorities(score: SkmScore, count = 3): UnsurScore[] {
  return score.unsur
    .filter((u) => u.nrr !== null)
    .map((u, i) => ({ u, i }))
    .sort((a, b) => compare(a.u.nrr as Rational, b.u.nrr as Rational) || a.i - b.i)
    .slice(0, count)
    .map(({ u }) => u);
}

/** Change of one unsur's NRR between two periods. */
export interface UnsurChange {
  readonly code: UnsurCode;
  readonly before: Rational | null;
  readonly after: Rational | null;
  /** after − before, exact; null when either period has no answers. */
  readonly change: Rational | null;
}

/** Change between two scores (e.g. two periods of the same service). */
export interface ScoreChange {
  /** IKM after − before, exact; null when either has no answers. */
  readonly ikmChange: Rational | null;
  /** The change rounded half-up (away from zero) to two decimals, signed ("+1.25"). */
  readonly ikmChangeText: string | null;
  readonly mutuBefore: Mutu | null;
  readonly mutuAfter: Mutu | null;
  readonly unsur: readonly UnsurChange[];
}

/** Compares two scores made with the same weight mode. */
export function compareScores(before: SkmScore, after: SkmScore): ScoreChange {
  if (before.weight !== after.weight) {
    throw new RangeError(
      `bobot berbeda (${before.weight} vs ${after.weight}) / scores use different weights (${before.weight} vs ${after.weight})`,
    );
  }
  const ikmChange = before.ikm !== null && after.ikm !== null ? sub(after.ikm, before.ikm) : null;
  let ikmChangeText: string | null = null;
  if (ikmChange !== null) {
    const t = toFixed(ikmChange, 2);
    ikmChangeText = t.startsWith('-') ? t : `+${t}`;
  }
  return {
    ikmChange,
    ikmChangeText,
    mutuBefore: before.mutu,
    mutuAfter: after.mutu,
    unsur: before.unsur.map((b, i) => {
      const a = after.unsur[i] as UnsurScore;
      return {
        code: b.code,
        before: b.nrr,
        after: a.nrr,
        change: b.nrr !== null && a.nrr !== null ? sub(a.nrr, b.nrr) : null,
      };
    }),
  };
}
