import { createPostgresStore } from '../src/index.js';
import { storeContract } from './contract.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const databases: TestDatabase[] = [];

storeContract('PostgreSQL', {
  async create() {
    const db = await createTestDatabase(4);
    databases.push(db);
    return createPostgresStore({ pool: db.pool, pollMs: 50 });
  },
  async dispose() {
    for (const db of databases) await db.drop();
  },
});
