/**
 * Commands accepted by the engine. Every command may carry an `idempotencyKey`: a
 * retry with the same key and the same command returns the first result and writes
 * nothing; the same key with a different command is refused.
 */

import type { QueueEvent } from './events.js';
import type { Channel, StaffSession, Ticket } from './model.js';

/** Fields every command has. */
export interface CommandBase {
  readonly siteId: string;
  /** Chosen by the client (kiosk, counter app) per intended action, e.g. a UUID per tap. */
  readonly idempotencyKey?: string;
}

/** An online booking being checked in. */
export interface AppointmentCheckIn {
  readonly bookingId: string;
  /** Start of the booked slot, epoch ms. */
  readonly slotAt: number;
}

/** Issue a ticket (kiosk, reception) or check in an appointment (`channel: 'online'`). */
export interface IssueTicket extends CommandBase {
  readonly serviceId: string;
  readonly channel: Channel;
  /** A priority class id from the site's policy; omit for the normal queue. */
  readonly priorityClass?: string | null;
  readonly appointment?: AppointmentCheckIn | null;
}

/** Log a staff member in at a counter. */
export interface OpenSession extends CommandBase {
  readonly counterId: string;
  readonly staffId: string;
  /** Staff weights per service id; they replace the counter's weight where given. */
  readonly serviceWeights?: Readonly<Record<string, number>>;
}

/** Commands issued from a counter by the staff session. */
export interface SessionCommand extends CommandBase {
  readonly sessionId: string;
}

/** Commands on one ticket from a counter. */
export interface TicketAtCounterCommand extends SessionCommand {
  readonly ticketId: string;
}

/** Commands on one ticket that need no counter (reception, the citizen's phone). */
export interface TicketCommand extends CommandBase {
  readonly ticketId: string;
}

/** Move a ticket being served to another service (possibly of another agency). */
export interface TransferTicket extends TicketAtCounterCommand {
  readonly toServiceId: string;
  /** Overrides the policy's `transferArrival` for this transfer. */
  readonly arrival?: 'keep' | 'reset';
}

/**
 * Result of a command. `ticket` is the snapshot from the last ticket event (for a
 * transfer: the new child), `session` from the last session event; `events` are
 * exactly the events the command wrote, with their sequence numbers.
 */
export interface CommandResult {
  readonly ticket: Ticket | null;
  readonly session: StaffSession | null;
  readonly events: readonly QueueEvent[];
}
