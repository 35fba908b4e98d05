import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  Client,
  clientsFor,
  removeDataDir,
  startApp,
} from './support/app-process.js';
import { storeCatalogueWithNewService } from './support/imported-catalogue.js';

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
const AGENCY: Record<Cell, string> = { own: 'dukcapil', other: 'polres' };
// staff accounts: only the MPP manager sets passwords and removes accounts, whatever the agency
const STAFF: Record<Who, number> = {
  'admin-dukcapil': 403,
  'operator-dukcapil': 403,
  manajer: 200,
  auditor: 403,
  public: 303,
};
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
    for (const [who, c] of await clientsFor(app, WHO, '/loket/masuk')) clients.set(who, c);
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

  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    const db = new pg.Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      return (await db.query<T>(text, values)).rows;
    } finally {
      await db.end();
    }
  }

  it('agencies: only the manager switches one off or on; its services stop issuing, waiting tickets are still called', async () => {
    const skck = () =>
      new Client(app.base).fetch('/api/tickets', {
        method: 'POST',
        json: { serviceId: 'skck', priority: 'regular', channel: 'online' },
      });
    const waiting = await skck();
    expect(waiting.status).toBe(201);
    // the manager last, so every refusal is checked against an agency still on
    for (const who of [...WHO.filter((w) => w !== 'manajer'), 'manajer' as const]) {
      for (const cell of ['own', 'other'] as const) {
        if (who === 'manajer' && cell === 'own') continue;
        const res = await client(who).post('/api/staff/admin/config', {
          kind: 'agency-state',
          agency: AGENCY[cell],
          off: true,
        });
        expect(res.status, `${who} agency off ${cell}`).toBe(RENAME[who]);
        const off = (await config()).agencies.find((a) => a.id === AGENCY[cell]) as {
          off?: boolean;
        };
        expect(off.off, `${who} ${cell} applied`).toBe(RENAME[who] === 200);
      }
    }
    // polres is off: no new tickets, but the waiting one is still called
    const refused = await skck();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('service_off');
    const op = new Client(app.base);
    const password = app.logins.find((l) => l.username === 'operator-polres')?.password ?? '';
    expect(await op.login('operator-polres', password)).toBe(200);
    expect((await op.post('/api/staff/counter', { counterId: 'loket-05' })).status).toBeLessThan(
      400,
    );
    const called = await op.post('/api/staff/counters/loket-05/call-next');
    expect(called.status).toBe(200);
    // the last agency still on cannot be switched off
    const ids = (await config()).agencies.map((a) => a.id);
    const rest = ids.filter((id) => id !== 'polres' && id !== 'bpn');
    for (const id of rest) {
      const r = await client('manajer').post('/api/staff/admin/config', {
        kind: 'agency-state',
        agency: id,
        off: true,
      });
      expect(r.status, id).toBe(200);
    }
    const last = await client('manajer').post('/api/staff/admin/config', {
      kind: 'agency-state',
      agency: 'bpn',
      off: true,
    });
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('last_agency');
    for (const id of [...rest, 'polres']) {
      const r = await client('manajer').post('/api/staff/admin/config', {
        kind: 'agency-state',
        agency: id,
        off: false,
      });
      expect(r.status, id).toBe(200);
    }
    expect((await config()).agencies.every((a) => !(a as { off?: boolean }).off)).toBe(true);
    expect((await skck()).status).toBe(201);
    const audit = await sql<{ detail: { before: { off: boolean }; after: { off: boolean } } }>(
      `select detail from audit_log where action = 'admin_agency_state' and target = 'polres'
       and outcome = 'ok' and username = 'manajer' order by id limit 1`,
    );
    expect(audit[0]?.detail).toMatchObject({ before: { off: false }, after: { off: true } });
  });

  it('agencies: only the manager adds one, with a service of the imported catalogue; errors name the path', async () => {
    await storeCatalogueWithNewService(app.databaseUrl);
    const add = (services: string[], number = 90) => ({
      kind: 'agency-add',
      agency: 'kemenag',
      agencyKind: 'kementerian',
      name: { id: 'Kementerian Agama', en: 'Ministry of Religious Affairs' },
      services,
      counter: { number, zone: 'utara', floor: 2 },
    });
    for (const who of WHO.filter((w) => w !== 'manajer')) {
      const res = await client(who).post('/api/staff/admin/config', add(['kemenag.kia-uji@1.0.0']));
      expect(res.status, who).toBe(RENAME[who]);
    }
    const unknown = await client('manajer').post(
      '/api/staff/admin/config',
      add(['kemenag.tidak-ada@1.0.0']),
    );
    expect(unknown.status).toBe(400);
    const errors = ((await unknown.json()) as { error: { errors: { path: string }[] } }).error
      .errors;
    expect(errors.some((e) => /^tenants\[\d+\]\.services\[0\]/.test(e.path))).toBe(true);
    expect((await config()).agencies.some((a) => a.id === 'kemenag')).toBe(false);
    const ok = await client('manajer').post(
      '/api/staff/admin/config',
      add(['kemenag.kia-uji@1.0.0']),
    );
    expect(ok.status).toBe(200);
    const after = await config();
    expect(after.agencies.find((a) => a.id === 'kemenag')?.services[0]?.code).toBe(
      'kemenag.kia-uji',
    );
    expect(after.counters.find((c) => c.number === 90)?.agency).toBe('kemenag');
    const again = await client('manajer').post(
      '/api/staff/admin/config',
      add(['kemenag.kia-uji@1.0.0'], 91),
    );
    expect(again.status).toBe(400);
    const ticket = await new Client(app.base).fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId: 'kia-uji', priority: 'regular', channel: 'online' },
    });
    expect(ticket.status).toBe(201);
    const audit = await sql<{ outcome: string; username: string }>(
      `select outcome, username from audit_log where action = 'admin_agency_add' order by id`,
    );
    expect(audit.filter((r) => r.outcome === 'ok').map((r) => r.username)).toEqual(['manajer']);
    expect(audit.filter((r) => r.outcome === 'denied').length).toBe(3);
  });

  it('staff accounts: only the manager sets a password or removes one, in any agency; sessions end; audited without the password', async () => {
    // two accounts to work on: one in the agency admin's own agency, one in another
    const made: Record<Cell, { id: string; username: string; password: string }> = {
      own: { id: '', username: 'uji-dukcapil', password: '' },
      other: { id: '', username: 'uji-polres', password: '' },
    };
    for (const cell of ['own', 'other'] as const) {
      const res = await client('manajer').fetch('/loket/admin/petugas', {
        method: 'POST',
        form: {
          _csrf: client('manajer').csrf ?? '',
          username: made[cell].username,
          displayName: `Uji ${cell}`,
          role: 'operator',
          agencyId: AGENCY[cell],
        },
      });
      const html = await res.text();
      expect(
        res.status,
        html.slice(html.indexOf('error-summary'), html.indexOf('error-summary') + 400),
      ).toBe(200);
      made[cell].password =
        new RegExp(`${made[cell].username}</strong> / <code[^>]*>([^<]+)</code>`).exec(html)?.[1] ??
        '';
      expect(made[cell].password).not.toBe('');
      made[cell].id =
        new RegExp(`name="remove" value="([0-9a-f-]{36})"[^>]*>[^<]*${made[cell].username}<`).exec(
          html,
        )?.[1] ?? '';
      expect(made[cell].id).not.toBe('');
    }
    const post = (who: Who, form: Record<string, string>) =>
      client(who).fetch('/loket/admin/petugas', {
        method: 'POST',
        form: { _csrf: client(who).csrf ?? '', ...form },
      });
    for (const cell of ['own', 'other'] as const) {
      const account = made[cell];
      const held = new Client(app.base);
      expect(await held.login(account.username, account.password)).toBe(200);
      for (const who of WHO) {
        const newPassword = `Sandi-baru-${who}-${cell}-0123`;
        const res = await post(who, { resetPassword: account.id, newPassword });
        expect(res.status, `${who} password ${cell}`).toBe(STAFF[who]);
        const fresh = new Client(app.base);
        expect(await fresh.login(account.username, newPassword), `${who} ${cell}`).toBe(
          STAFF[who] === 200 ? 200 : 401,
        );
        if (STAFF[who] === 200) account.password = newPassword;
      }
      // the session held from before the new password has ended
      expect((await held.fetch('/api/staff/admin/config')).status).toBe(401);
      const tooShort = await post('manajer', { resetPassword: account.id, newPassword: 'pendek' });
      expect(tooShort.status).toBe(400);
      expect(await tooShort.text()).not.toContain('pendek');

      const heldAgain = new Client(app.base);
      expect(await heldAgain.login(account.username, account.password)).toBe(200);
      for (const who of WHO.filter((w) => w !== 'manajer')) {
        expect((await post(who, { remove: account.id })).status, `${who} remove ${cell}`).toBe(
          STAFF[who],
        );
      }
      expect((await post('manajer', { remove: account.id })).status).toBe(200);
      expect((await heldAgain.fetch('/api/staff/admin/config')).status).toBe(401);
      expect(await new Client(app.base).login(account.username, account.password)).toBe(401);
      expect((await post('manajer', { remove: account.id })).status).toBe(404);
    }
    // not their own account
    const page = await (await client('manajer').fetch('/loket/admin/petugas')).text();
    expect(page).not.toMatch(/Hapus akun manajer</);
    const own = await sql<{ id: string }>("select id from staff where username = 'manajer'");
    expect((await post('manajer', { remove: own[0]?.id ?? '' })).status).toBe(409);
    expect(
      (await post('manajer', { resetPassword: own[0]?.id ?? '', newPassword: 'x'.repeat(20) }))
        .status,
    ).toBe(409);

    const rows = await sql<{ action: string; target: string; detail: Record<string, unknown> }>(
      `select action, target, detail from audit_log where action in ('staff_password', 'staff_remove') and outcome = 'ok'`,
    );
    expect(rows.filter((r) => r.action === 'staff_password').map((r) => r.target)).toEqual([
      'uji-dukcapil',
      'uji-polres',
    ]);
    const removed = rows.filter((r) => r.action === 'staff_remove');
    expect(removed.map((r) => r.detail.accountId)).toEqual([made.own.id, made.other.id]);
    const all = await sql<{ text: string }>('select detail::text as text from audit_log');
    for (const r of all) expect(r.text).not.toMatch(/Sandi-baru/);
    // the rows stay, so the audit log keeps pointing at them
    const kept = await sql<{ n: string }>(
      'select count(*) as n from staff where removed_at is not null and id = any($1)',
      [[made.own.id, made.other.id]],
    );
    expect(Number(kept[0]?.n)).toBe(2);
  });

  it('fuzz: the staff account forms answer any input with 2xx/4xx, never a 5xx', async () => {
    const removed = await sql<{ id: string }>('select id from staff where removed_at is not null');
    const ids = fc.oneof(
      fc.constantFrom(...removed.map((r) => r.id), '00000000-0000-0000-0000-000000000000'),
      fc.string(),
      fc.uuid(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ resetPassword: ids, newPassword: fc.string({ maxLength: 300 }) }),
          fc.record({ remove: ids }),
          fc.record({ remove: ids, resetPassword: ids, extra: fc.string() }),
        ),
        async (form) => {
          const res = await client('manajer').fetch('/loket/admin/petugas', {
            method: 'POST',
            form: { _csrf: client('manajer').csrf ?? '', ...form },
          });
          expect(res.status, JSON.stringify(form)).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('fuzz: the change endpoint answers any input with 2xx/4xx, never a 5xx', async () => {
    const codes = ['dukcapil.kia', 'polri.skck', 'nope.none', ''];
    const nearValid = fc.oneof(
      fc.record({
        kind: fc.constantFrom(
          'service',
          'agency',
          'agency-state',
          'agency-add',
          'counter',
          'counter-remove',
          'x',
        ),
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
      fc.record({
        kind: fc.constant('agency-add'),
        agency: fc.oneof(fc.constantFrom('dukcapil', 'baru', 'kemenag'), fc.string()),
        agencyKind: fc.constantFrom('kementerian', 'bumn', 'x'),
        name: fc.record({ id: fc.string(), en: fc.string() }),
        services: fc.array(
          fc.oneof(fc.constantFrom('dukcapil.kia@1.0.0', 'kemenag.kia-uji@1.0.0'), fc.string()),
          { maxLength: 3 },
        ),
        counter: fc.record({
          number: fc.integer({ min: -1, max: 10001 }),
          zone: fc.constantFrom('utara', 'x'),
          floor: fc.integer({ min: -10, max: 300 }),
        }),
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
