// Production runs several app processes on one database: an administration change made on one
// must reach the others within seconds (NOTIFY after the commit, and a periodic re-check in
// case a notification is lost), not only after their restart.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, removeDataDir, signedIn, startApp } from './support/app-process.js';

interface ConfigView {
  version: number;
  agencies: { id: string; name: { id: string }; services: { code: string; offered: boolean }[] }[];
}

/** Polls `check` every 100 ms; the time it took, or fails after `ms`. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not seen within ${ms} ms`);
}

describe('administration changes reach every process', () => {
  let first: AppProcess;
  let second: AppProcess;

  beforeAll(async () => {
    first = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
    // a second replica on the same database (demo-logins.json is read from the first's folder)
    second = await startApp({
      dataDir: first.dataDir,
      env: {
        DATABASE_URL: first.databaseUrl,
        MPP_DEMO_ACCOUNTS: 'false',
        MPP_ADMIN_RECHECK_SECONDS: '2',
      },
    });
  });

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    if (first) await removeDataDir(first.dataDir);
  });

  it('a change on one process is applied on the other within seconds', async () => {
    const onFirst = await signedIn(first, 'manajer');
    const onSecond = await signedIn(second, 'manajer');
    const agencyName = async () =>
      (
        (await (await onSecond.fetch('/api/staff/admin/config')).json()) as ConfigView
      ).agencies.find((a) => a.id === 'polres')?.name.id;
    expect(await agencyName()).not.toBe('Polres Replika');

    const rename = await onFirst.post('/api/staff/admin/config', {
      kind: 'agency',
      agency: 'polres',
      name: { id: 'Polres Replika', en: 'Police Replica' },
    });
    expect(rename.status).toBe(200);
    const renamed = await within(
      5_000,
      'rename on the other process',
      async () => (await agencyName()) === 'Polres Replika',
    );

    // a service switched off on the first: the second's queue refuses its tickets too
    const off = await onFirst.post('/api/staff/admin/config', {
      kind: 'service',
      service: 'dukcapil.ktp-el',
      offered: false,
      dailyCap: null,
    });
    expect(off.status).toBe(200);
    const refused = await within(5_000, 'service off on the other process', async () => {
      const res = await fetch(`${second.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'ktp-el' }),
      });
      await res.arrayBuffer();
      return res.status === 409;
    });
    console.info(
      `seen on the other process after ${renamed} ms (rename), ${refused} ms (service off)`,
    );
  }, 60_000);

  it('a change whose notification was lost is picked up by the periodic re-check', async () => {
    const onSecond = await signedIn(second, 'manajer');
    const db = new pg.Client({ connectionString: first.databaseUrl });
    await db.connect();
    try {
      // stored as the app stores it, but without the NOTIFY: as if the listener was reconnecting
      const last = await db.query<{ overlay: Record<string, unknown> }>(
        'select overlay from admin_overlay order by version desc limit 1',
      );
      const overlay = structuredClone(last.rows[0]?.overlay ?? {}) as {
        agencies?: Record<string, unknown>;
      };
      overlay.agencies = {
        ...overlay.agencies,
        samsat: {
          ...(overlay.agencies?.samsat as object),
          name: { id: 'Samsat Senyap', en: 'Quiet Samsat' },
        },
      };
      await db.query('insert into admin_overlay (username, change, overlay) values ($1, $2, $3)', [
        'manajer',
        JSON.stringify({
          kind: 'agency',
          agency: 'samsat',
          name: { id: 'Samsat Senyap', en: 'Quiet Samsat' },
        }),
        JSON.stringify(overlay),
      ]);
    } finally {
      await db.end();
    }
    await within(6_000, 'silent change on the other process', async () => {
      const view = (await (await onSecond.fetch('/api/staff/admin/config')).json()) as ConfigView;
      return view.agencies.find((a) => a.id === 'samsat')?.name.id === 'Samsat Senyap';
    });
  }, 30_000);
});
