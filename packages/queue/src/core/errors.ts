/**
 * Every refusal the engine can give. A refused command changes nothing: no ticket,
 * counter, session or event is written.
 */
export type QueueErrorCode =
  | 'invalid-config'
  | 'invalid-command'
  | 'unknown-site'
  | 'unknown-service'
  | 'unknown-counter'
  | 'unknown-session'
  | 'unknown-ticket'
  | 'unknown-priority-class'
  | 'illegal-transition'
  | 'counter-not-serving-service'
  | 'counter-busy'
  | 'counter-occupied'
  | 'session-closed'
  | 'ticket-not-at-counter'
  | 'cap-reached'
  | 'service-closed'
  | 'check-in-too-early'
  | 'check-in-too-late'
  | 'max-calls-reached'
  | 'idempotency-key-reused';

/** A message in both languages the product speaks: Bahasa Indonesia first, English second. */
export interface BilingualMessage {
  readonly id: string;
  readonly en: string;
}

/**
 * A typed refusal. `code` is stable and meant for programs; `messages` are meant for
 * people (`message` joins both as `"<id> / <en>"`); `details` names the offending
 * field, ticket or counter.
 */
export class QueueError extends Error {
  override readonly name = 'QueueError';
  readonly code: QueueErrorCode;
  readonly messages: BilingualMessage;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: QueueErrorCode,
    messages: BilingualMessage,
    details: Record<string, unknown> = {},
  ) {
    super(`${messages.id} / ${messages.en}`);
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

/** True when `error` is a {@link QueueError}, optionally with the given code. */
export function isQueueError(error: unknown, code?: QueueErrorCode): error is QueueError {
  return error instanceof QueueError && (code === undefined || error.code === code);
}

const make =
  <A extends unknown[]>(
    code: QueueErrorCode,
    text: (...args: A) => BilingualMessage,
    details: (...args: A) => Record<string, unknown>,
  ) =>
  (...args: A): QueueError =>
    new QueueError(code, text(...args), details(...args));

/** Constructors for every {@link QueueErrorCode}; the engine and both stores use only these. */
export const errors = {
  invalidConfig: make(
    'invalid-config',
    (path: string, problem: BilingualMessage) => ({
      id: `Konfigurasi tidak valid pada ${path}: ${problem.id}`,
      en: `Invalid configuration at ${path}: ${problem.en}`,
    }),
    (path) => ({ path }),
  ),
  invalidCommand: make(
    'invalid-command',
    (field: string, problem: BilingualMessage) => ({
      id: `Perintah tidak valid, kolom ${field}: ${problem.id}`,
      en: `Invalid command, field ${field}: ${problem.en}`,
    }),
    (field) => ({ field }),
  ),
  unknownSite: make(
    'unknown-site',
    (siteId: string) => ({
      id: `Lokasi MPP "${siteId}" tidak dikenal`,
      en: `Unknown site "${siteId}"`,
    }),
    (siteId) => ({ siteId }),
  ),
  unknownService: make(
    'unknown-service',
    (serviceId: string) => ({
      id: `Layanan "${serviceId}" tidak dikenal`,
      en: `Unknown service "${serviceId}"`,
    }),
    (serviceId) => ({ serviceId }),
  ),
  unknownCounter: make(
    'unknown-counter',
    (counterId: string) => ({
      id: `Loket "${counterId}" tidak dikenal`,
      en: `Unknown counter "${counterId}"`,
    }),
    (counterId) => ({ counterId }),
  ),
  unknownSession: make(
    'unknown-session',
    (sessionId: string) => ({
      id: `Sesi petugas "${sessionId}" tidak dikenal`,
      en: `Unknown staff session "${sessionId}"`,
    }),
    (sessionId) => ({ sessionId }),
  ),
  unknownTicket: make(
    'unknown-ticket',
    (ticketId: string) => ({
      id: `Tiket "${ticketId}" tidak dikenal`,
      en: `Unknown ticket "${ticketId}"`,
    }),
    (ticketId) => ({ ticketId }),
  ),
  unknownPriorityClass: make(
    'unknown-priority-class',
    (priorityClass: string) => ({
      id: `Kelas prioritas "${priorityClass}" tidak dikenal`,
      en: `Unknown priority class "${priorityClass}"`,
    }),
    (priorityClass) => ({ priorityClass }),
  ),
  illegalTransition: make(
    'illegal-transition',
    (ticketId: string, from: string, action: string) => ({
      id: `Tiket "${ticketId}" berstatus "${from}", tidak dapat "${action}"`,
      en: `Ticket "${ticketId}" is "${from}" and cannot be "${action}"`,
    }),
    (ticketId, from, action) => ({ ticketId, from, action }),
  ),
  counterNotServingService: make(
    'counter-not-serving-service',
    (counterId: string, serviceId: string) => ({
      id: `Loket "${counterId}" tidak melayani layanan "${serviceId}"`,
      en: `Counter "${counterId}" does not serve service "${serviceId}"`,
    }),
    (counterId, serviceId) => ({ counterId, serviceId }),
  ),
  counterBusy: make(
    'counter-busy',
    (counterId: string, ticketId: string) => ({
      id: `Loket "${counterId}" masih menangani tiket "${ticketId}"; selesaikan dahulu`,
      en: `Counter "${counterId}" still holds ticket "${ticketId}"; finish it first`,
    }),
    (counterId, ticketId) => ({ counterId, ticketId }),
  ),
  counterOccupied: make(
    'counter-occupied',
    (counterId: string, sessionId: string) => ({
      id: `Loket "${counterId}" sudah dipakai sesi "${sessionId}"`,
      en: `Counter "${counterId}" is already used by session "${sessionId}"`,
    }),
    (counterId, sessionId) => ({ counterId, sessionId }),
  ),
  sessionClosed: make(
    'session-closed',
    (sessionId: string) => ({
      id: `Sesi petugas "${sessionId}" sudah ditutup`,
      en: `Staff session "${sessionId}" is closed`,
    }),
    (sessionId) => ({ sessionId }),
  ),
  ticketNotAtCounter: make(
    'ticket-not-at-counter',
    (ticketId: string, counterId: string) => ({
      id: `Tiket "${ticketId}" tidak sedang ditangani di loket "${counterId}"`,
      en: `Ticket "${ticketId}" is not held by counter "${counterId}"`,
    }),
    (ticketId, counterId) => ({ ticketId, counterId }),
  ),
  capReached: make(
    'cap-reached',
    (serviceId: string, serviceDay: string, cap: number) => ({
      id: `Kuota harian layanan "${serviceId}" (${cap}) untuk ${serviceDay} sudah habis`,
      en: `Daily cap of service "${serviceId}" (${cap}) for ${serviceDay} is reached`,
    }),
    (serviceId, serviceDay, cap) => ({ serviceId, serviceDay, cap }),
  ),
  serviceClosed: make(
    'service-closed',
    (serviceId: string, localTime: string) => ({
      id: `Layanan "${serviceId}" tutup pada pukul ${localTime}`,
      en: `Service "${serviceId}" is closed at ${localTime}`,
    }),
    (serviceId, localTime) => ({ serviceId, localTime }),
  ),
  checkInTooEarly: make(
    'check-in-too-early',
    (bookingId: string, opensAt: string) => ({
      id: `Check-in janji temu "${bookingId}" baru dibuka ${opensAt}`,
      en: `Check-in for booking "${bookingId}" opens at ${opensAt}`,
    }),
    (bookingId, opensAt) => ({ bookingId, opensAt }),
  ),
  checkInTooLate: make(
    'check-in-too-late',
    (bookingId: string, closedAt: string) => ({
      id: `Check-in janji temu "${bookingId}" sudah ditutup ${closedAt}`,
      en: `Check-in for booking "${bookingId}" closed at ${closedAt}`,
    }),
    (bookingId, closedAt) => ({ bookingId, closedAt }),
  ),
  maxCallsReached: make(
    'max-calls-reached',
    (ticketId: string, maxCalls: number) => ({
      id: `Tiket "${ticketId}" sudah dipanggil ${maxCalls} kali (batas)`,
      en: `Ticket "${ticketId}" was already called ${maxCalls} times (the limit)`,
    }),
    (ticketId, maxCalls) => ({ ticketId, maxCalls }),
  ),
  idempotencyKeyReused: make(
    'idempotency-key-reused',
    (key: string) => ({
      id: `Kunci idempotensi "${key}" sudah dipakai untuk perintah lain`,
      en: `Idempotency key "${key}" was already used for a different command`,
    }),
    (key) => ({ key }),
  ),
} as const;
