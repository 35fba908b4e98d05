/** A fresh, migrated database per test file on the run's PostgreSQL server. */
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/index.js';
import { withDatabase } from './postgres.js';

let counter = 0;

export interface TestDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
  drop(): Promise<void>;
}

/** Creates a database with the queue schema; `drop()` ends the pool and drops it. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  const name = `q_${process.pid}_${Date.now()}_${counter++}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(inject('postgresUrl'), name);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Idle connections are terminated when the database is dropped at the end.
  pool.on('error', () => undefined);
  await migrate(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const a = new pg.Client({ connectionString: inject('postgresUrl') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
