import { UNSUR_CODES } from '@mpp-kit/skm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  Client,
  clientsFor,
  removeDataDir,
  startApp,
} from './support/app-process.js';

// Issue 8 access matrix and fuzzing against the running app (real PostgreSQL). Expected cells
// are written out here, independent of the app's policy code.
type Who = 'admin-dukcapil' | 'operator-dukcapil' | 'manajer' | 'auditor' | 'public';
const WHO: Who[] = ['admin-dukcapil', 'operator-dukcapil', 'manajer', 'auditor', 'public'];
type Cell = 'own' | 'other';
const FIGURES: Record<Who, Record<Cell, number>> = {
  'admin-dukcapil': { own: 200, other: 403 },
  'operator-dukcapil': { own: 200, other: 403 },
  manajer: { own: 200, other: 200 },
  auditor: { own: 200, other: 200 },
  public: { own: 401, other: 401 },
};
const VIEW_COMPLAINT: Record<Who, Record<Cell, number>> = {
  'admin-dukcapil': { own: 200, other: 403 },
  'operator-dukcapil': { own: 403, other: 403 },
  manajer: { own: 200, other: 200 },
  auditor: { own: 200, other: 200 },
  public: { own: 303, other: 303 },
};
const ACT_COMPLAINT: Record<Who, Record<Cell, number>> = {
  'admin-dukcapil': { own: 200, other: 403 },
  'operator-dukcapil': { own: 403, other: 403 },
  manajer: { own: 200, other: 200 },
  auditor: { own: 403, other: 403 },
  public: { own: 401, other: 401 },
};
const AGENCY: Record<Cell, string> = { own: 'dukcapil', other: 'polres' };

describe('issue 8 endpoints against the running app', () => {
  let app: AppProcess;
  const clients = new Map<Who, Client>();

  beforeAll(async () => {
    app = await startApp();
    for (const [who, c] of await clientsFor(app, WHO, '/pengaduan')) clients.set(who, c);
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  const client = (who: Who) => clients.get(who) as Client;

  async function newComplaint(agencyId: string): Promise<{ id: string; code: string }> {
    const res = await new Client(app.base).fetch('/api/complaints', {
      method: 'POST',
      json: {
        category: 'pelayanan',
        agencyId,
        description: 'Loket tutup lebih awal dari jadwal.',
        contactEmail: 'warga@example.org',
        contactPhone: '081234567890',
      },
    });
    expect(res.status).toBe(201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    const list = await client('manajer').fetch(`/loket/pengaduan?instansi=${agencyId}`);
    const html = await list.text();
    const id = new RegExp(`/loket/pengaduan/([0-9a-f-]{36})"[^>]*>${trackingCode}<`).exec(
      html,
    )?.[1];
    expect(id).toBeDefined();
    return { id: id as string, code: trackingCode };
  }

  it('figures: agency-bound staff see their own agency only, manager and auditor all, public none', async () => {
    for (const who of WHO) {
      for (const cell of ['own', 'other'] as const) {
        const res = await client(who).fetch(`/api/staff/analytics?instansi=${AGENCY[cell]}`);
        expect(res.status, `${who} ${cell}`).toBe(FIGURES[who][cell]);
        const page = await client(who).fetch(`/loket/analitik?instansi=${AGENCY[cell]}`);
        expect(page.status, `${who} page ${cell}`).toBe(
          FIGURES[who][cell] === 401 ? 303 : FIGURES[who][cell],
        );
      }
    }
    // without a choice, agency-bound staff get their own agency, the manager the whole MPP
    const own = (await (await client('admin-dukcapil').fetch('/api/staff/analytics')).json()) as {
      agencyId: string | null;
      services: { agencyId: string }[];
    };
    expect(own.agencyId).toBe('dukcapil');
    expect(new Set(own.services.map((s) => s.agencyId))).toEqual(new Set(['dukcapil']));
    const all = (await (await client('manajer').fetch('/api/staff/analytics')).json()) as {
      agencyId: string | null;
      services: unknown[];
    };
    expect(all.agencyId).toBeNull();
    expect(all.services.length).toBeGreaterThan(20);
  });

  it('complaints: view and act only where the matrix allows; refusals are audited', async () => {
    for (const who of WHO) {
      for (const cell of ['own', 'other'] as const) {
        const c = await newComplaint(AGENCY[cell]);
        const view = await client(who).fetch(`/loket/pengaduan/${c.id}`);
        expect(view.status, `${who} view ${cell}`).toBe(VIEW_COMPLAINT[who][cell]);
        const html = view.status === 200 ? await view.text() : '';
        // contact details only for those who may act on the complaint
        expect(html.includes('warga@example.org'), `${who} contact ${cell}`).toBe(
          ACT_COMPLAINT[who][cell] === 200,
        );
        const act = await client(who).post(`/api/staff/complaints/${c.id}/status`, {
          to: 'verified',
        });
        expect(act.status, `${who} act ${cell}`).toBe(ACT_COMPLAINT[who][cell]);
        const tracked = (await (
          await new Client(app.base).fetch(`/api/complaints/${c.code}`)
        ).json()) as { status: string };
        expect(tracked.status).toBe(ACT_COMPLAINT[who][cell] === 200 ? 'verified' : 'received');
      }
    }
    const audit = await client('manajer').fetch('/api/staff/agencies/polres/audit');
    const entries = (await audit.json()) as { username: string; action: string; outcome: string }[];
    expect(
      entries.some(
        (e) =>
          e.username === 'admin-dukcapil' &&
          e.action === 'move_complaint' &&
          e.outcome === 'denied',
      ),
    ).toBe(true);
  });

  it("lists and exports only the agency's own complaints for its admin", async () => {
    await newComplaint('polres');
    await newComplaint('dukcapil');
    const list = await (await client('admin-dukcapil').fetch('/loket/pengaduan')).text();
    const agencies = [...list.matchAll(/data-agency="([^"]+)"/g)].map((m) => m[1]);
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies)).toEqual(new Set(['dukcapil']));
    expect((await client('admin-dukcapil').fetch('/loket/pengaduan?instansi=polres')).status).toBe(
      403,
    );
    const csv = await (
      await client('admin-dukcapil').fetch('/api/staff/complaints/export.csv')
    ).text();
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.every((r) => r.split(',')[3] === 'dukcapil')).toBe(true);
    expect(csv).not.toContain('warga@example.org');
    expect(
      (await client('admin-dukcapil').fetch('/api/staff/complaints/export.csv?instansi=polres'))
        .status,
    ).toBe(403);
    expect((await client('public').fetch('/api/staff/complaints/export.csv')).status).toBe(401);
  });

  // The overview /loket/admin is also open to agency admins and the auditor (read only): its
  // matrix is in admin-access.test.ts.
  it('catalogue, staff accounts and personal data are for the MPP manager only', async () => {
    const pages = ['/loket/admin/katalog', '/loket/admin/petugas', '/loket/data-pribadi'];
    for (const who of WHO) {
      for (const path of pages) {
        const res = await client(who).fetch(path);
        expect(res.status, `${who} ${path}`).toBe(
          who === 'manajer' ? 200 : who === 'public' ? 303 : 403,
        );
      }
      const erase = await client(who).post('/api/staff/admin/personal-data', {
        contact: 'nobody@example.org',
        action: 'export',
      });
      expect(erase.status, `${who} personal data`).toBe(
        who === 'manajer' ? 200 : who === 'public' ? 401 : 403,
      );
    }
  });

  it('the public sees published aggregates only', async () => {
    const ikm = (await (await client('public').fetch('/api/open-data/ikm.json')).json()) as Record<
      string,
      unknown
    >[];
    expect(ikm.length).toBeGreaterThan(10);
    for (const row of ikm)
      expect(Object.keys(row).sort()).toEqual([
        'agencyId',
        'ikm',
        'level',
        'mutu',
        'period',
        'respondents',
        'serviceId',
      ]);
    const queue = (await (
      await client('public').fetch('/api/open-data/antrean.json')
    ).json()) as Record<string, unknown>[];
    expect(queue.length).toBeGreaterThan(100);
    for (const row of queue.slice(0, 50))
      expect(Object.keys(row).sort()).toEqual([
        'agencyId',
        'arrivals',
        'day',
        'medianWaitMinutes',
        'noShow',
        'served',
        'serviceId',
      ]);
    const csv = await (await client('public').fetch('/api/open-data/antrean.csv')).text();
    expect(csv.split('\n')[0]).toBe(
      'day,agencyId,serviceId,arrivals,served,noShow,medianWaitMinutes',
    );
    expect(csv.trim().split('\n').length).toBe(queue.length + 1);
    for (const path of [
      '/api/staff/analytics',
      '/loket/pengaduan',
      '/api/staff/analytics/export.csv',
    ])
      expect((await client('public').fetch(path)).status).toBeGreaterThanOrEqual(300);
  });

  it('fuzz: the new endpoints answer any input with a 2xx/3xx/4xx, never a 5xx', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        ' ',
        '%00',
        '\u0000',
        '../..',
        "' or 1=1 --",
        '<script>',
        '2026-02-30',
        '9999-12-31',
        '2026-Q9',
        '-1',
        '1e309',
        'dukcapil',
        'ADU-AAAA-BBBB',
      ),
    );
    const value = fc.oneof(
      text,
      fc.integer({ min: -5, max: 10 }),
      fc.constant(null),
      fc.boolean(),
      fc.jsonValue(),
    );
    const surveyBody = fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          ...UNSUR_CODES.map((u) => `u_${u}`),
          'usia',
          'jenisKelamin',
          'pendidikan',
          'pekerjaan',
          'saran',
        ),
        fc.string({ maxLength: 10 }),
      ),
      value,
      { maxKeys: 14 },
    );
    const complaintBody = fc.dictionary(
      fc.constantFrom(
        'category',
        'agencyId',
        'serviceId',
        'description',
        'anonymous',
        'contactName',
        'contactEmail',
        'contactPhone',
        'extra',
      ),
      value,
    );
    const codes = fc.oneof(text, fc.constant('x'.repeat(80)));
    const check = async (res: Response, label: string) => {
      expect(res.status, `${label} → ${res.status}`).toBeLessThan(500);
      if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json')) {
        const body = (await res.json()) as { error?: { message?: { id?: string; en?: string } } };
        expect(body.error?.message?.id, label).toBeTruthy();
        expect(body.error?.message?.en, label).toBeTruthy();
      } else await res.arrayBuffer();
    };
    const anon = new Client(app.base);
    const manager = client('manajer');
    await fc.assert(
      fc.asyncProperty(codes, surveyBody, async (code, body) => {
        await check(
          await anon.fetch(`/api/survey/${encodeURIComponent(code)}`, {
            method: 'POST',
            json: body,
          }),
          `survey ${code}`,
        );
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(complaintBody, fc.boolean(), async (body, asForm) => {
        const res = asForm
          ? await anon.fetch('/api/complaints', {
              method: 'POST',
              form: Object.fromEntries(
                Object.entries(body)
                  // Any generated value, even an object whose toString is not a function.
                  .map(([k, v]) => [
                    k,
                    typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'),
                  ])
                  .concat([['_csrf', anon.csrf ?? '']]),
              ),
            })
          : await anon.fetch('/api/complaints', { method: 'POST', json: body });
        await check(res, `complaint ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: 50 },
    );
    await fc.assert(
      fc.asyncProperty(codes, text, text, text, async (code, a, b, c) => {
        const q = new URLSearchParams({
          periode: a,
          p: b,
          instansi: c,
          dari: b,
          sampai: a,
        }).toString();
        await check(await anon.fetch(`/api/complaints/${encodeURIComponent(code)}`), 'track');
        await check(await anon.fetch(`/api/open-data/ikm.json?${q}`), `ikm ${q}`);
        await check(await anon.fetch(`/api/open-data/antrean.csv?${q}`), `antrean ${q}`);
        await check(await anon.fetch(`/hasil?${q}`), `hasil ${q}`);
        await check(await anon.fetch(`/survei/${encodeURIComponent(code)}`), 'survei page');
        await check(
          await anon.fetch(`/survei/tablet?kode=${encodeURIComponent(code)}`),
          'exit tablet',
        );
        await check(
          await anon.fetch(`/survei/tablet/${encodeURIComponent(code)}`),
          'exit tablet form',
        );
        await check(
          await anon.fetch(`/api/survey/${encodeURIComponent(code)}?layar=tablet`, {
            method: 'POST',
            form: { _csrf: anon.csrf ?? '', u_persyaratan: a },
          }),
          'exit tablet answer',
        );
        await check(await anon.fetch(`/pengaduan/lacak?kode=${encodeURIComponent(code)}`), 'lacak');
        await check(await manager.fetch(`/api/staff/analytics?${q}`), `analytics ${q}`);
        await check(
          await manager.post(`/api/staff/complaints/${encodeURIComponent(code)}/status`, {
            to: a,
            note: b,
          }),
          'move',
        );
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('a far-future range ends: open data and analytics stop at today (found by the fuzzer)', async () => {
    const anon = new Client(app.base);
    const q = 'sampai=9999-12-31&periode=9999-12-31';
    for (const path of [`/api/open-data/antrean.csv?${q}`, `/api/open-data/antrean.json?${q}`]) {
      const res = await anon.fetch(path);
      expect(res.status, path).toBe(200);
      expect((await res.text()).length, path).toBeLessThan(1_000_000);
    }
    const res = await client('manajer').fetch(`/api/staff/analytics?${q}`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  }, 60_000);
});
