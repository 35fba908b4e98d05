/**
 * Exact fractions on bigint. Every score is computed with these so that no binary
 * floating-point error can move a result across a grade boundary; rounding happens
 * once, when a value is formatted for output.
 */
export interface Rational {
  /** Numerator (carries the sign). */
  readonly num: bigint;
  /** Denominator, always > 0; the fraction is always in lowest terms. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** The fraction `num / den` in lowest terms. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('denominator is zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** The fraction 0/1. */
export const ZERO: Rational = { num: 0n, den: 1n };

/** a + b, exact. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b, exact. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × b, exact. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * `r` scaled by 10^decimals and rounded half-up (ties away from zero) to an integer.
 * E.g. 88.305 at 2 decimals → 8831n; −0.005 → −1n.
 */
export function roundScaled(r: Rational, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  const n = r.num < 0n ? -r.num : r.num;
  const rounded = (2n * n * scale + r.den) / (2n * r.den);
  return r.num < 0n ? -rounded : rounded;
}

/** Decimal text of `r` rounded half-up to `decimals` places, e.g. "88.31". */
export function toFixed(r: Rational, decimals: number): string {
  const scaled = roundScaled(r, decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${frac}` : ''}`;
}

/** Number nearest to `r` rounded half-up to `decimals` places (for JSON output). */
export function toRoundedNumber(r: Rational, decimals: number): number {
  return Number(toFixed(r, decimals));
}

/** Text form "num/den", lossless, for open-data publication. */
export function toFractionString(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}
