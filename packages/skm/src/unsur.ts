/**
 * Stable codes of the nine *unsur* (survey elements) of PermenPANRB 14/2017.
 *
 * Always address an unsur by its code, never by position: the regulation lists
 * pengaduan before sarana, while the model questionnaire asks them the other way round.
 * This tuple fixes the order used for arrays inside the package (the regulation's order).
 */
export const UNSUR_CODES = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const;

/** Code of one *unsur*. */
export type UnsurCode = (typeof UNSUR_CODES)[number];

/** Number of *unsur* in the index (9). */
export const UNSUR_COUNT = UNSUR_CODES.length;

const INDEX: ReadonlyMap<string, number> = new Map(UNSUR_CODES.map((code, i) => [code, i]));

/** True when `value` is one of the nine unsur codes. */
export function isUnsurCode(value: string): value is UnsurCode {
  return INDEX.has(value);
}

/** Position of an unsur code in {@link UNSUR_CODES}, or -1 when the code is unknown. */
export function unsurIndex(code: string): number {
  return INDEX.get(code) ?? -1;
}
