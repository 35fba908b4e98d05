import { BilingualTextSchema, KelompokRentanSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { LocalCodeSchema } from './common.js';

/** A priority class: who may take a priority ticket. */
export const PriorityClassSchema = z.strictObject({
  code: LocalCodeSchema,
  name: BilingualTextSchema,
  groups: z.array(KelompokRentanSchema).min(1),
});
/** A priority class. */
export type PriorityClass = z.infer<typeof PriorityClassSchema>;

const Positive = z.int().min(1).max(100);

/** Queue policy for the whole MPP. */
export const QueuePolicySchema = z
  .strictObject({
    priorityClasses: z.array(PriorityClassSchema).default([]),
    /**
     * When both kinds wait at one counter, call `priority` priority tickets for every
     * `regular` regular tickets (e.g. 1:2).
     */
    interleave: z
      .strictObject({ priority: Positive, regular: Positive })
      .default({ priority: 1, regular: 2 }),
    /** Daily cap for services that set none. */
    defaultDailyCap: z.int().min(1).max(100000).optional(),
    /** Stop issuing tickets this many minutes before closing. */
    ticketCutoffMinutes: z.int().min(0).max(600).default(30),
    /** A ticket called this many times without showing up is skipped. */
    maxCallsBeforeSkip: z.int().min(1).max(10).default(3),
  })
  .default({
    priorityClasses: [],
    interleave: { priority: 1, regular: 2 },
    ticketCutoffMinutes: 30,
    maxCallsBeforeSkip: 3,
  });
/** Queue policy. */
export type QueuePolicy = z.infer<typeof QueuePolicySchema>;

/** The Survei Kepuasan Masyarakat (SKM, PermenPANRB 14/2017) settings. */
export const SurveySchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Reporting period; the regulation requires at least once a year. */
    period: z.enum(['monthly', 'quarterly', 'semester', 'yearly']).default('quarterly'),
    /** Respondents per service and period: the Krejcie–Morgan table, or a fixed number. */
    targetSample: z
      .union([z.literal('krejcie-morgan'), z.int().min(1).max(100000)])
      .default('krejcie-morgan'),
  })
  .default({ enabled: true, period: 'quarterly', targetSample: 'krejcie-morgan' });
/** Survey settings. */
export type Survey = z.infer<typeof SurveySchema>;
