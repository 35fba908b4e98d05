import type { SiteConfig } from '../src/index.js';

/** A small MPP in Jakarta (WIB): two agencies, three services, three counters. */
export const jakarta: SiteConfig = {
  id: 'mpp-jakarta',
  name: 'MPP DKI Jakarta',
  timeZone: 'Asia/Jakarta',
  agencies: [
    { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    { id: 'pajak', name: 'Kantor Pelayanan Pajak' },
  ],
  services: [
    { id: 'ktp', agencyId: 'dukcapil', name: 'KTP-el', prefix: 'A', dailyCap: 50 },
    { id: 'kk', agencyId: 'dukcapil', name: 'Kartu Keluarga', prefix: 'B' },
    { id: 'npwp', agencyId: 'pajak', name: 'NPWP', prefix: 'C' },
  ],
  counters: [
    { id: 'loket-1', number: 1, services: [{ serviceId: 'ktp' }, { serviceId: 'kk' }] },
    { id: 'loket-2', number: 2, services: [{ serviceId: 'ktp' }] },
    { id: 'loket-3', number: 3, services: [{ serviceId: 'npwp' }] },
  ],
};

/** A controllable clock starting on a weekday morning, 08:00 WIB. */
export function fakeClock(start = Date.parse('2026-11-23T01:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(at: number) {
      now = at;
    },
  };
}
