import { BilingualTextSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { TextSchema } from './common.js';

/** The three Indonesian time zones: WIB, WITA, WIT. */
export const TimezoneSchema = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'], {
  error:
    'zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT) / timezone must be Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)',
});

/** Who and where this MPP is. */
export const IdentitySchema = z.strictObject({
  name: BilingualTextSchema,
  /** Kemendagri region code of the kabupaten/kota, `PP.KK` (e.g. `35.78` for Kota Surabaya). */
  regionCode: z.string().regex(/^\d{2}\.\d{2}$/, {
    error:
      'kode wilayah Kemendagri kabupaten/kota harus berbentuk PP.KK, mis. 35.78 / Kemendagri regency code must be PP.KK, e.g. 35.78',
  }),
  province: TextSchema,
  /** Name of the kabupaten/kota that runs the MPP (Perpres 89/2021 Pasal 3). */
  regency: TextSchema,
  /** The operating unit, usually the DPMPTSP. */
  operator: BilingualTextSchema.optional(),
  address: TextSchema.optional(),
});
/** Identity of an MPP. */
export type Identity = z.infer<typeof IdentitySchema>;

/** Interface languages: Bahasa Indonesia is always available and the default unless set. */
export const LocalesSchema = z
  .strictObject({
    default: z.enum(['id', 'en']).default('id'),
    available: z
      .array(z.enum(['id', 'en']))
      .min(1)
      .default(['id', 'en']),
  })
  .default({ default: 'id', available: ['id', 'en'] });
/** Interface languages. */
export type Locales = z.infer<typeof LocalesSchema>;
