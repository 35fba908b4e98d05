import { z } from 'zod';
import { nonBlank } from '../bilingual-text.js';

/**
 * A stable machine code: lower-case letters and digits in groups joined by `.` or `-`
 * (`dukcapil.ktp-el`, `kemendagri-dukcapil`). Codes never change once published.
 */
export const CodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
    error:
      'kode hanya huruf kecil, angka, titik dan tanda hubung (mis. dukcapil.ktp-el) / code must be lower-case letters, digits, dots and hyphens (e.g. dukcapil.ktp-el)',
  })
  .max(64, { error: 'kode paling panjang 64 karakter / code must be at most 64 characters' });

/** A version `MAJOR.MINOR.PATCH`, e.g. `1.0.0`; the major number changes when requirements, time or fees change. */
export const VersionSchema = z
  .string()
  .regex(/^(?:0|[1-9]\d{0,5})\.(?:0|[1-9]\d{0,5})\.(?:0|[1-9]\d{0,5})$/, {
    error:
      'versi harus berbentuk MAYOR.MINOR.PATCH, mis. 1.0.0 / version must be MAJOR.MINOR.PATCH, e.g. 1.0.0',
  });

/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date({
  error: 'tanggal harus berbentuk YYYY-MM-DD / date must be YYYY-MM-DD',
});

/**
 * An absolute http(s) address. A plain pattern, not zod's URL parser, so that the generated JSON
 * Schema checks exactly the same thing.
 */
export const HttpUrlSchema = z
  .string()
  .regex(/^https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#][^\s]*)?$/, {
    error: 'alamat web harus URL http(s) lengkap / must be a full http(s) URL',
  });

/** An e-mail address. */
export const EmailSchema = z.email({
  error: 'alamat surel tidak sah / invalid e-mail address',
});

/** Non-blank plain text (not translated, e.g. a statute's official title or a phone number). */
export const PlainTextSchema = nonBlank();

/**
 * The vulnerable groups (kelompok rentan) entitled to special treatment, in the regulation's own
 * terms (UU 25/2009 Pasal 29 and its elucidation; PermenPANRB 11/2024 adds ibu menyusui). The one
 * vocabulary of MPP Kit: `@mpp-kit/config`, `@mpp-kit/queue` and the app import it from here.
 */
export const KELOMPOK_RENTAN = [
  'disabilitas',
  'lanjut-usia',
  'ibu-hamil',
  'ibu-menyusui',
  'anak',
  'korban-bencana-alam',
  'korban-bencana-sosial',
] as const;

/** A vulnerable group (kelompok rentan). */
export type KelompokRentan = (typeof KELOMPOK_RENTAN)[number];

/** Whether a string is one of {@link KELOMPOK_RENTAN}. */
export function isKelompokRentan(value: string): value is KelompokRentan {
  return (KELOMPOK_RENTAN as readonly string[]).includes(value);
}

/** A {@link KelompokRentan}; anything else is refused with the list of accepted values. */
export const KelompokRentanSchema = z.enum(KELOMPOK_RENTAN, {
  error: `kelompok rentan harus salah satu dari: ${KELOMPOK_RENTAN.join(', ')} / vulnerable group must be one of those values`,
});

/** Units a duration may be counted in. Working days skip weekends and holidays. */
export const DurationUnitSchema = z.enum(['minutes', 'hours', 'working-days', 'calendar-days']);
/** A unit of {@link Duration}. */
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/** An amount of time: a positive whole number with a unit. */
export const DurationSchema = z.strictObject({
  amount: z
    .int({ error: 'lama waktu harus bilangan bulat / duration must be a whole number' })
    .min(1, { error: 'lama waktu paling sedikit 1 / duration must be at least 1' })
    .max(100000),
  unit: DurationUnitSchema,
});
/** An amount of time with its unit. */
export type Duration = z.infer<typeof DurationSchema>;

/** Where a fact in a catalogue entry comes from. */
export const SourceSchema = z.strictObject({
  title: PlainTextSchema,
  url: HttpUrlSchema.optional(),
  accessed: IsoDateSchema.optional(),
});
/** A source for a catalogue entry. */
export type Source = z.infer<typeof SourceSchema>;
