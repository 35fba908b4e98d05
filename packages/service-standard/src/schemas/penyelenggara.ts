import { z } from 'zod';
import { BilingualTextSchema } from '../bilingual-text.js';
import { CodeSchema, EmailSchema, HttpUrlSchema, PlainTextSchema } from './common.js';

/** Kinds of provider that may serve in an MPP (Perpres 89/2021). */
export const PenyelenggaraKindSchema = z.enum([
  'kementerian',
  'lembaga',
  'pemerintah-provinsi',
  'pemerintah-kabupaten-kota',
  'bumn',
  'bumd',
  'swasta',
]);
/** A kind of provider. */
export type PenyelenggaraKind = z.infer<typeof PenyelenggaraKindSchema>;

/** Contact details of an agency. */
export const ContactSchema = z.strictObject({
  website: HttpUrlSchema.optional(),
  email: EmailSchema.optional(),
  phone: PlainTextSchema.optional(),
  address: PlainTextSchema.optional(),
});
/** Contact details. */
export type Contact = z.infer<typeof ContactSchema>;

/** A *penyelenggara*: the agency that provides services. */
export const PenyelenggaraSchema = z
  .strictObject({
    code: CodeSchema,
    kind: PenyelenggaraKindSchema,
    name: BilingualTextSchema,
    shortName: PlainTextSchema.optional(),
    contact: ContactSchema.optional(),
  })
  .meta({ title: 'Penyelenggara' });
/** A service provider (agency). */
export type Penyelenggara = z.infer<typeof PenyelenggaraSchema>;
