import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { type AppProcess, Client, removeDataDir, startApp } from './support/app-process.js';

// Every staff endpoint × every role × own/other agency. Expected cells are written out here,
// independent of the app's policy code: only these succeed, everything else is 403.
type Permission = 'view' | 'act' | 'audit';
const ALLOWED: Record<string, Record<'own' | 'other', Permission[]>> = {
  'operator-dukcapil': { own: ['view', 'act'], other: [] },
  'admin-dukcapil': { own: ['view', 'act', 'audit'], other: [] },
  manajer: { own: ['view', 'act', 'audit'], other: ['view', 'act', 'audit'] },
  auditor: { own: ['view', 'audit'], other: ['view', 'audit'] },
};
const AGENCY = {
  own: {
    agency: 'dukcapil',
    counter: 'loket-01',
    service: 'ktp-el',
    other: 'kia',
  },
  other: { agency: 'polres', counter: 'loket-05', service: 'skck', other: 'sim-perpanjangan' },
};

type Setup = 'called' | 'parked' | 'none';
interface Endpoint {
  name: string;
  permission: Permission;
  setup: Setup;
  request: (c: Client, target: (typeof AGENCY)['own'], ticketId: string) => Promise<Response>;
}

const ticketAction = (
  action: string,
  setup: Setup = 'called',
  body: (t: (typeof AGENCY)['own']) => unknown = () => ({}),
): Endpoint => ({
  name: `POST /api/staff/tickets/{id}/${action}`,
  permission: 'act',
  setup,
  request: (c, t, id) => c.post(`/api/staff/tickets/${id}/${action}`, body(t)),
});

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/staff/counter',
    permission: 'view',
    setup: 'none',
    request: (c, t) => c.post('/api/staff/counter', { counterId: t.counter }),
  },
  {
    name: 'GET /api/staff/counters/{id}/queue',
    permission: 'view',
    setup: 'none',
    request: (c, t) => c.fetch(`/api/staff/counters/${t.counter}/queue`),
  },
  {
    name: 'GET /api/events/agency/{id}',
    permission: 'view',
    setup: 'none',
    request: async (c, t) => {
      const controller = new AbortController();
      const res = await c.fetch(`/api/events/agency/${t.agency}`, { signal: controller.signal });
      controller.abort();
      return res;
    },
  },
  {
    name: 'POST /api/staff/counters/{id}/call-next',
    permission: 'act',
    setup: 'none',
    request: (c, t) => c.post(`/api/staff/counters/${t.counter}/call-next`),
  },
  {
    name: 'POST /api/staff/counters/{id}/console',
    permission: 'act',
    setup: 'none',
    request: (c, t) => c.post(`/api/staff/counters/${t.counter}/console`, { action: 'call-next' }),
  },
  ticketAction('recall'),
  ticketAction('start'),
  ticketAction('finish'),
  ticketAction('no-show'),
  ticketAction('park'),
  ticketAction('resume', 'parked'),
  ticketAction('transfer', 'called', (t) => ({ serviceId: t.other })),
  {
    name: 'GET /api/staff/agencies/{id}/audit',
    permission: 'audit',
    setup: 'none',
    request: (c, t) => c.fetch(`/api/staff/agencies/${t.agency}/audit`),
  },
];

describe('access matrix', () => {
  let app: AppProcess;
  const clients = new Map<string, Client>();
  let setup: Client;

  beforeAll(async () => {
    app = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    setup = new Client(app.base);
    const manager = app.logins.find((l) => l.username === 'manajer');
    expect(await setup.login('manajer', manager?.password ?? '')).toBe(200);
    for (const username of Object.keys(ALLOWED)) {
      const login = app.logins.find((l) => l.username === username);
      const client = new Client(app.base);
      expect(await client.login(username, login?.password ?? '')).toBe(200);
      clients.set(username, client);
    }
  }, 90_000);

  beforeEach(() => {
    // when a test fails, show what the app printed (a crash, a stack trace)
    onTestFailed(() => {
      console.error(`app output (tail):\n${app?.output().slice(-4000)}`);
    });
  });

  afterAll(async () => {
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  async function prepare(target: (typeof AGENCY)['own'], state: Setup): Promise<string> {
    if (state === 'none') return '00000000-0000-0000-0000-000000000000';
    const issued = await setup.post('/api/tickets', { serviceId: target.service });
    expect(issued.status).toBe(201);
    const called = await setup.post(`/api/staff/counters/${target.counter}/call-next`);
    const { ticket } = (await called.json()) as { ticket: { id: string } };
    if (state === 'parked') {
      await setup.post('/api/staff/counter', { counterId: target.counter });
      expect((await setup.post(`/api/staff/tickets/${ticket.id}/park`)).status).toBe(200);
    }
    return ticket.id;
  }

  for (const username of Object.keys(ALLOWED)) {
    for (const scope of ['own', 'other'] as const) {
      it(`${username} on ${scope} agency`, async () => {
        const client = clients.get(username) as Client;
        const target = AGENCY[scope];
        const results: string[] = [];
        for (const endpoint of ENDPOINTS) {
          const allowed = ALLOWED[username]?.[scope].includes(endpoint.permission) ?? false;
          // acting staff work at a counter of the target agency when they may
          if (allowed) await client.post('/api/staff/counter', { counterId: target.counter });
          const ticketId = await prepare(target, endpoint.setup);
          const res = await endpoint.request(client, target, ticketId);
          const ok = res.status >= 200 && res.status < 300;
          results.push(`${endpoint.name}: ${res.status}`);
          expect(ok ? 'allowed' : res.status, `${endpoint.name} → ${res.status}`).toBe(
            allowed ? 'allowed' : 403,
          );
        }
        expect(results).toHaveLength(ENDPOINTS.length);
      }, 60_000);
    }
  }

  it('refuses every staff endpoint without a session (401)', async () => {
    const anonymous = new Client(app.base);
    await anonymous.fetch('/');
    for (const endpoint of ENDPOINTS) {
      const res = await endpoint.request(
        anonymous,
        AGENCY.own,
        '00000000-0000-0000-0000-000000000000',
      );
      expect(res.status, endpoint.name).toBe(401);
    }
  });

  it('writes refused attempts to the audit log of the agency concerned', async () => {
    const res = await clients.get('manajer')?.fetch('/api/staff/agencies/polres/audit');
    const entries = (await res?.json()) as { username: string; outcome: string }[];
    expect(entries.some((e) => e.username === 'operator-dukcapil' && e.outcome === 'denied')).toBe(
      true,
    );
    expect(entries.some((e) => e.outcome === 'ok')).toBe(true);
  });

  it('never shows an operator another agency’s queue in the console', async () => {
    const operator = clients.get('operator-dukcapil') as Client;
    const page = await operator.fetch('/loket?pilih=1');
    const html = await page.text();
    expect(html).toContain('loket-01');
    expect(html).not.toContain('loket-05');
  });
});
