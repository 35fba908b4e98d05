import type { Catalogue } from './catalogue.js';

/** A catalogue whose contents can be swapped while everything holding it keeps its reference. */
export interface LiveCatalogue {
  /** Hand this one out: every read goes to the current catalogue. */
  readonly catalogue: Catalogue;
  /** The catalogue reads now go to. */
  current(): Catalogue;
  replace(next: Catalogue): void;
}

/**
 * The queue service, its projection and every page got the catalogue once at start; an
 * administrator's change (decision 0066) swaps what it delegates to, so all of them see the
 * change on their next read without a restart.
 */
export function liveCatalogue(initial: Catalogue): LiveCatalogue {
  let target = initial;
  const catalogue: Catalogue = {
    get config() {
      return target.config;
    },
    get agencies() {
      return target.agencies;
    },
    agency: (id) => target.agency(id),
    service: (id) => target.service(id),
    counter: (id) => target.counter(id),
    counterServices: (id) => target.counterServices(id),
    countersForService: (id) => target.countersForService(id),
  };
  return {
    catalogue,
    current: () => target,
    replace: (next) => {
      target = next;
    },
  };
}
