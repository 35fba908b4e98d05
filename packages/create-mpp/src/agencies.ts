import {
  type Catalogue,
  compareVersions,
  type Layanan,
  type Penyelenggara,
} from '@mpp-kit/service-standard';

/** An agency that can join a new MPP: it has at least one national service. */
export interface AgencyChoice {
  readonly agency: Penyelenggara;
  /** The newest version of each of its services, in catalogue order. */
  readonly services: readonly Layanan[];
}

/**
 * The agencies of a catalogue that offer at least one service, each with the newest
 * version of every service. An agency without services cannot open a counter.
 */
export function agencyChoices(catalogue: Catalogue): AgencyChoice[] {
  const newest = new Map<string, Layanan>();
  for (const layanan of catalogue.layanan) {
    const seen = newest.get(layanan.code);
    if (seen === undefined || compareVersions(layanan.standar.version, seen.standar.version) > 0)
      newest.set(layanan.code, layanan);
  }
  return catalogue.penyelenggara
    .map((agency) => ({
      agency,
      services: [...newest.values()].filter((l) => l.penyelenggara === agency.code),
    }))
    .filter((choice) => choice.services.length > 0);
}
