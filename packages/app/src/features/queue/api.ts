import { KELOMPOK_RENTAN } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { apiRoute } from '../api-route.js';

/** The queue's API: taking and following a ticket, boards, and the counter console. */

export const prioritySchema = z.enum(['regular', ...KELOMPOK_RENTAN]);

const id = (what: string) => z.string().min(1).max(80).describe(what);
const requestId = z
  .string()
  .regex(/^[\w-]{8,64}$/)
  .describe('one id per officer action: a resubmitted form is not applied twice');

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

export const chooseCounterSchema = z.object({ counterId: z.string().min(1).max(80) });

export const transferSchema = z.object({
  serviceId: z.string().min(1).max(80),
  requestId: requestId.optional(),
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
  ticketId: z.uuid().optional(),
  requestId: requestId.optional(),
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

export const queueSchema = z.object({
  counterId: z.string(),
  current: ticketSchema.nullable(),
  waiting: z.array(ticketSchema),
  parked: z.array(ticketSchema),
});

const called = z.object({ ticket: ticketSchema.nullable() });
const counterParams = z.object({ counterId: id('counter id') });

/** The officer's actions on one ticket besides a transfer (which has its own body). */
export const TICKET_ACTIONS = ['recall', 'start', 'finish', 'no-show', 'park', 'resume'] as const;

export const QUEUE_API = {
  issueTicket: apiRoute({
    method: 'POST',
    path: '/api/tickets',
    summary: 'Take a ticket (online or at a kiosk)',
    access: 'public',
    body: issueTicketSchema,
    forms: true,
    status: 201,
    response: ticketStatusSchema,
    errors: [400, 404, 409],
  }),
  ticketStatus: apiRoute({
    method: 'GET',
    path: '/api/tickets/{code}',
    summary: 'Status of a ticket: position and estimated wait',
    access: 'public',
    params: z.object({
      code: z.string().max(200).describe('public code from the ticket link or QR'),
    }),
    response: ticketStatusSchema,
    errors: [404],
  }),
  board: apiRoute({
    method: 'GET',
    path: '/api/boards/{boardId}',
    summary: 'Latest calls shown on a display board',
    access: 'public',
    params: z.object({ boardId: id('board id from mpp.config.yaml') }),
    errors: [404],
  }),
  chooseCounter: apiRoute({
    method: 'POST',
    path: '/api/staff/counter',
    summary: 'Chooses the counter this session works at',
    access: { permission: 'queue:view' },
    body: chooseCounterSchema,
    forms: true,
    response: z.object({ counterId: z.string() }),
    errors: [400, 401, 403, 404],
  }),
  counterQueue: apiRoute({
    method: 'GET',
    path: '/api/staff/counters/{counterId}/queue',
    summary: "A counter's current ticket and waiting queue",
    access: { permission: 'queue:view' },
    params: counterParams,
    response: queueSchema,
    errors: [401, 403, 404],
  }),
  callNext: apiRoute({
    method: 'POST',
    path: '/api/staff/counters/{counterId}/call-next',
    summary: 'Finishes the current ticket and calls the next one',
    access: { permission: 'queue:act' },
    params: counterParams,
    forms: true,
    response: called,
    errors: [401, 403, 404],
  }),
  console: apiRoute({
    method: 'POST',
    path: '/api/staff/counters/{counterId}/console',
    summary:
      "One counter-console action (the form of @mpp-kit/ui's CounterConsole): call next, recall, start, finish, no-show, park, resume or transfer (a parked ticket is resumed first)",
    access: { permission: 'queue:act' },
    params: counterParams,
    body: consoleActionSchema,
    forms: true,
    response: called,
    errors: [400, 401, 403, 404, 409],
  }),
  ticketAction: apiRoute({
    method: 'POST',
    path: '/api/staff/tickets/{ticketId}/{action}',
    summary:
      "An officer's action on one ticket at the session's counter: recall, start, finish, no-show, park, or resume a ticket on hold",
    access: { permission: 'queue:act' },
    params: z.object({
      ticketId: z.uuid().describe('uuid of the ticket'),
      action: z.enum(TICKET_ACTIONS).describe('what to do'),
    }),
    forms: true,
    response: ticketSchema,
    errors: [400, 401, 403, 404, 409],
  }),
  transfer: apiRoute({
    method: 'POST',
    path: '/api/staff/tickets/{ticketId}/transfer',
    summary:
      'Sends a ticket to another service, keeping its place (a parked ticket is resumed first)',
    access: { permission: 'queue:act' },
    params: z.object({ ticketId: z.uuid().describe('uuid of the ticket') }),
    body: transferSchema,
    forms: true,
    response: ticketSchema,
    errors: [400, 401, 403, 404, 409],
  }),
};
