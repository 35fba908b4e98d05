import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveConfig } from '../src/features/admin/admin-config.js';
import {
  type AdminOverlay,
  applyOverlay,
  EMPTY_OVERLAY,
  type OverlayChange,
  overlayChangeSchema,
  withChange,
} from '../src/features/admin/admin-overlay.js';
import { siteConfigOf } from '../src/features/queue/queue-site.js';

// The administration overlay (decision 0066) over the demo config: applied edits, refusals
// naming the field, and that no overlay ever gets past @mpp-kit/config unchecked.
const configFile = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/demo.mpp.config.yaml',
);

const change = (c: OverlayChange) => overlayChangeSchema.parse(c);

describe('administration overlay', () => {
  it('the empty overlay is the file', async () => {
    const r = await effectiveConfig(configFile, EMPTY_OVERLAY, undefined);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalogue.config.counters.length).toBe(r.loaded.config.loket.length);
    expect(r.catalogue.agencies.flatMap((a) => a.services).every((s) => s.offered)).toBe(true);
  });

  it('applies a new counter, a daily cap, a service switched off and an agency name', async () => {
    let overlay: AdminOverlay = EMPTY_OVERLAY;
    overlay = withChange(
      overlay,
      change({
        kind: 'counter',
        counter: {
          number: 77,
          zone: 'utara',
          tenant: 'dukcapil',
          services: ['dukcapil.kia'],
          floor: 2,
          priority: false,
          label: { id: 'Loket Tambahan', en: 'Extra counter' },
        },
      }),
    );
    overlay = withChange(
      overlay,
      change({ kind: 'service', service: 'dukcapil.ktp-el', offered: true, dailyCap: 42 }),
    );
    overlay = withChange(
      overlay,
      change({ kind: 'service', service: 'dukcapil.kia', offered: false, dailyCap: null }),
    );
    overlay = withChange(
      overlay,
      change({ kind: 'agency', agency: 'dukcapil', name: { id: 'Disdukcapil Baru', en: 'New' } }),
    );
    const r = await effectiveConfig(configFile, overlay, undefined);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.catalogue;
    expect(c.counter('loket-77')).toMatchObject({ label: 'Loket Tambahan', floor: 2 });
    expect(c.counterServices('loket-77')).toEqual(['kia']);
    expect(c.service('ktp-el')?.dailyCap).toBe(42);
    expect(c.service('kia')?.offered).toBe(false);
    expect(c.agency('dukcapil')?.name).toEqual({ id: 'Disdukcapil Baru', en: 'New' });
    // a switched-off service stays in the engine's site, so its waiting tickets can be called
    const site = siteConfigOf(c);
    expect(site.services.some((s) => s.id === 'kia')).toBe(true);
    expect(site.counters.find((k) => k.id === 'loket-77')?.services).toEqual([
      { serviceId: 'kia' },
    ]);
    // removing it again
    const removed = await effectiveConfig(
      configFile,
      withChange(overlay, change({ kind: 'counter-remove', number: 77 })),
      undefined,
    );
    expect(removed.ok && removed.catalogue.counter('loket-77')).toBe(undefined);
  });

  it("refuses a counter serving another agency's service, naming the field", async () => {
    const overlay = withChange(
      EMPTY_OVERLAY,
      change({
        kind: 'counter',
        counter: {
          number: 1,
          zone: 'utara',
          tenant: 'dukcapil',
          services: ['polri.skck'],
          floor: 1,
          priority: false,
        },
      }),
    );
    const r = await effectiveConfig(configFile, overlay, undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.some((e) => e.path === 'loket[0].services[0]')).toBe(true);
    expect(r.errors.every((e) => e.path !== '' && e.id !== '' && e.en !== '')).toBe(true);
  });

  it('replaces the opening hours, and refuses a time that is not one, naming the day', async () => {
    const week = {
      monday: [
        { open: '07:30', close: '12:00' },
        { open: '13:00', close: '16:00' },
      ],
      tuesday: [{ open: '08:00', close: '15:00' }],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    const r = await effectiveConfig(
      configFile,
      withChange(EMPTY_OVERLAY, change({ kind: 'hours', openingHours: week })),
      undefined,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalogue.config.hours[0]).toMatchObject({ days: [1], open: '07:30', close: '16:00' });
    const bad = await effectiveConfig(
      configFile,
      withChange(
        EMPTY_OVERLAY,
        change({
          kind: 'hours',
          openingHours: { ...week, friday: [{ open: '25:00', close: '26:00' }] },
        }),
      ),
      undefined,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.some((e) => e.path.startsWith('openingHours.friday'))).toBe(true);
  });

  it('looks standards up in the imported catalogue before the national one', async () => {
    const dir = path.join(
      path.dirname(
        createRequire(import.meta.url).resolve('@mpp-kit/service-standard/package.json'),
      ),
      'catalogue/national',
    );
    const agencies = await readFile(path.join(dir, 'penyelenggara.yaml'), 'utf8');
    const dukcapil = await readFile(path.join(dir, 'dukcapil.yaml'), 'utf8');
    const renamed = dukcapil.replace(
      'id: Penerbitan KTP-el Baru',
      'id: KTP-el Baru (katalog impor)',
    );
    expect(renamed).not.toBe(dukcapil);
    const r = await effectiveConfig(configFile, EMPTY_OVERLAY, [
      { fileName: 'penyelenggara.yaml', text: agencies },
      { fileName: 'dukcapil.yaml', text: renamed },
    ]);
    expect(r.ok && r.catalogue.service('ktp-el')?.name.id).toBe('KTP-el Baru (katalog impor)');
  });

  it('applyOverlay never mutates the YAML it is given', () => {
    const raw = {
      tenants: [{ code: 'a', name: { id: 'A' }, services: [{ dailyCap: 3 }] }],
      loket: [],
    };
    const copy = structuredClone(raw);
    applyOverlay(raw, [{ code: 'a.x', position: [0, 0] }], {
      agencies: { a: { name: { id: 'B', en: 'B' } } },
      services: { 'a.x': { dailyCap: null } },
      counters: { '5': null },
    });
    expect(raw).toEqual(copy);
  });

  it('any overlay is either valid everywhere or refused with named fields (fuzzed)', async () => {
    const services = ['dukcapil.ktp-el', 'dukcapil.kia', 'polri.skck', 'dukcapil.kartu-keluarga'];
    const anyChange = fc.oneof(
      fc.record({
        kind: fc.constant('service' as const),
        service: fc.constantFrom(...services),
        offered: fc.boolean(),
        dailyCap: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
      }),
      fc.record({
        kind: fc.constant('counter' as const),
        counter: fc.record({
          number: fc.integer({ min: 1, max: 40 }),
          zone: fc.constantFrom('utara', 'selatan', 'lantai-9'),
          tenant: fc.constantFrom('dukcapil', 'polres', 'nope'),
          services: fc.subarray(services, { minLength: 1 }),
          floor: fc.integer({ min: -5, max: 200 }),
          priority: fc.boolean(),
        }),
      }),
      fc.record({
        kind: fc.constant('counter-remove' as const),
        number: fc.integer({ min: 1, max: 40 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyChange, { maxLength: 4 }), async (changes) => {
        const overlay = changes.reduce<AdminOverlay>(
          (o, c) => withChange(o, change(c as OverlayChange)),
          EMPTY_OVERLAY,
        );
        const r = await effectiveConfig(configFile, overlay, undefined);
        if (r.ok) {
          // what is accepted, the engine accepts too, and every counter serves its own agency
          const site = siteConfigOf(r.catalogue);
          for (const k of r.catalogue.config.counters)
            for (const s of k.services) expect(r.catalogue.service(s)?.agencyId).toBe(k.agency);
          expect(site.counters.length).toBe(r.catalogue.config.counters.length);
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.id.length * e.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  // an imported catalogue with one service no agency of the file offers yet
  async function importedWithNewService() {
    const dir = path.join(
      path.dirname(
        createRequire(import.meta.url).resolve('@mpp-kit/service-standard/package.json'),
      ),
      'catalogue/national',
    );
    const dukcapil = await readFile(path.join(dir, 'dukcapil.yaml'), 'utf8');
    const renamed = dukcapil.replace(/code: dukcapil\.kia$/m, 'code: kemenag.kia-uji');
    expect(renamed).not.toBe(dukcapil);
    return [
      {
        fileName: 'penyelenggara.yaml',
        text: await readFile(path.join(dir, 'penyelenggara.yaml'), 'utf8'),
      },
      { fileName: 'dukcapil.yaml', text: renamed },
    ];
  }
  const addAgency = (services: string[], number = 90) =>
    change({
      kind: 'agency-add',
      agency: 'kemenag',
      agencyKind: 'kementerian',
      name: { id: 'Kementerian Agama', en: 'Ministry of Religious Affairs' },
      services,
      counter: { number, zone: 'utara', floor: 2 },
    });

  it('adds an agency with a service of the imported catalogue and its first counter', async () => {
    const files = await importedWithNewService();
    const overlay = withChange(EMPTY_OVERLAY, addAgency(['kemenag.kia-uji@1.0.0']));
    const r = await effectiveConfig(configFile, overlay, files);
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (!r.ok) return;
    const agency = r.catalogue.agency('kemenag');
    expect(agency?.name.en).toBe('Ministry of Religious Affairs');
    expect(agency?.services.map((s) => [s.code, s.offered])).toEqual([['kemenag.kia-uji', true]]);
    const counter = r.catalogue.counter('loket-90');
    expect(counter?.agency).toBe('kemenag');
    expect(counter?.services).toEqual([agency?.services[0]?.id]);
    expect(() => siteConfigOf(r.catalogue)).not.toThrow();
    // without the imported catalogue the reference is unknown, and the path names the entry
    const bare = await effectiveConfig(configFile, overlay, undefined);
    expect(bare.ok).toBe(false);
    if (bare.ok) return;
    expect(bare.errors.some((e) => /^tenants\[\d+\]\.services\[0\]/.test(e.path))).toBe(true);
  });

  it('refuses an added agency offering a service another agency already offers', async () => {
    const r = await effectiveConfig(
      configFile,
      withChange(EMPTY_OVERLAY, addAgency(['dukcapil.kia@1.0.0'])),
      undefined,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path.startsWith('tenants['))).toBe(true);
  });

  it('an agency switched off stops all of its services, and on again restores them', async () => {
    const off = withChange(
      EMPTY_OVERLAY,
      change({ kind: 'agency-state', agency: 'dukcapil', off: true }),
    );
    const r = await effectiveConfig(configFile, off, undefined);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const a of r.catalogue.agencies)
      for (const s of a.services) expect(s.offered, s.code).toBe(a.id !== 'dukcapil');
    // its services stay in the engine's site: waiting tickets can still be called
    const site = siteConfigOf(r.catalogue);
    expect(JSON.stringify(site)).toContain('ktp-el');
    // a rename keeps it off; switching on again brings every service back
    const renamed = withChange(
      off,
      change({
        kind: 'agency',
        agency: 'dukcapil',
        name: { id: 'Dukcapil', en: 'Civil Registry' },
      }),
    );
    expect(renamed.agencies.dukcapil?.off).toBe(true);
    const on = withChange(
      renamed,
      change({ kind: 'agency-state', agency: 'dukcapil', off: false }),
    );
    const back = await effectiveConfig(configFile, on, undefined);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.catalogue.agencies.flatMap((a) => a.services).every((s) => s.offered)).toBe(true);
    expect(back.catalogue.agency('dukcapil')?.name.en).toBe('Civil Registry');
  });
});
