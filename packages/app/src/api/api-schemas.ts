import { KELOMPOK_RENTAN } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { FEEDBACK_API_ROUTES } from './feedback-api-routes.js';

/** Request and response shapes of the JSON API; the OpenAPI document is generated from these. */
export const prioritySchema = z.enum(['regular', ...KELOMPOK_RENTAN]);

export const issueTicketSchema = z.object({
  serviceId: z.string().min(1).max(80),
  priority: prioritySchema.default('regular'),
  channel: z.enum(['online', 'kiosk']).default('online'),
  kioskId: z.string().min(1).max(80).optional(),
  phone: z
    .string()
    .regex(
      /^(\+62|62|0)8\d{7,12}$/,
      'nomor ponsel Indonesia, mis. 0812… / Indonesian mobile number, e.g. 0812…',
    )
    .optional(),
});

export const loginSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const chooseCounterSchema = z.object({ counterId: z.string().min(1).max(80) });
export const transferSchema = z.object({
  serviceId: z.string().min(1).max(80),
  /** One id per officer action: a resubmitted form is not applied twice. */
  requestId: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});

/** One press of a counter-console button (the `@mpp-kit/ui` CounterConsole's form fields). */
export const consoleActionSchema = z.object({
  action: z.enum([
    'call-next',
    'recall',
    'start',
    'finish',
    'no-show',
    'park',
    'resume',
    'transfer',
  ]),
  /** Target service of a transfer. */
  transferTo: z.string().min(1).max(80).optional(),
  /** A parked ticket the action is for; the counter's current ticket when absent. */
  ticketId: z.string().uuid().optional(),
  requestId: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});

export const ticketSchema = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  serviceId: z.string(),
  agencyId: z.string(),
  priority: prioritySchema,
  channel: z.enum(['online', 'kiosk']),
  status: z.enum([
    'waiting',
    'called',
    'serving',
    'served',
    'no-show',
    'cancelled',
    'parked',
    'transferred',
  ]),
  counterId: z.string().nullable(),
  recallCount: z.number().int(),
  issuedAt: z.string(),
  calledAt: z.string().nullable(),
});

export const ticketStatusSchema = z.object({
  ticket: ticketSchema.omit({ id: true }),
  ahead: z.number().int(),
  wait: z.object({ low: z.number(), high: z.number() }),
  counterLabel: z.string().nullable(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ id: z.string(), en: z.string() }),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const serviceSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  prefix: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
});

export const queueSchema = z.object({
  counterId: z.string(),
  current: ticketSchema.nullable(),
  waiting: z.array(ticketSchema),
  parked: z.array(ticketSchema),
});

export const auditSchema = z.array(
  z.object({
    id: z.number(),
    at: z.string(),
    username: z.string(),
    role: z.string(),
    agencyId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'failed']),
  }),
);

export interface ApiRoute {
  method: 'get' | 'post';
  path: string;
  summary: string;
  staff: boolean;
  params?: Record<string, string>;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Status codes this route may answer besides 200 (documented for clients and fuzzing). */
  errors: number[];
}

const ticketAction = (action: string, summary: string): ApiRoute => ({
  method: 'post',
  path: `/api/staff/tickets/{ticketId}/${action}`,
  summary,
  staff: true,
  params: { ticketId: 'uuid of the ticket' },
  response: ticketSchema,
  errors: [400, 401, 403, 404, 409],
});

/** Every JSON endpoint; staff routes need a session cookie and the x-csrf-token header. */
export const API_ROUTES: ApiRoute[] = [
  ...FEEDBACK_API_ROUTES,
  {
    method: 'get',
    path: '/api/services',
    summary: 'Services offered, with their agency',
    staff: false,
    response: z.array(serviceSummarySchema),
    errors: [],
  },
  {
    method: 'post',
    path: '/api/tickets',
    summary: 'Take a ticket (online or at a kiosk)',
    staff: false,
    body: issueTicketSchema,
    response: ticketStatusSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/tickets/{code}',
    summary: 'Status of a ticket: position and estimated wait',
    staff: false,
    params: { code: 'public code from the ticket link or QR' },
    response: ticketStatusSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/boards/{boardId}',
    summary: 'Latest calls shown on a display board',
    staff: false,
    params: { boardId: 'board id from mpp.config.yaml' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/staff/login',
    summary: 'Staff sign-in; sets the session cookie',
    staff: false,
    body: loginSchema,
    errors: [400, 401, 403, 423, 429],
  },
  {
    method: 'post',
    path: '/api/staff/logout',
    summary: 'Ends the session',
    staff: true,
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/staff/counter',
    summary: 'Chooses the counter this session works at',
    staff: true,
    body: chooseCounterSchema,
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/staff/counters/{counterId}/queue',
    summary: "A counter's current ticket and waiting queue",
    staff: true,
    params: { counterId: 'counter id' },
    response: queueSchema,
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/staff/counters/{counterId}/call-next',
    summary: 'Finishes the current ticket and calls the next one',
    staff: true,
    params: { counterId: 'counter id' },
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/staff/counters/{counterId}/console',
    summary:
      "One counter-console action (the form of @mpp-kit/ui's CounterConsole): call next, recall, start, finish, no-show, park, resume or transfer (a parked ticket is resumed first)",
    staff: true,
    params: { counterId: 'counter id' },
    body: consoleActionSchema,
    errors: [400, 401, 403, 404, 409],
  },
  ticketAction('recall', 'Calls the current ticket again'),
  ticketAction('start', 'Starts serving a called ticket'),
  ticketAction('finish', 'Finishes a ticket'),
  ticketAction('no-show', 'Marks a called ticket as not present'),
  ticketAction('park', 'Puts a ticket on hold'),
  ticketAction('resume', 'Calls a ticket on hold back to this counter'),
  {
    ...ticketAction('transfer', 'Sends a ticket to another service, keeping its place'),
    body: transferSchema,
  },
  {
    method: 'get',
    path: '/api/staff/agencies/{agencyId}/audit',
    summary: "An agency's audit log",
    staff: true,
    params: { agencyId: 'agency id' },
    response: auditSchema,
    errors: [401, 403, 404],
  },
];
