import { z } from 'zod';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
} from '../features/complaints/complaint-workflow.js';

const trimmed = (max: number) => z.string().trim().max(max);
const flag = z
  .union([z.boolean(), z.enum(['on', 'true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

/** A complaint as sent by the form or the JSON API (attachments come as multipart files). */
export const newComplaintSchema = z
  .object({
    category: z.enum(COMPLAINT_CATEGORIES),
    agencyId: z.string().min(1).max(64),
    serviceId: z.string().max(64).optional(),
    description: trimmed(4000).min(10, 'minimal 10 karakter / at least 10 characters'),
    anonymous: flag.optional().default(false),
    contactName: trimmed(120).optional(),
    contactEmail: z.email('email tidak valid / invalid email').max(200).optional(),
    contactPhone: z
      .string()
      .regex(/^\+?[0-9 ()-]{8,20}$/, 'nomor telepon tidak valid / invalid phone number')
      .optional(),
  })
  .strict();

export const complaintTrackingSchema = z.object({
  trackingCode: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  agencyId: z.string(),
  serviceId: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  answer: z.string().nullable(),
  deadline: z
    .object({
      step: z.enum(['forward', 'followUp', 'autoClose']),
      due: z.string(),
      overdue: z.boolean(),
    })
    .nullable(),
});

export const moveComplaintSchema = z
  .object({
    to: z.enum(COMPLAINT_STATUSES),
    note: trimmed(4000).optional(),
  })
  .strict();

export const personalDataSchema = z
  .object({
    contact: z.string().trim().min(5).max(200),
    action: z.enum(['export', 'erase']),
  })
  .strict();

/** One row of the open-data IKM table: aggregates only, never a response. */
export const openIkmRowSchema = z.object({
  period: z.string(),
  level: z.enum(['mpp', 'agency', 'service']),
  agencyId: z.string().nullable(),
  serviceId: z.string().nullable(),
  respondents: z.number(),
  ikm: z.number().nullable(),
  mutu: z.string().nullable(),
});

/** One row of the open-data queue table: per service and day. */
export const openQueueRowSchema = z.object({
  day: z.string(),
  agencyId: z.string(),
  serviceId: z.string(),
  arrivals: z.number(),
  served: z.number(),
  noShow: z.number(),
  medianWaitMinutes: z.number().nullable(),
});

const answer = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/**
 * The survey as JSON (the form sends the same names as strings): one answer 1–4 per unsur,
 * keyed `u_<code>`, and the optional respondent profile of the model questionnaire.
 */
export const surveyBodySchema = z.object({
  u_persyaratan: answer,
  u_prosedur: answer,
  u_waktu: answer,
  u_biaya: answer,
  u_produk: answer,
  u_kompetensi: answer,
  u_perilaku: answer,
  u_pengaduan: answer,
  u_sarana: answer,
  jenisKelamin: z.enum(['L', 'P']).optional(),
  usia: z.int().min(10).max(120).optional(),
  pendidikan: z.enum(['SD', 'SMP', 'SMA', 'D1-D4', 'S1', 'S2+']).optional(),
  pekerjaan: z.enum(['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA']).optional(),
  saran: z.string().max(1000).optional(),
});
