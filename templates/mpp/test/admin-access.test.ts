import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, Client, removeDataDir, startApp } from './support/app-process.js';

// Administration of agencies, services and counters (decision 0066) against the running app
// (real PostgreSQL): every role × own/other agency, refusals, the audit trail with before and
// after, and fuzzing of the JSON endpoint. Expected cells are written out here, independent of
// the app's policy code.
type Who = 'admin-dukcapil' | 'operator-dukcapil' | 'manajer' | 'auditor' | 'public';
const WHO: Who[] = ['admin-dukcapil', 'operator-dukcapil', 'manajer', 'auditor', 'public'];
type Cell = 'own' | 'other';
const VIEW: Record<Who, number> = {
  'admin-dukcapil': 200,
  'operator-dukcapil': 403,
  manajer: 200,
  auditor: 200,
  public: 401,
};
const CHANGE: Record<Who, Record<Cell, number>> = {
  'admin-dukcapil': { own: 200, other: 403 },
  'operator-dukcapil': { own: 403, other: 403 },
  manajer: { own: 200, other: 200 },
  auditor: { own: 403, other: 403 },
  public: { own: 401, other: 401 },
};
const RENAME: Record<Who, number> = {
  'admin-dukcapil': 403,
  'operator-dukcapil': 403,
  manajer: 200,
  auditor: 403,
  public: 401,
};
const SERVICE: Record<Cell, string> = { own: 'dukcapil.kia', other: 'polri.skck' };
const COUNTER: Record<Cell, number> = { own: 1, other: 5 };

interface Config {
  version: number;
  agencies: {
    id: string;
    name: { id: string; en: string };
    services: { id: string; code: string; offered: boolean; dailyCap: number | null }[];
  }[];
  counters: {
    id: string;
    number: number;
    agency: string;
    zone: string;
    floor: number;
    priority: boolean;
    services: string[];
  }[];
}

describe('administration of agencies, services and counters', () => {
  let app: AppProcess;
  const clients = new Map<Who, Client>();
  const client = (who: Who) => clients.get(who) as Client;
  const config = async () =>
    (await (await client('manajer').fetch('/api/staff/admin/config')).json()) as Config;

  beforeAll(async () => {
    app = await startApp();
    for (const who of WHO) {
      const c = new Client(app.base);
      if (who === 'public') await c.fetch('/loket/masuk');
      else {
        const password = app.logins.find((l) => l.username === who)?.password ?? '';
        expect(await c.login(who, password)).toBe(200);
      }
      clients.set(who, c);
    }
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  it('view: manager and auditor see all, an agency admin their own agency, operators nothing', async () => {
    for (const who of WHO) {
      const res = await client(who).fetch('/api/staff/admin/config');
      expect(res.status, who).toBe(VIEW[who]);
      for (const page of ['/loket/admin', '/loket/admin/loket', '/loket/admin/layanan']) {
        const html = await client(who).fetch(page);
        expect(html.status, `${who} ${page}`).toBe(VIEW[who] === 401 ? 303 : VIEW[who]);
      }
      if (res.status !== 200) continue;
      const body = (await res.json()) as Config;
      const agencies = new Set(body.agencies.map((a) => a.id));
      if (who === 'admin-dukcapil') expect([...agencies]).toEqual(['dukcapil']);
      else expect(agencies.size).toBeGreaterThan(3);
      expect(body.counters.every((c) => who !== 'admin-dukcapil' || c.agency === 'dukcapil')).toBe(
        true,
      );
    }
  });

  it('change: services and counters only where the matrix allows; every outcome audited', async () => {
    let cap = 500;
    for (const who of WHO) {
      for (const cell of ['own', 'other'] as const) {
        cap += 1;
        const service = await client(who).post('/api/staff/admin/config', {
          kind: 'service',
          service: SERVICE[cell],
          offered: true,
          dailyCap: cap,
        });
        expect(service.status, `${who} service ${cell}`).toBe(CHANGE[who][cell]);
        const after = await config();
        const s = after.agencies.flatMap((a) => a.services).find((x) => x.code === SERVICE[cell]);
        expect(s?.dailyCap === cap, `${who} service ${cell} applied`).toBe(
          CHANGE[who][cell] === 200,
        );

        const counter = after.counters.find((c) => c.number === COUNTER[cell]);
        if (!counter) throw new Error(`counter ${COUNTER[cell]} missing`);
        const codes = counter.services.map(
          (id) => after.agencies.flatMap((a) => a.services).find((x) => x.id === id)?.code ?? id,
        );
        const moved = await client(who).post('/api/staff/admin/config', {
          kind: 'counter',
          counter: {
            number: counter.number,
            zone: counter.zone,
            tenant: counter.agency,
            services: codes,
            floor: counter.floor + 1,
            priority: counter.priority,
          },
        });
        expect(moved.status, `${who} counter ${cell}`).toBe(CHANGE[who][cell]);
        const floor = (await config()).counters.find((c) => c.number === COUNTER[cell])?.floor;
        expect(floor, `${who} counter ${cell} applied`).toBe(
          counter.floor + (CHANGE[who][cell] === 200 ? 1 : 0),
        );
      }
      const rename = await client(who).post('/api/staff/admin/config', {
        kind: 'agency',
        agency: 'polres',
        name: { id: `Polres ${who}`, en: `Police ${who}` },
      });
      expect(rename.status, `${who} rename`).toBe(RENAME[who]);
      const hours = await client(who).post('/api/staff/admin/config', {
        kind: 'hours',
        openingHours: {
          monday: [{ open: '08:00', close: '15:00' }],
          tuesday: [{ open: '08:00', close: '15:00' }],
          wednesday: [{ open: '08:00', close: '15:00' }],
          thursday: [{ open: '08:00', close: '15:00' }],
          friday: [{ open: '08:00', close: '11:30' }],
          saturday: [],
          sunday: [],
        },
      });
      expect(hours.status, `${who} hours`).toBe(RENAME[who]);
    }
    // an agency admin cannot move another agency's counter to their own
    const grab = await client('admin-dukcapil').post('/api/staff/admin/config', {
      kind: 'counter',
      counter: {
        number: 5,
        zone: 'utara',
        tenant: 'dukcapil',
        services: ['dukcapil.kia'],
        floor: 1,
        priority: false,
      },
    });
    expect(grab.status).toBe(403);

    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const rows = await db.query<{
        username: string;
        action: string;
        outcome: string;
        detail: { before?: { dailyCap?: number }; after?: { dailyCap?: number } };
      }>(
        `select username, action, outcome, detail from audit_log where action like 'admin_%' order by id`,
      );
      const ok = rows.rows.find(
        (r) => r.username === 'manajer' && r.action === 'admin_service' && r.outcome === 'ok',
      );
      expect(ok?.detail.after?.dailyCap).toBeGreaterThan(500);
      expect(ok?.detail.before).toBeDefined();
      expect(
        rows.rows.some(
          (r) =>
            r.username === 'admin-dukcapil' &&
            r.action === 'admin_counter' &&
            r.outcome === 'denied',
        ),
      ).toBe(true);
      expect(rows.rows.some((r) => r.username === 'auditor' && r.outcome === 'denied')).toBe(true);
    } finally {
      await db.end();
    }
  });

  it('refuses an invalid change with the field named, and a counter holding a ticket', async () => {
    const before = await config();
    const invalid = await client('manajer').post('/api/staff/admin/config', {
      kind: 'counter',
      counter: {
        number: 2,
        zone: 'utara',
        tenant: 'dukcapil',
        services: ['polri.skck'],
        floor: 1,
        priority: false,
      },
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as {
      error: { errors: { path: string; id: string; en: string }[] };
    };
    expect(body.error.errors.some((e) => /^loket\[\d+\]\.services\[0\]$/.test(e.path))).toBe(true);
    expect((await config()).version).toBe(before.version);

    const citizen = new Client(app.base);
    const issued = await citizen.fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId: 'ktp-el', priority: 'regular', channel: 'online' },
    });
    expect(issued.status).toBe(201);
    const op = client('operator-dukcapil');
    expect((await op.post('/api/staff/counter', { counterId: 'loket-01' })).status).toBeLessThan(
      400,
    );
    const called = await op.post('/api/staff/counters/loket-01/call-next');
    expect(called.status).toBe(200);
    const busy = await client('manajer').post('/api/staff/admin/config', {
      kind: 'counter-remove',
      number: 1,
    });
    expect(busy.status).toBe(409);
    const message = (await busy.json()) as { error: { message: { id: string; en: string } } };
    expect(message.error.message.en).toMatch(/holding a ticket/);
    expect((await config()).counters.some((c) => c.number === 1)).toBe(true);
  });

  it("changes a staff account's role (manager only), audited with before and after", async () => {
    const page = await (await client('manajer').fetch('/loket/admin/petugas')).text();
    const id = /name="setRole" value="([0-9a-f-]{36})"[^>]*>Ubah peran operator-samsat</.exec(
      page,
    )?.[1];
    expect(id).toBeDefined();
    const form = (who: Who) => ({
      _csrf: client(who).csrf ?? '',
      setRole: id ?? '',
      role: 'agency_admin',
      agencyId: 'samsat',
    });
    expect(
      (
        await client('admin-dukcapil').fetch('/loket/admin/petugas', {
          method: 'POST',
          form: form('admin-dukcapil'),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await client('auditor').fetch('/loket/admin/petugas', {
          method: 'POST',
          form: form('auditor'),
        })
      ).status,
    ).toBe(403);
    const missingAgency = await client('manajer').fetch('/loket/admin/petugas', {
      method: 'POST',
      form: { ...form('manajer'), agencyId: '' },
    });
    expect(missingAgency.status).toBe(400);
    const ok = await client('manajer').fetch('/loket/admin/petugas', {
      method: 'POST',
      form: form('manajer'),
    });
    expect(ok.status).toBe(200);
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const r = await db.query<{ detail: { before: { role: string }; after: { role: string } } }>(
        "select detail from audit_log where action = 'staff_role' and target = 'operator-samsat' and outcome = 'ok'",
      );
      const row = await db.query<{ role: string; agency_id: string }>(
        "select role, agency_id from staff where username = 'operator-samsat'",
      );
      expect(row.rows[0]).toEqual({ role: 'agency_admin', agency_id: 'samsat' });
      expect(r.rows[0]?.detail.before.role).toBe('operator');
      expect(r.rows[0]?.detail.after.role).toBe('agency_admin');
    } finally {
      await db.end();
    }
  });

  it('fuzz: the change endpoint answers any input with 2xx/4xx, never a 5xx', async () => {
    const codes = ['dukcapil.kia', 'polri.skck', 'nope.none', ''];
    const nearValid = fc.oneof(
      fc.record({
        kind: fc.constantFrom('service', 'agency', 'counter', 'counter-remove', 'x'),
        service: fc.oneof(fc.constantFrom(...codes), fc.string()),
        offered: fc.oneof(fc.boolean(), fc.string()),
        dailyCap: fc.oneof(fc.integer({ min: -5, max: 200000 }), fc.constant(null), fc.string()),
      }),
      fc.record({
        kind: fc.constant('counter'),
        counter: fc.record({
          number: fc.oneof(fc.integer({ min: -1, max: 10001 }), fc.string()),
          zone: fc.oneof(fc.constantFrom('utara', 'selatan'), fc.string()),
          tenant: fc.oneof(fc.constantFrom('dukcapil', 'polres', 'x'), fc.string()),
          services: fc.array(fc.oneof(fc.constantFrom(...codes), fc.string()), { maxLength: 3 }),
          floor: fc.integer({ min: -10, max: 300 }),
          priority: fc.boolean(),
        }),
      }),
      fc.record({
        kind: fc.constant('agency'),
        agency: fc.constantFrom('dukcapil', 'zzz'),
        name: fc.record({ id: fc.string(), en: fc.string() }),
      }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(
        nearValid,
        fc.constantFrom<Who>('manajer', 'admin-dukcapil'),
        async (body, who) => {
          const res = await client(who).post('/api/staff/admin/config', body);
          expect(res.status, JSON.stringify(body)).toBeLessThan(500);
          if (res.status >= 400) {
            const error = (await res.json()) as { error: { message: { id: string; en: string } } };
            expect(error.error.message.id.length).toBeGreaterThan(0);
            expect(error.error.message.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 120 },
    );
    // whatever the fuzzer stored still runs: the app answers and the config is consistent
    const after = await config();
    for (const c of after.counters) expect(c.services.length).toBeGreaterThan(0);
  }, 120_000);
});
