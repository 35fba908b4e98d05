/** Mapping between tickets/sessions and their PostgreSQL rows. */
import type { CounterState, Site, StaffSession, Ticket } from '../../core/model.js';
import { classRank, orderAt } from '../../core/ordering.js';

/** Ticket columns as selected (dates as text, so no time-zone conversion happens). */
export const TICKET_COLUMNS = `id::text, site_id, service_id, agency_id, service_day::text AS service_day,
  number_service_id, sequence, label, channel, priority_class, band, booking_id, appointment_slot_at,
  status, issued_at, arrival_at, callable_at, called_at, last_called_at, serving_at, finished_at,
  call_count, counter_id, session_id::text AS session_id, parent_id::text AS parent_id,
  root_id::text AS root_id, issue_order, updated_at`;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

// biome-ignore lint/suspicious/noExplicitAny: database row
export function ticketFromRow(r: any): Ticket {
  return {
    id: r.id,
    siteId: r.site_id,
    serviceId: r.service_id,
    agencyId: r.agency_id,
    serviceDay: r.service_day,
    numberServiceId: r.number_service_id,
    sequence: num(r.sequence),
    label: r.label,
    channel: r.channel,
    priorityClass: r.priority_class,
    band: r.band,
    bookingId: r.booking_id,
    appointmentSlotAt: numOrNull(r.appointment_slot_at),
    status: r.status,
    issuedAt: num(r.issued_at),
    arrivalAt: num(r.arrival_at),
    callableAt: num(r.callable_at),
    calledAt: numOrNull(r.called_at),
    lastCalledAt: numOrNull(r.last_called_at),
    servingAt: numOrNull(r.serving_at),
    finishedAt: numOrNull(r.finished_at),
    callCount: num(r.call_count),
    counterId: r.counter_id,
    sessionId: r.session_id,
    parentId: r.parent_id,
    rootId: r.root_id,
    issueOrder: num(r.issue_order),
    updatedAt: num(r.updated_at),
  };
}

/** Row for `jsonb_populate_recordset(NULL::mpp_queue_tickets, …)`. */
export function ticketToRow(t: Ticket, site: Site): Record<string, unknown> {
  return {
    id: t.id,
    site_id: t.siteId,
    service_id: t.serviceId,
    agency_id: t.agencyId,
    service_day: t.serviceDay,
    number_service_id: t.numberServiceId,
    sequence: t.sequence,
    label: t.label,
    channel: t.channel,
    priority_class: t.priorityClass,
    class_rank: classRank(t.priorityClass, site.policy),
    band: t.band,
    booking_id: t.bookingId,
    appointment_slot_at: t.appointmentSlotAt,
    status: t.status,
    issued_at: t.issuedAt,
    arrival_at: t.arrivalAt,
    order_at: orderAt(t),
    callable_at: t.callableAt,
    called_at: t.calledAt,
    last_called_at: t.lastCalledAt,
    serving_at: t.servingAt,
    finished_at: t.finishedAt,
    call_count: t.callCount,
    counter_id: t.counterId,
    session_id: t.sessionId,
    parent_id: t.parentId,
    root_id: t.rootId,
    issue_order: t.issueOrder,
    updated_at: t.updatedAt,
  };
}

export const SESSION_COLUMNS =
  'id::text, site_id, counter_id, staff_id, service_weights, opened_at, closed_at';

// biome-ignore lint/suspicious/noExplicitAny: database row
export function sessionFromRow(r: any): StaffSession {
  return {
    id: r.id,
    siteId: r.site_id,
    counterId: r.counter_id,
    staffId: r.staff_id,
    serviceWeights: r.service_weights,
    openedAt: num(r.opened_at),
    closedAt: numOrNull(r.closed_at),
  };
}

export function sessionToRow(s: StaffSession): Record<string, unknown> {
  return {
    id: s.id,
    site_id: s.siteId,
    counter_id: s.counterId,
    staff_id: s.staffId,
    service_weights: s.serviceWeights,
    opened_at: s.openedAt,
    closed_at: s.closedAt,
  };
}

export function counterToRow(siteId: string, c: CounterState): Record<string, unknown> {
  return {
    site_id: siteId,
    counter_id: c.counterId,
    active_ticket_id: c.activeTicketId,
    priority_streak: c.priorityStreak,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: database row
export function counterFromRow(counterId: string, r: any): CounterState {
  return {
    counterId,
    activeTicketId: r.active_ticket_id ?? null,
    priorityStreak: num(r.priority_streak ?? 0),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist in the tables; checking first avoids a SQL error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
