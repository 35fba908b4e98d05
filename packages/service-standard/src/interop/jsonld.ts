import type {
  GovernmentService,
  Offer,
  Organization,
  ServiceChannel,
  Thing,
  WithContext,
} from 'schema-dts';
import type { Duration } from '../schemas/common.js';
import type { Layanan } from '../schemas/layanan.js';
import type { Penyelenggara } from '../schemas/penyelenggara.js';
import { standardRef } from '../standard-ref.js';

/** Options of {@link toGovernmentServiceJsonLd}. */
export interface JsonLdOptions {
  /** The agency, to describe the provider fully (otherwise only its code is given). */
  readonly penyelenggara?: Penyelenggara;
  /** Base address for `@id`, e.g. `https://mpp.kotacontoh.go.id/layanan/`. */
  readonly baseUrl?: string;
  /** Where the service is offered, e.g. `Kota Contoh`. */
  readonly areaServed?: string;
}

/** ISO 8601 duration for exact units; working days have no ISO form and are left out. */
function isoDuration(d: Duration): string | undefined {
  switch (d.unit) {
    case 'minutes':
      return `PT${d.amount}M`;
    case 'hours':
      return `PT${d.amount}H`;
    case 'calendar-days':
      return `P${d.amount}D`;
    default:
      return undefined;
  }
}

function provider(l: Layanan, agency: Penyelenggara | undefined): Organization {
  const government = agency === undefined || !['bumn', 'bumd', 'swasta'].includes(agency.kind);
  const base = {
    identifier: l.penyelenggara,
    name: agency?.name.id ?? l.penyelenggara,
    ...(agency?.name.en !== undefined && { alternateName: agency.name.en }),
    ...(agency?.contact?.website !== undefined && { url: agency.contact.website }),
  };
  return government
    ? { '@type': 'GovernmentOrganization', ...base }
    : { '@type': 'Organization', ...base };
}

function offers(l: Layanan): Offer[] {
  const biaya = l.standar.biaya;
  if (biaya.free) {
    return [{ '@type': 'Offer', name: 'Gratis', price: 0, priceCurrency: 'IDR' }];
  }
  return biaya.tarif.map(
    (t): Offer => ({
      '@type': 'Offer',
      name: t.description.id,
      priceCurrency: 'IDR',
      ...(t.amount !== undefined ? { price: t.amount } : { description: t.formula?.id ?? '' }),
    }),
  );
}

function channels(l: Layanan): ServiceChannel[] {
  const time = isoDuration(l.standar.jangkaWaktu);
  const out: ServiceChannel[] = [];
  if (l.channels.counter) {
    out.push({
      '@type': 'ServiceChannel',
      name: 'Loket',
      availableLanguage: 'id',
      ...(time !== undefined && { processingTime: time }),
    });
  }
  if (l.channels.online) {
    out.push({
      '@type': 'ServiceChannel',
      name: l.channels.online.name ?? 'Daring',
      serviceUrl: l.channels.online.url,
    });
  }
  if (l.channels.mobile) {
    out.push({
      '@type': 'ServiceChannel',
      name: l.channels.mobile.name,
      ...(l.channels.mobile.android !== undefined && { serviceUrl: l.channels.mobile.android }),
    });
  }
  return out;
}

/**
 * The service as a schema.org `GovernmentService` in JSON-LD, for search engines and open-data
 * portals. Texts are in Bahasa Indonesia, English names go into `alternateName`.
 */
export function toGovernmentServiceJsonLd(
  layanan: Layanan,
  options: JsonLdOptions = {},
): WithContext<GovernmentService> {
  const products: Thing[] = layanan.standar.produk.map((p) => ({
    '@type': 'Thing',
    name: p.name.id,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    ...(options.baseUrl !== undefined && { '@id': `${options.baseUrl}${layanan.code}` }),
    identifier: standardRef(layanan),
    name: layanan.name.id,
    ...(layanan.name.en !== undefined && { alternateName: layanan.name.en }),
    ...(layanan.description !== undefined && { description: layanan.description.id }),
    serviceType: layanan.category,
    category: layanan.type,
    provider: provider(layanan, options.penyelenggara),
    availableChannel: channels(layanan),
    offers: offers(layanan),
    serviceOutput: products,
    ...(options.areaServed !== undefined && { areaServed: options.areaServed }),
  };
}
