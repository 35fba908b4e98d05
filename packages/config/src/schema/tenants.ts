import {
  BilingualTextSchema,
  CodeSchema,
  ContactSchema,
  LayananSchema,
  PenyelenggaraKindSchema,
} from '@mpp-kit/service-standard';
import { z } from 'zod';
import { LocalCodeSchema, TextSchema } from './common.js';

const TicketPrefixSchema = z.string().regex(/^[A-Z]{1,2}$/, {
  error:
    'awalan nomor antrean 1–2 huruf kapital, mis. A / ticket prefix must be 1–2 capital letters, e.g. A',
});

const DailyCapSchema = z
  .int({ error: 'kuota harian harus bilangan bulat / daily cap must be a whole number' })
  .min(1, { error: 'kuota harian paling sedikit 1 / daily cap must be at least 1' })
  .max(100000);

const QueueOptions = {
  /** Letter(s) printed before the ticket number, e.g. `A` → A-001. */
  ticketPrefix: TicketPrefixSchema.optional(),
  /** Most tickets issued per day for this service. */
  dailyCap: DailyCapSchema.optional(),
};

/** A service offered by reference to the national catalogue: `standard: code@version`. */
export const NationalServiceSchema = z.strictObject({
  standard: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*@\d+\.\d+\.\d+$/, {
    error:
      'rujukan standar nasional harus berbentuk kode@versi, mis. imigrasi.paspor-baru@1.0.0 / national standard reference must be code@version, e.g. imigrasi.paspor-baru@1.0.0',
  }),
  ...QueueOptions,
});

/** A local service written inline in the config file. */
export const InlineServiceSchema = z.strictObject({
  local: LayananSchema,
  ...QueueOptions,
});

/** A local service read from a catalogue file, relative to the config file. */
export const FileServiceSchema = z.strictObject({
  file: TextSchema,
  /** Which service of the file; may be left out when the file holds exactly one. */
  code: CodeSchema.optional(),
  ...QueueOptions,
});

/** One service a tenant offers: national by `code@version`, or local inline or by file. */
export const TenantServiceSchema = z.union([
  NationalServiceSchema,
  InlineServiceSchema,
  FileServiceSchema,
]);
/** One service entry of a tenant. */
export type TenantService = z.infer<typeof TenantServiceSchema>;

/** An agency present in the MPP (tenant), with the services it offers there. */
export const TenantSchema = z.strictObject({
  code: LocalCodeSchema,
  kind: PenyelenggaraKindSchema,
  name: BilingualTextSchema,
  shortName: TextSchema.optional(),
  contact: ContactSchema.optional(),
  services: z.array(TenantServiceSchema).min(1, {
    error: 'setiap instansi paling sedikit satu layanan / each tenant needs at least one service',
  }),
});
/** A tenant agency. */
export type Tenant = z.infer<typeof TenantSchema>;
