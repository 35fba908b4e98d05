import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { type AppProcess, Client, removeDataDir, startApp } from './support/app-process.js';

interface Operation {
  method: string;
  path: string;
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  required?: string[];
}

const KNOWN_IDS = ['ktp-el', 'loket-01', 'dukcapil', 'layar-utara', 'kios-lobi', 'skck', 'polres'];

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../..',
    '%',
    '%00',
    '\u0000',
    'null',
    '-1',
    '1e309',
    '<script>',
    "' or 1=1 --",
  ),
  fc.string({ minLength: 500, maxLength: 5000 }),
  fc.uuid(),
  fc.constantFrom(...KNOWN_IDS),
);

/** Values shaped like the schema's properties, each possibly replaced by something wrong. */
function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.jsonValue(), weirdString);
  if (!schema?.properties) return wrong;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    const right = prop.enum
      ? fc.constantFrom(...prop.enum)
      : prop.type === 'string'
        ? weirdString
        : fc.jsonValue();
    fields[name] = fc.oneof(right, wrong);
  }
  return fc.oneof(fc.record(fields, { requiredKeys: [] }), wrong);
}

describe('JSON API', () => {
  let app: AppProcess;
  let staff: Client;
  let operations: Operation[] = [];

  beforeAll(async () => {
    app = await startApp({ env: { LOG_LEVEL: 'info', MPP_DEMO_HISTORY: 'false' } });
    staff = new Client(app.base);
    const manager = app.logins.find((l) => l.username === 'manajer');
    expect(await staff.login('manajer', manager?.password ?? '')).toBe(200);
    const doc = (await (await fetch(`${app.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ ...op, method, path })),
    );
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

  it('documents every endpoint in OpenAPI 3.1 with request schemas from zod', async () => {
    const doc = (await (await fetch(`${app.base}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const issue = operations.find((o) => o.path === '/api/tickets' && o.method === 'post');
    expect(
      issue?.requestBody?.content['application/json'].schema.properties?.priority?.enum,
    ).toContain('lanjut-usia');
  });

  it('answers any input with 2xx or a 4xx carrying a bilingual message, never a 5xx', async () => {
    const anonymous = new Client(app.base);
    await anonymous.fetch('/');
    const call = fc.record({
      op: fc.constantFrom(...operations),
      params: fc.array(weirdString, { minLength: 3, maxLength: 3 }),
      body: fc.constant(null),
      asStaff: fc.boolean(),
      encoding: fc.constantFrom('json', 'form', 'garbage'),
    });
    await fc.assert(
      fc.asyncProperty(
        call.chain((c) =>
          bodyFor(c.op.requestBody?.content['application/json'].schema).map((body) => ({
            ...c,
            body,
          })),
        ),
        async ({ op, params, body, asStaff, encoding }) => {
          // logging out the shared staff session would turn later runs into 401s only
          const client = asStaff && !op.path.endsWith('/logout') ? staff : anonymous;
          let i = 0;
          const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? ''));
          const init: RequestInit & { json?: unknown; form?: Record<string, string> } = {
            method: op.method.toUpperCase(),
            headers: { 'x-csrf-token': client.csrf ?? '' },
          };
          if (op.method === 'post') {
            if (encoding === 'json') init.json = body;
            else if (encoding === 'form') {
              const entries =
                body && typeof body === 'object' ? Object.entries(body) : [['x', String(body)]];
              init.form = Object.fromEntries(
                entries.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
              );
              init.form._csrf = client.csrf ?? '';
            } else {
              init.body = typeof body === 'string' ? body : '{not json';
              init.headers = { ...init.headers, 'content-type': 'application/json' };
            }
          }
          const res = await client.fetch(path.slice(0, 4000), init);
          expect(res.status, `${op.method} ${path} → ${res.status}`).toBeLessThan(500);
          const type = res.headers.get('content-type') ?? '';
          if (res.status >= 400 && type.includes('application/json')) {
            const payload = (await res.json()) as {
              error?: { code: string; message?: { id: string; en: string } };
            };
            expect(payload.error?.code).toBeTruthy();
            expect(payload.error?.message?.id).toBeTruthy();
            expect(payload.error?.message?.en).toBeTruthy();
          } else {
            await res.arrayBuffer();
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  }, 120_000);

  it('explains bad input field by field in Indonesian and English', async () => {
    const res = await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'ktp-el', priority: 'vip', phone: '12' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: { id: string; en: string }; issues: { path: string }[] };
    };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['phone', 'priority']);
    expect(body.error.message.id).toMatch(/^Masukan tidak valid/);
    expect(body.error.message.en).toMatch(/^Invalid input/);
  });

  it('transfers a parked ticket in one officer action (resume, call, start, transfer), once', async () => {
    const post = (path: string, json: unknown) =>
      staff.fetch(path, {
        method: 'POST',
        json,
        headers: { 'x-csrf-token': staff.csrf ?? '' },
      });
    await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'ktp-el' }),
    });
    expect((await post('/api/staff/counter', { counterId: 'loket-01' })).status).toBe(200);
    const called = (await (await post('/api/staff/counters/loket-01/call-next', {})).json()) as {
      ticket: { id: string; number: string } | null;
    };
    const id = called.ticket?.id ?? '';
    expect(id).not.toBe('');
    const parked = (await (await post(`/api/staff/tickets/${id}/park`, {})).json()) as {
      status: string;
    };
    expect(parked.status).toBe('parked');
    const request = { serviceId: 'skck', requestId: `test-${Date.now()}` };
    const res = await post(`/api/staff/tickets/${id}/transfer`, request);
    expect(res.status).toBe(200);
    const moved = (await res.json()) as { status: string; serviceId: string; number: string };
    expect(moved).toMatchObject({ status: 'waiting', serviceId: 'skck' });
    expect(moved.number).toBe(called.ticket?.number);
    // the same form submitted again is refused, not applied a second time
    const again = await post(`/api/staff/tickets/${id}/transfer`, request);
    expect(again.status).toBe(409);
    const status = (await (await post(`/api/staff/tickets/${id}/park`, {})).json()) as {
      error?: unknown;
    };
    expect(status.error).toBeDefined();
  });

  it('stops issuing at the daily cap and says so on the ticket and kiosk pages', async () => {
    const issue = () =>
      fetch(`${app.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'paspor-baru' }),
      });
    // the demo caps paspor-baru at 60 a day
    let refused: Response | undefined;
    for (let i = 0; i < 70 && !refused; i++) {
      const res = await issue();
      if (res.status !== 201 && res.status !== 200) refused = res;
    }
    expect(refused?.status).toBe(409);
    const page = await (await fetch(`${app.base}/ambil/paspor-baru`)).text();
    expect(page).toContain('data-testid="cap-reached"');
    expect(page).not.toContain('action="/api/tickets"');
    const standard = await (await fetch(`${app.base}/layanan/paspor-baru`)).text();
    expect(standard).toContain('data-testid="cap-reached"');
    expect(standard).not.toContain('href="/ambil/paspor-baru"');
    const kiosk = await (await fetch(`${app.base}/kiosk/kios-lobi`)).text();
    expect(kiosk).toContain('Kuota hari ini habis');
    expect(await (await fetch(`${app.base}/ambil/ktp-el`)).text()).not.toContain('cap-reached');
  });

  it('rejects a form post without the CSRF token, and a staff JSON call without the header', async () => {
    const browser = new Client(app.base);
    await browser.fetch('/');
    const form = await browser.fetch('/api/tickets', {
      method: 'POST',
      form: { serviceId: 'ktp-el' },
    });
    expect(form.status).toBe(403);
    const ok = await browser.fetch('/api/tickets', {
      method: 'POST',
      form: { serviceId: 'ktp-el', _csrf: browser.csrf ?? '' },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/tiket\/[\w-]+$/);
    const noHeader = await staff.fetch('/api/staff/counters/loket-01/call-next', {
      method: 'POST',
      json: {},
    });
    expect(noHeader.status).toBe(403);
  });

  it('sets httpOnly SameSite session cookies and locks an account after 5 failures', async () => {
    const admin = app.logins.find((l) => l.username === 'admin-bpn');
    const client = new Client(app.base);
    await client.fetch('/loket/masuk');
    const res = await client.fetch('/api/staff/login', {
      method: 'POST',
      json: { username: 'admin-bpn', password: admin?.password },
      headers: { 'x-csrf-token': client.csrf ?? '' },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mpp_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    for (let i = 0; i < 5; i++) expect(await client.login('admin-bpn', 'wrong password')).toBe(401);
    expect(await client.login('admin-bpn', admin?.password ?? '')).toBe(423);
    expect(await client.login('nobody-here', 'x')).toBe(401);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${app.base}/metrics`)).text();
    for (const name of [
      'mpp_http_request_duration_seconds',
      'mpp_queue_waiting',
      'mpp_tickets_issued_total',
      'mpp_calls_total',
      'mpp_wait_seconds',
      'mpp_sse_clients',
    ]) {
      expect(metrics).toContain(name);
    }
  });

  it('keeps personal data and ticket codes out of the logs', async () => {
    const res = await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'skck', phone: '081299887766' }),
    });
    const { ticket } = (await res.json()) as { ticket: { code: string } };
    await fetch(`${app.base}/tiket/${ticket.code}`);
    await new Promise((r) => setTimeout(r, 200));
    const logs = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .join('\n');
    expect(logs).toContain('"route":"/tiket"');
    expect(logs).not.toContain('081299887766');
    expect(logs).not.toContain(ticket.code);
    const manager = app.logins.find((l) => l.username === 'manajer');
    expect(logs).not.toContain(manager?.password);
  });
});
