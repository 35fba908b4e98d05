import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { queueMigrations } from '@mpp-kit/queue';
import type pg from 'pg';

/**
 * Applies `@mpp-kit/queue`'s SQL migrations, then the SQL files of `dir` in name order, each
 * once, each in its own transaction (one ordered set; the package's are recorded under
 * `@mpp-kit/queue/<file>`). An advisory lock makes concurrent starts (several app replicas) safe.
 */
export async function migrate(pool: pg.Pool, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock(7071)');
    await client.query(
      'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await client.query<{ name: string }>('select name from schema_migration')).rows.map(
        (r) => r.name,
      ),
    );
    const all = [
      ...queueMigrations().map((m) => ({
        name: `@mpp-kit/queue/${m.name}`,
        read: async () => m.sql,
      })),
      ...files.map((file) => ({ name: file, read: () => readFile(path.join(dir, file), 'utf8') })),
    ];
    for (const { name: file, read } of all) {
      if (done.has(file)) continue;
      const sql = await read();
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('insert into schema_migration (name) values ($1)', [file]);
        await client.query('commit');
        applied.push(file);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock(7071)').catch(() => {});
    client.release();
  }
  return applied;
}
