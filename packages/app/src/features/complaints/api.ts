import { z } from 'zod';
import { apiRoute } from '../api-route.js';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './attachment-type.js';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from './complaint-workflow.js';

/** Complaints (pengaduan): filing and tracking by the public, the workflow for staff. */

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

const complaintId = z.string().min(1).max(80).describe('uuid of the complaint');

export const COMPLAINTS_API = {
  file: apiRoute({
    method: 'POST',
    path: '/api/complaints',
    summary:
      'Files a complaint (JSON; the multipart form also takes up to 3 JPEG/PNG/PDF attachments of 2 MB)',
    access: 'public',
    body: newComplaintSchema,
    files: { field: 'attachments', maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES },
    forms: true,
    status: 201,
    response: z.object({ trackingCode: z.string() }),
    errors: [400, 404],
  }),
  track: apiRoute({
    method: 'GET',
    path: '/api/complaints/{code}',
    summary: 'Tracks a complaint: status, SP4N-LAPOR! deadline and answer (no contact details)',
    access: 'public',
    params: z.object({ code: z.string().max(200).describe('tracking code ADU-XXXX-XXXX') }),
    response: complaintTrackingSchema,
    errors: [404],
  }),
  move: apiRoute({
    method: 'POST',
    path: '/api/staff/complaints/{id}/status',
    summary:
      'Moves a complaint one step (received → verified → forwarded/in progress → answered → closed)',
    access: { permission: 'complaint:act' },
    params: z.object({ id: complaintId }),
    body: moveComplaintSchema,
    forms: true,
    response: complaintTrackingSchema,
    errors: [400, 401, 403, 404, 409],
  }),
  exportForLapor: apiRoute({
    method: 'GET',
    path: '/api/staff/complaints/export.csv',
    summary: 'Complaints shaped for forwarding to SP4N-LAPOR! (CSV, no contact details)',
    access: { permission: 'complaint:view' },
    query: { instansi: 'agency id (managers and auditors; others get their own agency)' },
    response: { mediaType: 'text/csv' },
    errors: [401, 403],
  }),
  attachment: apiRoute({
    method: 'GET',
    path: '/api/staff/complaints/{id}/attachments/{attachmentId}',
    summary: 'Downloads a complaint attachment (JPEG, PNG or PDF, always as a download)',
    access: { permission: 'complaint:view' },
    params: z.object({
      id: complaintId,
      attachmentId: z.string().min(1).max(80).describe('uuid of the attachment'),
    }),
    response: { mediaType: 'application/octet-stream' },
    errors: [401, 403, 404],
  }),
};
