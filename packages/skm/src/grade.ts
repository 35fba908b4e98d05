import { type Bilingual, bi } from './bilingual.js';

/** Quality grade (*mutu pelayanan*) of the 2017 interval table. */
export type Mutu = 'A' | 'B' | 'C' | 'D';

/** Lower bounds in hundredths of an IKM point of the 2017 table (IKM = NI × 25). */
const LOWER_BOUNDS: readonly (readonly [number, Mutu])[] = [
  [8831, 'A'],
  [7661, 'B'],
  [6500, 'C'],
];

const KINERJA: Record<Mutu, Bilingual> = {
  A: bi('Sangat baik', 'Very good'),
  B: bi('Baik', 'Good'),
  C: bi('Kurang baik', 'Fair'),
  D: bi('Tidak baik', 'Poor'),
};

/**
 * Grade of an IKM already rounded to two decimals, given in hundredths (88.31 → 8831).
 * The table's ranges (25.00–64.99 D, 65.00–76.60 C, 76.61–88.30 B, 88.31–100.00 A) are
 * written at two decimals, so the rounded value is what gets graded.
 */
export function mutuFromHundredths(ikmHundredths: number): Mutu {
  for (const [bound, mutu] of LOWER_BOUNDS) if (ikmHundredths >= bound) return mutu;
  return 'D';
}

/** Performance label (*kinerja unit pelayanan*) of a grade. */
export function kinerja(mutu: Mutu): Bilingual {
  return KINERJA[mutu];
}
