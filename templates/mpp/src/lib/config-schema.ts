import { z } from 'zod';

/**
 * The app's view of mpp.config.yaml. It is validated here so that a bad file stops the app
 * before anything starts (no half-way start). When `@mpp-kit/config` publishes its schema this
 * file becomes a thin adapter over it (see docs/decisions/0052-config-bridge.md).
 */
const text = z.object({ id: z.string().min(1), en: z.string().min(1) });
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'huruf kecil, angka, tanda hubung / a-z, 0-9, -');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format JJ:MM / HH:MM');

export const serviceStandardSchema = z.object({
  persyaratan: z.array(z.string().min(1)).min(1),
  prosedur: z.array(z.string().min(1)).min(1),
  jangkaWaktu: z.string().min(1),
  biaya: z.string().min(1),
  produk: z.string().min(1),
  pengaduan: z.string().min(1),
  dasarHukum: z.array(z.string().min(1)).default([]),
});

export const serviceSchema = z.object({
  id: slug,
  prefix: z.string().regex(/^[A-Z]{1,3}$/, '1-3 huruf kapital / 1-3 capital letters'),
  name: text,
  averageServiceMinutes: z.number().int().min(1).max(240).default(10),
  standard: serviceStandardSchema,
});

export const agencySchema = z.object({
  id: slug,
  name: text,
  services: z.array(serviceSchema).min(1),
});

export const counterSchema = z.object({
  id: slug,
  label: z.string().min(1),
  agency: slug,
  services: z.array(slug).optional(),
});

export const configSchema = z
  .object({
    instance: z.object({
      name: z.string().min(1),
      regionCode: z.string().regex(/^\d{2}\.\d{2}$/),
      timezone: z.string().default('Asia/Jakarta'),
      address: z.string().min(1),
    }),
    hours: z
      .array(
        z.object({
          days: z.array(z.number().int().min(0).max(6)).min(1),
          open: time,
          close: time,
          note: text.optional(),
        }),
      )
      .min(1),
    facilities: z.array(z.object({ id: slug, name: text })).default([]),
    priorityClasses: z
      .array(z.enum(['elderly', 'disability', 'pregnant', 'child']))
      .default(['elderly', 'disability', 'pregnant', 'child']),
    agencies: z.array(agencySchema).min(1),
    counters: z.array(counterSchema).min(1),
    kiosks: z.array(z.object({ id: slug, label: z.string().min(1) })).default([]),
    boards: z
      .array(
        z.object({
          id: slug,
          label: z.string().min(1),
          agencies: z.array(slug).min(1),
          languages: z
            .array(z.enum(['id', 'en']))
            .min(1)
            .default(['id']),
        }),
      )
      .default([]),
  })
  .superRefine((config, ctx) => {
    const agencyIds = new Set<string>();
    const serviceAgency = new Map<string, string>();
    const prefixes = new Set<string>();
    config.agencies.forEach((agency, ai) => {
      if (agencyIds.has(agency.id))
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', ai, 'id'],
          message: `id ganda / duplicate id "${agency.id}"`,
        });
      agencyIds.add(agency.id);
      agency.services.forEach((service, si) => {
        if (serviceAgency.has(service.id))
          ctx.addIssue({
            code: 'custom',
            path: ['agencies', ai, 'services', si, 'id'],
            message: `id layanan ganda / duplicate service id "${service.id}"`,
          });
        serviceAgency.set(service.id, agency.id);
        if (prefixes.has(service.prefix))
          ctx.addIssue({
            code: 'custom',
            path: ['agencies', ai, 'services', si, 'prefix'],
            message: `awalan nomor ganda / duplicate ticket prefix "${service.prefix}"`,
          });
        prefixes.add(service.prefix);
      });
    });
    config.counters.forEach((counter, ci) => {
      if (!agencyIds.has(counter.agency))
        ctx.addIssue({
          code: 'custom',
          path: ['counters', ci, 'agency'],
          message: `instansi tidak dikenal / unknown agency "${counter.agency}"`,
        });
      counter.services?.forEach((serviceId, si) => {
        if (serviceAgency.get(serviceId) !== counter.agency)
          ctx.addIssue({
            code: 'custom',
            path: ['counters', ci, 'services', si],
            message: `layanan "${serviceId}" bukan milik instansi / is not a service of "${counter.agency}"`,
          });
      });
    });
    config.boards.forEach((board, bi) => {
      board.agencies.forEach((agencyId, ai) => {
        if (!agencyIds.has(agencyId))
          ctx.addIssue({
            code: 'custom',
            path: ['boards', bi, 'agencies', ai],
            message: `instansi tidak dikenal / unknown agency "${agencyId}"`,
          });
      });
    });
  });

export type MppConfig = z.infer<typeof configSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Counter = z.infer<typeof counterSchema>;
export type Bilingual = z.infer<typeof text>;
