/**
 * The queue's data model: site (the MPP) → agency → service queue → counter (loket)
 * → staff session, and the ticket that moves through them. Times are epoch
 * milliseconds (UTC); service days are `YYYY-MM-DD` in the site's time zone.
 */
import type { QueuePolicy } from './policy.js';

/** The three Indonesian time zones by IANA name: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export type IndonesianTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** An agency (instansi) that offers services at the site, e.g. Dukcapil or the tax office. */
export interface Agency {
  readonly id: string;
  readonly name: string;
}

/** Opening hours in the site's local time, `HH:MM` (24 h); `close` is exclusive. */
export interface OpeningHours {
  readonly open: string;
  readonly close: string;
}

/** A service queue: one number series (prefix + number range) and its daily cap. */
export interface ServiceQueue {
  readonly id: string;
  readonly agencyId: string;
  readonly name: string;
  /** One to three capital letters printed before the number: `A` → `A-001`. */
  readonly prefix: string;
  /** First number of each service day. Default 1. */
  readonly firstNumber?: number;
  /** Last number of the range; issuing past it is refused (no wrap-around). Default 999. */
  readonly lastNumber?: number;
  /** Maximum tickets per service day (kuota harian); `null`/absent: only the range limits. */
  readonly dailyCap?: number | null;
  /** When tickets may be issued; absent: always. */
  readonly openingHours?: OpeningHours | null;
  /** Service weight: among otherwise equal candidates a higher weight is called first. Default 0. */
  readonly weight?: number;
  /** Target waiting time for the service-level indicator, seconds. Default 900. */
  readonly targetWaitSeconds?: number;
}

/** A service a counter serves, with the counter's weight for it (higher is preferred). */
export interface CounterService {
  readonly serviceId: string;
  readonly weight?: number;
}

/** A counter (loket): a desk with a unique number at the site. */
export interface Counter {
  readonly id: string;
  /** Number shown above the desk and spoken by the announcer; unique per site. */
  readonly number: number;
  readonly name?: string;
  readonly zone?: string;
  readonly floor?: string;
  readonly services: readonly CounterService[];
}

/** Everything configured for one site; saved with `queue.configureSite`. */
export interface SiteConfig {
  readonly id: string;
  readonly name: string;
  readonly timeZone: IndonesianTimeZone;
  readonly agencies: readonly Agency[];
  readonly services: readonly ServiceQueue[];
  readonly counters: readonly Counter[];
  /** Ordering and lifecycle policy; omitted fields take {@link defaultPolicy} values. */
  readonly policy?: Partial<QueuePolicy>;
}

/** A {@link SiteConfig} after validation, with every default filled in. */
export interface Site {
  readonly id: string;
  readonly name: string;
  readonly timeZone: IndonesianTimeZone;
  readonly agencies: readonly Agency[];
  readonly services: readonly Required<ServiceQueue>[];
  readonly counters: readonly Counter[];
  readonly policy: QueuePolicy;
}

/** A staff member logged in at a counter. At most one open session per counter. */
export interface StaffSession {
  readonly id: string;
  readonly siteId: string;
  readonly counterId: string;
  readonly staffId: string;
  /** Per-service staff weights; where set they replace the counter's weight for that service. */
  readonly serviceWeights: Readonly<Record<string, number>>;
  readonly openedAt: number;
  readonly closedAt: number | null;
}

/** Where the ticket came from. */
export type Channel = 'kiosk' | 'reception' | 'online';

/** Lifecycle states; see `lifecycle.ts` for the legal transitions. */
export type TicketStatus =
  | 'waiting'
  | 'called'
  | 'serving'
  | 'served'
  | 'no-show'
  | 'cancelled'
  | 'transferred'
  | 'parked';

/**
 * Ordering band: checked-in appointments inside their window are called ahead of
 * walk-ins of the same priority class; late appointments are demoted to `walk-in`.
 */
export type Band = 'appointment' | 'walk-in';

/** A queue ticket. Immutable snapshot: every transition produces a new object. */
export interface Ticket {
  readonly id: string;
  readonly siteId: string;
  /** The service whose queue the ticket is in now (changes only through a transfer child). */
  readonly serviceId: string;
  readonly agencyId: string;
  /** Service day of the number, `YYYY-MM-DD` in the site's time zone. */
  readonly serviceDay: string;
  /** Service whose number series issued {@link sequence}; kept by transfers. */
  readonly numberServiceId: string;
  readonly sequence: number;
  /** What is printed and announced, e.g. `A-012`; kept by transfers. */
  readonly label: string;
  readonly channel: Channel;
  /** Priority class id from the policy, or `null` for the normal queue. */
  readonly priorityClass: string | null;
  readonly band: Band;
  readonly bookingId: string | null;
  readonly appointmentSlotAt: number | null;
  readonly status: TicketStatus;
  readonly issuedAt: number;
  /** The time ordering counts from: issue time, or kept from the parent on transfer. */
  readonly arrivalAt: number;
  /** Earliest time call-next may pick the ticket (appointment window, recall cooldown). */
  readonly callableAt: number;
  /** First call ever (kept through recalls, reactivation and resume). */
  readonly calledAt: number | null;
  readonly lastCalledAt: number | null;
  readonly servingAt: number | null;
  /** When the ticket reached a final state (served, no-show, cancelled, transferred). */
  readonly finishedAt: number | null;
  readonly callCount: number;
  readonly counterId: string | null;
  readonly sessionId: string | null;
  /** Ticket this one was transferred from. */
  readonly parentId: string | null;
  /** First ticket of the lineage (itself when not a transfer). */
  readonly rootId: string;
  /** Monotone per store; breaks ties between equal arrival times (FIFO). */
  readonly issueOrder: number;
  /** Time of the last transition; transitions never move it backwards. */
  readonly updatedAt: number;
}

/** Runtime state of a counter kept by the store. */
export interface CounterState {
  readonly counterId: string;
  /** The ticket the counter holds (called, serving), or `null`. */
  readonly activeTicketId: string | null;
  /** Priority tickets called in a row at this counter (for ratio interleaving). */
  readonly priorityStreak: number;
}
