import { z } from 'zod';
import { overlayChangeSchema } from '../features/admin/admin-overlay.js';
import type { ApiRoute } from './api-schemas.js';
import {
  complaintTrackingSchema,
  moveComplaintSchema,
  newComplaintSchema,
  openIkmRowSchema,
  openQueueRowSchema,
  personalDataSchema,
  surveyBodySchema,
} from './feedback-schemas.js';

/** Issue 8 endpoints (survey, complaints, analytics, open data) for the OpenAPI document. */
export const FEEDBACK_API_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/survey/{code}',
    summary: 'Answers the SKM survey of a served ticket, once (anonymous)',
    staff: false,
    params: { code: 'the ticket code from its link or QR' },
    body: surveyBodySchema,
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/api/complaints',
    summary:
      'Files a complaint (JSON; the multipart form also takes up to 3 JPEG/PNG/PDF attachments of 2 MB)',
    staff: false,
    body: newComplaintSchema,
    response: z.object({ trackingCode: z.string() }),
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/complaints/{code}',
    summary: 'Tracks a complaint: status, SP4N-LAPOR! deadline and answer (no contact details)',
    staff: false,
    params: { code: 'tracking code ADU-XXXX-XXXX' },
    response: complaintTrackingSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/open-data/ikm.json',
    summary: 'Open data: IKM per MPP, agency and service for a period (?periode=&p=)',
    staff: false,
    response: z.array(openIkmRowSchema),
    errors: [],
  },
  {
    method: 'get',
    path: '/api/open-data/ikm.csv',
    summary: 'Open data: the same IKM table as CSV',
    staff: false,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/open-data/antrean.json',
    summary: 'Open data: queue figures per service and day (?dari=&sampai=, at most 366 days)',
    staff: false,
    response: z.array(openQueueRowSchema),
    errors: [],
  },
  {
    method: 'get',
    path: '/api/open-data/antrean.csv',
    summary: 'Open data: the same queue table as CSV, streamed',
    staff: false,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/staff/analytics',
    summary: 'Queue analytics for the signed-in staff member’s agency (or all, for managers)',
    staff: true,
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/staff/analytics/export.csv',
    summary: 'Queue analytics tables as CSV',
    staff: true,
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/staff/complaints/{complaintId}/status',
    summary:
      'Moves a complaint one step (received → verified → forwarded/in progress → answered → closed)',
    staff: true,
    params: { complaintId: 'uuid of the complaint' },
    body: moveComplaintSchema,
    response: complaintTrackingSchema,
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'get',
    path: '/api/staff/complaints/export.csv',
    summary: 'Complaints shaped for forwarding to SP4N-LAPOR! (CSV, no contact details)',
    staff: true,
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/staff/admin/personal-data',
    summary:
      'UU PDP: exports (JSON download) or erases the contact details of one person (manager)',
    staff: true,
    body: personalDataSchema,
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/staff/admin/catalogue.yaml',
    summary: 'The latest imported service catalogue revision as one YAML file (manager)',
    staff: true,
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/staff/admin/config',
    summary:
      'Agencies, services and counters as they run: mpp.config.yaml with the administrators’ changes (manager, auditor; an agency admin sees their own agency)',
    staff: true,
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/staff/admin/config',
    summary:
      'One change: an agency added, renamed or switched off/on, a service (open/closed, daily cap), a counter (add/change/remove) or the opening hours; validated by @mpp-kit/config and applied to the running queue; 400 lists the configuration paths refused, 409 when a counter to remove holds a ticket or the last agency would be switched off (manager; an agency admin for their own agency’s services and counters)',
    staff: true,
    body: overlayChangeSchema,
    errors: [400, 401, 403, 409],
  },
];
