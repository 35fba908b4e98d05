import type { Agency, Counter, MppConfig, Service } from './config-schema.js';

/** Lookups over the configured agencies, services and counters, built once at start. */
export interface Catalogue {
  config: MppConfig;
  agencies: Agency[];
  agency(id: string): Agency | undefined;
  service(id: string): (Service & { agencyId: string }) | undefined;
  counter(id: string): Counter | undefined;
  /** Services a counter calls from: its own list, or every service of its agency. */
  counterServices(counterId: string): string[];
  /** Number of counters able to serve a service (for wait estimates). */
  countersForService(serviceId: string): number;
}

export function buildCatalogue(config: MppConfig): Catalogue {
  const agencies = new Map(config.agencies.map((a) => [a.id, a]));
  const services = new Map<string, Service & { agencyId: string }>();
  for (const agency of config.agencies) {
    for (const service of agency.services)
      services.set(service.id, { ...service, agencyId: agency.id });
  }
  const counters = new Map(config.counters.map((c) => [c.id, c]));
  const counterServices = (counterId: string): string[] => {
    const counter = counters.get(counterId);
    if (!counter) return [];
    return counter.services ?? agencies.get(counter.agency)?.services.map((s) => s.id) ?? [];
  };
  return {
    config,
    agencies: config.agencies,
    agency: (id) => agencies.get(id),
    service: (id) => services.get(id),
    counter: (id) => counters.get(id),
    counterServices,
    countersForService: (serviceId) =>
      config.counters.filter((c) => counterServices(c.id).includes(serviceId)).length,
  };
}
