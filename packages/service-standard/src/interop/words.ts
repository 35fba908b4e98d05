import type { Duration } from '../schemas/common.js';
import type { Biaya, Requirement } from '../schemas/standar-pelayanan.js';

/** A language of the interface. */
export type Locale = 'id' | 'en';

const UNIT_WORDS: Record<Duration['unit'], { id: string; en: [string, string] }> = {
  minutes: { id: 'menit', en: ['minute', 'minutes'] },
  hours: { id: 'jam', en: ['hour', 'hours'] },
  'working-days': { id: 'hari kerja', en: ['working day', 'working days'] },
  'calendar-days': { id: 'hari kalender', en: ['calendar day', 'calendar days'] },
};

/** `4 hari kerja` / `4 working days`. */
export function formatDuration(d: Duration, locale: Locale): string {
  const w = UNIT_WORDS[d.unit];
  return locale === 'id' ? `${d.amount} ${w.id}` : `${d.amount} ${w.en[d.amount === 1 ? 0 : 1]}`;
}

/** `Rp650.000` (Indonesian grouping in both languages, as on official fee tables). */
export function formatRupiah(amount: number): string {
  return `Rp${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** The fee in one line: `Gratis`, or `Paspor …: Rp650.000; …`. */
export function formatBiaya(biaya: Biaya, locale: Locale): string {
  if (biaya.free) return locale === 'id' ? 'Gratis' : 'Free of charge';
  return biaya.tarif
    .map((t) => {
      const what = locale === 'en' && t.description.en ? t.description.en : t.description.id;
      const formula = t.formula && (locale === 'en' && t.formula.en ? t.formula.en : t.formula.id);
      return `${what}: ${t.amount !== undefined ? formatRupiah(t.amount) : formula}`;
    })
    .join('; ');
}

const FORM_WORDS: Record<Requirement['form'], { id: string; en: string }> = {
  original: { id: 'asli', en: 'original' },
  copy: { id: 'fotokopi', en: 'copy' },
  'original-and-copy': { id: 'asli dan fotokopi', en: 'original and copy' },
  electronic: { id: 'berkas elektronik', en: 'electronic file' },
};

/** `KTP-el (asli, 1 lembar)` with its condition, for flat exports. */
export function formatRequirement(r: Requirement, locale: Locale): string {
  const name = locale === 'en' && r.document.en ? r.document.en : r.document.id;
  const form = FORM_WORDS[r.form][locale];
  const count =
    r.count > 1 ? (locale === 'id' ? `, ${r.count} lembar` : `, ${r.count} copies`) : '';
  const cond = r.condition
    ? ` — ${locale === 'en' && r.condition.en ? r.condition.en : r.condition.id}`
    : '';
  const optional = r.optional ? (locale === 'id' ? ' [bila ada]' : ' [if applicable]') : '';
  return `${name} (${form}${count})${cond}${optional}`;
}
