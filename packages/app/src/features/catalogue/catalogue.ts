import type {
  Branding,
  LoadedConfig,
  Locales,
  LogoSource,
  MppConfig,
  QueuePolicy,
} from '@mpp-kit/config';
import type { KelompokRentan, Layanan, StandarPelayanan } from '@mpp-kit/service-standard';
import { mapConfig } from './config-mapping.js';

/** Text in Bahasa Indonesia and English (English falls back to Indonesian when the file has none). */
export interface Bilingual {
  id: string;
  en: string;
}

/** Who may take a priority ticket, as the ticket forms and the queue name them. */
export type PriorityGroup = KelompokRentan;

/** A service (layanan) as the app uses it; `standar` is the full standar pelayanan. */
export interface Service {
  /** Id in URLs and the database (`ktp-el`); see `serviceIds` in config-mapping.ts. */
  id: string;
  /** Code in the config file and the national catalogue (`dukcapil.ktp-el`). */
  code: string;
  prefix: string;
  name: Bilingual;
  averageServiceMinutes: number;
  dailyCap?: number;
  layanan: Layanan;
  standar: StandarPelayanan;
  /** From the national catalogue (otherwise a local service). */
  national: boolean;
  /**
   * False when an administrator switched the service off (decision 0066): no new tickets, but
   * the engine keeps its queue so tickets already waiting can still be called.
   */
  offered: boolean;
}

/** An agency (instansi, a tenant of the MPP). */
export interface Agency {
  id: string;
  name: Bilingual;
  services: Service[];
}

/** A loket. `id` is `loket-NN` from its public number. */
export interface Counter {
  id: string;
  number: number;
  label: string;
  agency: string;
  services: string[];
  zone: string;
  floor: number;
  /** A loket khusus for priority groups. */
  priority: boolean;
}

/** Opening hours of some weekdays (0 = Sunday). */
export interface Hours {
  days: number[];
  open: string;
  close: string;
  note?: Bilingual;
}

export interface Kiosk {
  id: string;
  label: string;
  zone?: string;
  /** Receipt paper roll width in millimetres. */
  paperWidth: 58 | 80;
}

export interface Board {
  id: string;
  label: string;
  zones: string[];
  /** Agencies with a loket in the board's zones. */
  agencies: string[];
  /** Languages calls are spoken in, in order (the board's own list, else Indonesian then English when offered). */
  languages: ('id' | 'en')[];
  voice: boolean;
}

/** The app's view of `mpp.config.yaml`, mapped from `@mpp-kit/config`'s loaded result. */
export interface AppConfig {
  instance: { name: string; regionCode: string; timezone: string; address: string };
  hours: Hours[];
  holidays: { date: string; name: Bilingual }[];
  /** Facilities for vulnerable groups, from the standards' `sarana` (the package has no list). */
  facilities: { id: string; name: Bilingual }[];
  priorityClasses: PriorityGroup[];
  agencies: Agency[];
  counters: Counter[];
  kiosks: Kiosk[];
  boards: Board[];
  branding: Branding;
  locales: Locales;
  queue: QueuePolicy;
  /** Where `branding.logo` comes from, as @mpp-kit/config checked it. */
  logo?: LogoSource;
  /** The validated file itself, for anything not mapped above. */
  source: MppConfig;
}

/**
 * Lookups over the configured agencies, services and counters; rebuilt when an administrator
 * changes them (see live-catalogue.ts).
 */
export interface Catalogue {
  config: AppConfig;
  agencies: Agency[];
  agency(id: string): Agency | undefined;
  service(id: string): (Service & { agencyId: string }) | undefined;
  counter(id: string): Counter | undefined;
  /** Services a counter calls from. */
  counterServices(counterId: string): string[];
  /** Number of counters able to serve a service (for wait estimates). */
  countersForService(serviceId: string): number;
}

/** `off`: codes of services switched off in the administration overlay. */
export function buildCatalogue(
  loaded: LoadedConfig,
  off: ReadonlySet<string> = new Set(),
): Catalogue {
  const config = mapConfig(loaded, off);
  const agencies = new Map(config.agencies.map((a) => [a.id, a]));
  const services = new Map<string, Service & { agencyId: string }>();
  for (const agency of config.agencies) {
    for (const service of agency.services)
      services.set(service.id, { ...service, agencyId: agency.id });
  }
  const counters = new Map(config.counters.map((c) => [c.id, c]));
  const counterServices = (counterId: string): string[] => counters.get(counterId)?.services ?? [];
  return {
    config,
    agencies: config.agencies,
    agency: (id) => agencies.get(id),
    service: (id) => services.get(id),
    counter: (id) => counters.get(id),
    counterServices,
    countersForService: (serviceId) =>
      config.counters.filter((c) => c.services.includes(serviceId)).length,
  };
}
