import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { queueMigrations } from '@mpp-kit/queue';
import type pg from 'pg';

/** One migration: its recorded name and its SQL. */
export interface Migration {
  name: string;
  sql: string;
}

/** A migration that was applied and has changed since: released migrations are never edited. */
export class ChangedMigrationError extends Error {
  constructor(readonly names: string[]) {
    super(
      `Migrasi yang sudah diterapkan telah diubah / applied migrations have changed since they ran: ${names.join(', ')}. ` +
        'A released migration is never edited: restore the file and add a new migration instead.',
    );
    this.name = 'ChangedMigrationError';
  }
}

const FILE = /^\d{4}_[\w-]+\.sql$/;

/** The SQL files of a folder in name order, recorded as `<prefix><file>`; none when it is absent. */
export async function migrationsIn(dir: string, prefix = ''): Promise<Migration[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => FILE.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      name: `${prefix}${file}`,
      sql: await readFile(path.join(dir, file), 'utf8'),
    })),
  );
}

/**
 * The app's ordered set: `@mpp-kit/queue`'s migrations, then the app package's own (`dir`), then
 * the project's (`projectDir`, recorded as `project/<file>`), which therefore always run after the
 * package's and may rely on its tables.
 */
export async function appMigrations(dir: string, projectDir?: string): Promise<Migration[]> {
  return [
    ...queueMigrations().map((m) => ({ name: `@mpp-kit/queue/${m.name}`, sql: m.sql })),
    ...(await migrationsIn(dir)),
    ...(projectDir ? await migrationsIn(projectDir, 'project/') : []),
  ];
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Applies each migration once, each in its own transaction, recording its SHA-256; an applied
 * migration whose SQL has changed stops the start with {@link ChangedMigrationError} before
 * anything runs. An advisory lock makes concurrent starts (several app replicas) safe.
 */
export async function migrate(pool: pg.Pool, migrations: Migration[]): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock(7071)');
    // The app's least-privilege database user (infra/aws CONTRACT.md) may not run DDL: when the
    // migrate task has applied everything, a start checks with reads only.
    if (await alreadyApplied(client, migrations)) return applied;
    await client.query(
      'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
    );
    // Databases created before checksums were recorded get theirs on the next start.
    await client.query('alter table schema_migration add column if not exists checksum text');
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string | null }>(
          'select name, checksum from schema_migration',
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    const changed = migrations
      .filter(
        (m) =>
          done.has(m.name) && done.get(m.name) !== null && done.get(m.name) !== checksum(m.sql),
      )
      .map((m) => m.name);
    if (changed.length > 0) throw new ChangedMigrationError(changed);
    for (const m of migrations) {
      if (done.has(m.name)) {
        if (done.get(m.name) === null)
          await client.query('update schema_migration set checksum = $2 where name = $1', [
            m.name,
            checksum(m.sql),
          ]);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query('insert into schema_migration (name, checksum) values ($1, $2)', [
          m.name,
          checksum(m.sql),
        ]);
        await client.query('commit');
        applied.push(m.name);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock(7071)').catch(() => {});
    client.release();
  }
  return applied;
}

/**
 * Whether every migration is recorded with its checksum, found with reads only; an applied
 * migration whose SQL changed is reported as {@link ChangedMigrationError}.
 */
async function alreadyApplied(client: pg.PoolClient, migrations: Migration[]): Promise<boolean> {
  const columns = await client.query<{ column_name: string }>(
    "select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'schema_migration'",
  );
  if (!columns.rows.some((c) => c.column_name === 'checksum')) return false;
  const done = new Map(
    (
      await client.query<{ name: string; checksum: string | null }>(
        'select name, checksum from schema_migration',
      )
    ).rows.map((r) => [r.name, r.checksum]),
  );
  const changed = migrations
    .filter(
      (m) => done.has(m.name) && done.get(m.name) !== null && done.get(m.name) !== checksum(m.sql),
    )
    .map((m) => m.name);
  if (changed.length > 0) throw new ChangedMigrationError(changed);
  return migrations.every((m) => done.get(m.name) === checksum(m.sql));
}
