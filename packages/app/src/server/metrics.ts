import type { Ticket as EngineTicket } from '@mpp-kit/queue';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueEvent, QueueService } from '../features/queue/queue-service.js';

/** Prometheus metrics of the process: HTTP latency, queue lengths, waits and calls. */
export function createMetrics(
  getQueue: () => QueueService | undefined,
  getSseClients: () => number,
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'mpp_http_request_duration_seconds',
    help: 'HTTP request duration by route group and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const issued = new Counter({
    name: 'mpp_tickets_issued_total',
    help: 'Tickets issued',
    labelNames: ['agency', 'channel'] as const,
    registers: [registry],
  });
  const calls = new Counter({
    name: 'mpp_calls_total',
    help: 'Tickets called to a counter (rate() gives calls per minute)',
    labelNames: ['agency'] as const,
    registers: [registry],
  });
  const wait = new Histogram({
    name: 'mpp_wait_seconds',
    help: 'Time from issue to first call',
    labelNames: ['agency'] as const,
    buckets: [60, 300, 600, 900, 1800, 3600, 7200],
    registers: [registry],
  });
  new Gauge({
    name: 'mpp_queue_waiting',
    help: 'Tickets waiting today, per agency',
    labelNames: ['agency'] as const,
    registers: [registry],
    async collect() {
      const queue = getQueue();
      if (!queue) return;
      this.reset();
      for (const [agency, n] of await queue.waitingByAgency()) this.set({ agency }, n);
    },
  });
  new Gauge({
    name: 'mpp_sse_clients',
    help: 'Connected server-sent-event clients',
    registers: [registry],
    collect() {
      this.set(getSseClients());
    },
  });
  return {
    registry,
    httpDuration,
    onQueueEvent(event: QueueEvent, ticket: EngineTicket) {
      if (event.kind === 'issued') issued.inc({ agency: event.agencyId, channel: ticket.channel });
      if (event.kind === 'called') {
        calls.inc({ agency: event.agencyId });
        wait.observe({ agency: event.agencyId }, (Date.now() - ticket.issuedAt) / 1000);
      }
    },
  };
}
