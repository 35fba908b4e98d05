import { z } from 'zod';
import { apiRoute } from '../api-route.js';

/** Open data for everyone, and queue analytics for staff. */

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

const period = { periode: 'bulan | triwulan | semester | tahun', p: 'the period, e.g. 2025-05' };
const days = { dari: 'first day (YYYY-MM-DD)', sampai: 'last day, at most 366 days on' };
const staffRange = { ...days, instansi: 'agency id (managers and auditors; others get their own)' };

export const ANALYTICS_API = {
  openIkm: apiRoute({
    method: 'GET',
    path: '/api/open-data/ikm.json',
    summary: 'Open data: IKM per MPP, agency and service for a period',
    access: 'public',
    query: period,
    response: z.array(openIkmRowSchema),
    errors: [],
  }),
  openIkmCsv: apiRoute({
    method: 'GET',
    path: '/api/open-data/ikm.csv',
    summary: 'Open data: the same IKM table as CSV',
    access: 'public',
    query: period,
    response: { mediaType: 'text/csv' },
    errors: [],
  }),
  openQueue: apiRoute({
    method: 'GET',
    path: '/api/open-data/antrean.json',
    summary: 'Open data: queue figures per service and day',
    access: 'public',
    query: days,
    response: z.array(openQueueRowSchema),
    errors: [],
  }),
  openQueueCsv: apiRoute({
    method: 'GET',
    path: '/api/open-data/antrean.csv',
    summary: 'Open data: the same queue table as CSV, streamed',
    access: 'public',
    query: days,
    response: { mediaType: 'text/csv' },
    errors: [],
  }),
  staffAnalytics: apiRoute({
    method: 'GET',
    path: '/api/staff/analytics',
    summary: 'Queue analytics for the signed-in staff member’s agency (or all, for managers)',
    access: { permission: 'figures:view' },
    query: staffRange,
    errors: [401, 403],
  }),
  staffAnalyticsCsv: apiRoute({
    method: 'GET',
    path: '/api/staff/analytics/export.csv',
    summary: 'Queue analytics tables as CSV',
    access: { permission: 'figures:view' },
    query: staffRange,
    response: { mediaType: 'text/csv' },
    errors: [401, 403],
  }),
};
