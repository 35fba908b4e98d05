/**
 * @mpp-kit/queue — a queue engine for Indonesia's public service malls (MPP).
 * @packageDocumentation
 */
export type * from './core/commands.js';
export {
  type BilingualMessage,
  errors,
  isQueueError,
  QueueError,
  type QueueErrorCode,
} from './core/errors.js';
export {
  computeIndicators,
  estimateWait,
  type Indicators,
  queuePosition,
  type WaitEstimate,
} from './core/estimates.js';
export {
  type Announcement,
  isAnnouncement,
  type NewEvent,
  type QueueEvent,
  type SessionEvent,
  type TicketEvent,
  type TicketEventType,
} from './core/events.js';
export * from './core/lifecycle.js';
export type * from './core/model.js';
export {
  type CandidateGroup,
  classRank,
  compareInGroup,
  groupOf,
  isCallable,
  nextPriorityStreak,
  orderAt,
  rankCandidates,
  type SelectionContext,
} from './core/ordering.js';
export {
  type AppointmentPolicy,
  defaultPolicy,
  type EstimatePolicy,
  type PriorityClass,
  type QueuePolicy,
  vulnerableGroups,
} from './core/policy.js';
export { normalizeSite } from './core/site.js';
export {
  formatLocal,
  localTimeOf,
  offsetMinutes,
  serviceDayOf,
  serviceDayStart,
  zoneAbbreviation,
} from './core/time.js';
export {
  createQueue,
  isTicketEvent,
  type Queue,
  type QueueOptions,
  type SubscribeOptions,
} from './engine.js';
export type {
  CallNextRequest,
  IdempotencyClaim,
  QueueStore,
  QueueTransaction,
  TicketFilter,
} from './store.js';
export { createMemoryStore, type MemoryStoreOptions, resultOf } from './stores/memory-store.js';
export { type Migration, migrate, queueMigrations } from './stores/postgres/migrations.js';
export type {
  PgClientLike,
  PgNamedQuery,
  PgPoolLike,
  PgResult,
} from './stores/postgres/pg-types.js';
export {
  createPostgresStore,
  type PostgresStoreOptions,
} from './stores/postgres/postgres-store.js';
export { formatTicketNumber } from './ticket-number.js';
