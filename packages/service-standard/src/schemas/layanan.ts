import { z } from 'zod';
import { BilingualTextSchema } from '../bilingual-text.js';
import {
  CodeSchema,
  HttpUrlSchema,
  KelompokRentanSchema,
  PlainTextSchema,
  SourceSchema,
} from './common.js';
import { StandarPelayananSchema } from './standar-pelayanan.js';

/** Broad service categories, used for grouping on kiosks and reports. */
export const LayananCategorySchema = z.enum([
  'administrasi-kependudukan',
  'keimigrasian',
  'kepolisian',
  'perpajakan',
  'jaminan-sosial',
  'perizinan-berusaha',
  'perizinan-bangunan',
  'kendaraan-bermotor',
  'kesehatan',
  'ketenagakerjaan',
  'pertanahan',
  'keagamaan',
  'keuangan',
  'utilitas',
  'lainnya',
]);
/** A service category. */
export type LayananCategory = z.infer<typeof LayananCategorySchema>;

/** How a service can be reached: at the counter, online, through a mobile app. */
export const ChannelsSchema = z.strictObject({
  counter: z.boolean().default(true),
  online: z.strictObject({ name: PlainTextSchema.optional(), url: HttpUrlSchema }).optional(),
  mobile: z
    .strictObject({
      name: PlainTextSchema,
      android: HttpUrlSchema.optional(),
      ios: HttpUrlSchema.optional(),
    })
    .optional(),
});
/** Service channels. */
export type Channels = z.infer<typeof ChannelsSchema>;

/** Special provisions for vulnerable groups (UU 25/2009 Pasal 29; PermenPANRB 11/2024). */
export const VulnerableProvisionSchema = z.strictObject({
  groups: z.array(KelompokRentanSchema).min(1, {
    error: 'kelompok rentan paling sedikit satu / at least one vulnerable group',
  }),
  provision: BilingualTextSchema,
});
/** A provision for vulnerable groups. */
export type VulnerableProvision = z.infer<typeof VulnerableProvisionSchema>;

/** A *layanan*: one service with its current standard. */
export const LayananSchema = z
  .strictObject({
    code: CodeSchema,
    /** Code of the agency (penyelenggara) responsible for the standard. */
    penyelenggara: CodeSchema,
    name: BilingualTextSchema,
    description: BilingualTextSchema.optional(),
    category: LayananCategorySchema,
    /** Licensing (perizinan) or non-licensing service. */
    type: z.enum(['perizinan', 'non-perizinan']),
    channels: ChannelsSchema,
    vulnerableProvisions: z.array(VulnerableProvisionSchema).default([]),
    standar: StandarPelayananSchema,
    sources: z.array(SourceSchema).default([]),
    /** True when some detail is illustrative and not verified against an official source. */
    example: z.boolean().default(false),
    /** Free notes for maintainers, e.g. which detail is unverified. */
    notes: PlainTextSchema.optional(),
  })
  .meta({ title: 'Layanan' });
/** A service with its standard. */
export type Layanan = z.infer<typeof LayananSchema>;
/** A service as written in a YAML file, before defaults are applied. */
export type LayananInput = z.input<typeof LayananSchema>;
