import { BilingualTextSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { LocalCodeSchema, TextSchema } from './common.js';

/** A *loket* (service counter). */
export const LoketSchema = z.strictObject({
  /** Counter number shown to the public; unique in the MPP. */
  number: z
    .int({ error: 'nomor loket harus bilangan bulat / counter number must be a whole number' })
    .min(1, { error: 'nomor loket paling kecil 1 / counter number must be at least 1' })
    .max(9999),
  floor: z.int().min(-5).max(200).default(1),
  /** Zone code; display boards show the zones they list. */
  zone: LocalCodeSchema,
  /** Code of the tenant staffing this counter. */
  tenant: LocalCodeSchema,
  /** Codes of the services served here; each must be offered by the tenant. */
  services: z.array(TextSchema).min(1, {
    error: 'loket paling sedikit melayani satu layanan / a counter serves at least one service',
  }),
  /** A loket khusus for vulnerable groups. */
  priority: z.boolean().default(false),
  label: BilingualTextSchema.optional(),
});
/** A counter. */
export type Loket = z.infer<typeof LoketSchema>;

/** A self-service ticket kiosk. */
export const KioskSchema = z.strictObject({
  id: LocalCodeSchema,
  name: TextSchema,
  floor: z.int().min(-5).max(200).default(1),
  zone: LocalCodeSchema.optional(),
  printer: z.boolean().default(true),
  /** Width of the receipt paper roll in millimetres: 80 (the common size) or 58. */
  paperWidth: z
    .union([z.literal(58), z.literal(80)], {
      error: 'lebar kertas 58 atau 80 (mm) / paper width is 58 or 80 (mm)',
    })
    .default(80),
});
/** A kiosk. */
export type Kiosk = z.infer<typeof KioskSchema>;

/** A display board calling tickets for the zones it lists. */
export const BoardSchema = z.strictObject({
  id: LocalCodeSchema,
  name: TextSchema,
  zones: z.array(LocalCodeSchema).min(1, {
    error: 'papan paling sedikit menampilkan satu zona / a board shows at least one zone',
  }),
  /** Announce calls by synthesised voice. */
  voice: z.boolean().default(true),
  /**
   * Languages calls are spoken in, in this order. Left out: Bahasa Indonesia, then English when the
   * MPP offers English (`locales.available`).
   */
  languages: z
    .array(z.enum(['id', 'en']))
    .min(1, { error: 'paling sedikit satu bahasa / at least one language' })
    .optional(),
});
/** A display board. */
export type Board = z.infer<typeof BoardSchema>;

/** Devices on the floor. */
export const DevicesSchema = z
  .strictObject({
    kiosks: z.array(KioskSchema).default([]),
    boards: z.array(BoardSchema).default([]),
  })
  .default({ kiosks: [], boards: [] });
/** Devices. */
export type Devices = z.infer<typeof DevicesSchema>;
