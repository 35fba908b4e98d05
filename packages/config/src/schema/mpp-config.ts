import { z } from 'zod';
import { BrandingSchema } from './branding.js';
import { DeploymentSchema } from './deployment.js';
import { DevicesSchema, LoketSchema } from './floor.js';
import { HolidaySchema, OpeningHoursSchema } from './hours.js';
import { IdentitySchema, LocalesSchema, TimezoneSchema } from './identity.js';
import { QueuePolicySchema, SurveySchema } from './policy.js';
import { TenantSchema } from './tenants.js';

/** The schema of `mpp.config.yaml`: one regional MPP instance. */
export const MppConfigSchema = z
  .strictObject({
    /** Format version of this file. */
    version: z.literal(1),
    identity: IdentitySchema,
    timezone: TimezoneSchema,
    locales: LocalesSchema,
    branding: BrandingSchema,
    openingHours: OpeningHoursSchema,
    holidays: z.array(HolidaySchema).default([]),
    tenants: z.array(TenantSchema).min(1, {
      error: 'paling sedikit satu instansi / at least one tenant agency',
    }),
    loket: z
      .array(LoketSchema)
      .min(1, { error: 'paling sedikit satu loket / at least one counter' }),
    devices: DevicesSchema,
    queue: QueuePolicySchema,
    survey: SurveySchema,
    deployment: DeploymentSchema,
  })
  .meta({
    title: 'mpp.config.yaml',
    description: 'Configuration of one Mal Pelayanan Publik instance (MPP Kit).',
  });
/** A validated `mpp.config.yaml`, with defaults applied. */
export type MppConfig = z.infer<typeof MppConfigSchema>;
/** `mpp.config.yaml` as written, before defaults. */
export type MppConfigInput = z.input<typeof MppConfigSchema>;
