import type { Lang } from './i18n.js';

/** Picks the text for the page language; feature pages keep their texts next to their markup. */
export function tr(lang: Lang, id: string, en: string): string {
  return lang === 'en' ? en : id;
}

/** Formats a number for the page language (1.234,5 in Indonesian, 1,234.5 in English). */
export function num(lang: Lang, value: number, digits = 0): string {
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A share 0–1 as a percentage, or a dash. */
export function pct(lang: Lang, value: number | null): string {
  return value === null ? '–' : `${num(lang, value * 100, 1)} %`;
}
