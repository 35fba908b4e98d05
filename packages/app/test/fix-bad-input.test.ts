// Bad input that reached a 500 (or a 200 cut off mid-stream) or wrote an error log line: deeply
// nested JSON bodies, dates in the years 0000 and 0001, a malformed percent-encoding in a path.
// Each is a clear 4xx, and no error-level line is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  type Client,
  removeDataDir,
  signedIn,
  startApp,
} from './support/app-process.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** pino's error (50) and fatal (60) lines in the app's output. */
const errorLines = (output: string) =>
  output.split('\n').filter((line) => /"level":(50|60)|\[ERROR\]/.test(line));

describe('bad input is a clear 4xx without an error log', () => {
  let app: AppProcess;
  let manager: Client;

  beforeAll(async () => {
    app = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    manager = await signedIn(app, 'manajer');
  });
  afterAll(async () => {
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  it('deeply nested JSON bodies are refused with a 400 naming where the nesting went too deep', async () => {
    for (const path of ['/api/tickets', '/api/complaints']) {
      for (const body of [nested(5_000), nested(8_000), nestedObject(6_000), nested(100)]) {
        const res = await fetch(`${app.base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const text = await res.text();
        expect(res.status, `${path} ${body.length}`).toBe(400);
        expect(text, path).toContain('nested deeper than');
      }
    }
    // a sensible body still works
    const ok = await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'ktp-el' }),
    });
    expect(ok.status).toBe(201);
    await ok.arrayBuffer();
    expect(errorLines(app.output())).toEqual([]);
  });

  it('dates in the years 0000 and 0001 are a 400 on every endpoint and page, before any streaming', async () => {
    const ranges = [
      'dari=2026-01-01&sampai=0000-01-01',
      'dari=0000-01-01&sampai=2026-01-01',
      'dari=0001-01-01',
      'sampai=0001-01-01',
      'sampai=0000-12-31',
      'dari=2026-03-01&sampai=2026-02-01',
      'dari=1999-12-31',
      'dari=2026-02-30',
    ];
    const periods = [
      'periode=bulan&p=0000-01',
      'periode=month&p=0001-01',
      'periode=quarter&p=0000-Q1',
      'p=0001',
    ];
    const publicPaths = ['/api/open-data/antrean.json', '/api/open-data/antrean.csv'];
    const periodPaths = [
      '/api/open-data/ikm.json',
      '/api/open-data/ikm.csv',
      '/hasil',
      '/hasil/cetak',
      '/hasil/laporan.csv',
    ];
    const staffPaths = [
      '/api/staff/analytics',
      '/api/staff/analytics/export.csv',
      '/loket/analitik',
    ];
    const seen: string[] = [];
    const expect400 = async (client: Client | undefined, url: string) => {
      const res = client ? await client.fetch(url) : await fetch(`${app.base}${url}`);
      // the whole body arrives (a stream cut off mid-way would reject here)
      const text = await res.text();
      seen.push(`${res.status} ${url}`);
      expect(res.status, url).toBe(400);
      expect(text, url).toMatch(/tanggal|periode|date|period/i);
    };
    for (const q of ranges) {
      for (const path of publicPaths) await expect400(undefined, `${path}?${q}`);
      for (const path of staffPaths) await expect400(manager, `${path}?${q}`);
    }
    for (const q of periods) {
      for (const path of periodPaths) await expect400(undefined, `${path}?${q}`);
    }
    // sensible ranges still answer 200, and a far-future end is still clamped to today
    for (const url of [
      '/api/open-data/antrean.csv?dari=2026-01-01&sampai=2026-01-31',
      '/api/open-data/antrean.json?sampai=9999-12-31',
      '/hasil?periode=month&p=2026-01',
      '/api/open-data/ikm.json?periode=year&p=2026',
    ]) {
      const res = await fetch(`${app.base}${url}`);
      await res.arrayBuffer();
      expect(res.status, url).toBe(200);
    }
    const staff = await manager.fetch('/api/staff/analytics?dari=2026-01-01&sampai=2026-01-31');
    await staff.arrayBuffer();
    expect(staff.status).toBe(200);
    expect(errorLines(app.output())).toEqual([]);
  }, 60_000);

  it('a malformed percent-encoding in a path is a quiet 404', async () => {
    for (const path of [
      '/layanan/%E0%A4%A',
      '/tiket/%E0%A4%A',
      '/%E0%A4%A',
      '/kiosk/%ZZ',
      '/api/tickets/%C3',
    ]) {
      const res = await fetch(`${app.base}${path}`);
      await res.arrayBuffer();
      expect([400, 404], path).toContain(res.status);
    }
    // give the log a moment to be flushed
    await new Promise((r) => setTimeout(r, 300));
    expect(errorLines(app.output())).toEqual([]);
  });
});
