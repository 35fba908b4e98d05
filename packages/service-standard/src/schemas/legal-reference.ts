import { z } from 'zod';
import { HttpUrlSchema, PlainTextSchema } from './common.js';

/** Kinds of legal instrument, from statute down to circulars. */
export const LegalInstrumentTypeSchema = z.enum([
  'undang-undang',
  'peraturan-pemerintah',
  'peraturan-presiden',
  'peraturan-menteri',
  'peraturan-lembaga',
  'peraturan-daerah',
  'peraturan-kepala-daerah',
  'keputusan',
  'surat-edaran',
  'lainnya',
]);
/** A kind of legal instrument. */
export type LegalInstrumentType = z.infer<typeof LegalInstrumentTypeSchema>;

/** A reference to a legal instrument: type, number, year and official (Indonesian) title. */
export const LegalReferenceSchema = z.strictObject({
  type: LegalInstrumentTypeSchema,
  number: PlainTextSchema,
  year: z
    .int({ error: 'tahun harus bilangan bulat / year must be a whole number' })
    .min(1945, { error: 'tahun paling awal 1945 / year must be 1945 or later' })
    .max(2100, { error: 'tahun paling akhir 2100 / year must be 2100 or earlier' }),
  title: PlainTextSchema,
  /** Article(s) relied on, e.g. `Pasal 21`. */
  article: PlainTextSchema.optional(),
  url: HttpUrlSchema.optional(),
});
/** A legal reference (dasar hukum item). */
export type LegalReference = z.infer<typeof LegalReferenceSchema>;
