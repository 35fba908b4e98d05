// Measures the restart after kill -9 of the app alone (its PostgreSQL left running): what the
// dead app leaves in PostgreSQL, how long the restart takes, and call-next/console latency for
// 15 s after it (docs/decisions/0067). After `build`: node bench/restart-measure.ts [runs]
import pg from 'pg';
import { Client, removeDataDir, startApp } from '../test/support/app-process.ts';

const runs = Number(process.argv[2] ?? 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
for (let run = 0; run < runs; run++) {
  const a = await startApp({ env: { MPP_DEMO_HISTORY: 'false' } });
  const pw = a.logins.find((l) => l.username === 'manajer')?.password ?? '';
  const m = new Client(a.base);
  await m.login('manajer', pw);
  let running = true;
  const load = (async () => {
    let i = 0;
    while (running) {
      await Promise.all([
        fetch(`${a.base}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: i % 2 ? 'ktp-el' : 'skck' }),
        })
          .then((r) => r.arrayBuffer())
          .catch(() => {}),
        m
          .post(`/api/staff/counters/${i % 2 ? 'loket-01' : 'loket-05'}/call-next`)
          .then((r) => r.arrayBuffer())
          .catch(() => {}),
      ]);
      i++;
    }
  })();
  await sleep(3000);
  const t0 = Date.now();
  await a.crash({ database: false });
  running = false;
  await load;
  // what the dead app left in PostgreSQL
  const db = new pg.Client({ connectionString: a.databaseUrl });
  await db.connect();
  for (const at of [0, 1000]) {
    if (at) await sleep(at);
    const act = await db.query(
      `select state, coalesce(wait_event_type,'') w, count(*)::int n from pg_stat_activity where datname='mpp' and pid <> pg_backend_pid() group by 1,2 order by 1`,
    );
    const locks = await db.query(
      `select l.locktype, l.mode, l.granted, count(*)::int n from pg_locks l join pg_stat_activity s using (pid) where s.datname='mpp' and s.pid <> pg_backend_pid() and l.locktype in ('advisory','tuple','transactionid') group by 1,2,3`,
    );
    console.log(
      `run ${run} +${Date.now() - t0}ms after kill: backends`,
      JSON.stringify(act.rows),
      'locks',
      JSON.stringify(locks.rows),
    );
  }
  await db.end();
  const s0 = Date.now();
  const b = await startApp({
    dataDir: a.dataDir,
    env: { MPP_DEMO_HISTORY: 'false', LOG_LEVEL: 'info' },
  });
  const startMs = Date.now() - s0;
  const lines = b
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const orphan = lines.find((l) => String(l.msg).includes('stopping PostgreSQL left running'));
  const listening = lines.find((l) => l.msg === 'listening');
  const first = lines[0];
  console.log(
    `run ${run}: restart ready in ${startMs} ms; orphan stop logged at +${orphan ? orphan.time - first.time : 'n/a'} ms, listening at +${listening ? listening.time - first.time : 'n/a'} ms from first log line`,
  );
  const m2 = new Client(b.base);
  await m2.login('manajer', pw);
  const lat: number[] = [];
  const end = Date.now() + 15000;
  let i = 0;
  while (Date.now() < end) {
    const c = i % 2 ? 'loket-01' : 'loket-05';
    const t = performance.now();
    const r =
      i % 3 === 2 ? await m2.fetch(`/loket`) : await m2.post(`/api/staff/counters/${c}/call-next`);
    await r.arrayBuffer();
    lat.push(performance.now() - t);
    if (i % 4 === 0)
      await fetch(`${b.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'ktp-el' }),
      }).then((x) => x.arrayBuffer());
    i++;
  }
  lat.sort((x, y) => x - y);
  const q = (p: number) => Math.round(lat[Math.floor(p * (lat.length - 1))] ?? 0);
  console.log(
    `run ${run}: ${lat.length} call-next/console requests in 15 s after restart: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms, over 1 s: ${lat.filter((x) => x > 1000).length}`,
  );
  await b.stop();
  await removeDataDir(a.dataDir);
}
