/**
 * The SQL migrations shipped with the package (`migrations/*.sql`, also exported as
 * `@mpp-kit/queue/migrations/*`), for the template app's migration runner or {@link migrate}.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PgPoolLike } from './pg-types.js';

/** One migration: apply in array order, each once. */
export interface Migration {
  /** File name without `.sql`, e.g. `0001_queue_init`; sortable. */
  readonly name: string;
  readonly sql: string;
}

const FILES = [
  '0001_queue_init',
  '0002_queue_call_next',
  '0003_queue_fast_paths',
  '0004_queue_narrow_site_row',
  '0005_queue_call_next_reads',
  '0006_queue_read_model',
  '0007_queue_call_next_claim',
] as const;

function migrationsDir(): URL {
  // From dist/index.js the folder is one level up; from src/stores/postgres/ three.
  for (const relative of ['../migrations/', '../../../migrations/']) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(new URL(`${FILES[0]}.sql`, url))) return url;
  }
  throw new Error('@mpp-kit/queue: migrations folder not found / folder migrasi tidak ditemukan');
}

let loaded: readonly Migration[] | undefined;

/** The package's migrations, read from its `migrations/` folder. */
export function queueMigrations(): readonly Migration[] {
  loaded ??= FILES.map((name) => ({
    name,
    sql: readFileSync(new URL(`${name}.sql`, migrationsDir()), 'utf8'),
  }));
  return loaded;
}

/**
 * Applies the package's migrations that are not applied yet, each in its own
 * transaction, under an advisory lock so several processes may call it at start-up.
 * Records them in `mpp_queue_migrations`.
 */
export async function migrate(pool: PgPoolLike): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('mpp_queue_migrations'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS mpp_queue_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query('SELECT name FROM mpp_queue_migrations')).rows.map(
        (r: { name: string }) => r.name,
      ),
    );
    for (const m of queueMigrations()) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO mpp_queue_migrations (name) VALUES ($1)', [m.name]);
        await client.query('COMMIT');
        applied.push(m.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtext('mpp_queue_migrations'))")
      .catch(() => undefined);
    client.release();
  }
  return applied;
}
