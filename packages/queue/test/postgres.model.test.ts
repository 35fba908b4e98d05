import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPostgresStore, type QueueStore } from '../src/index.js';
import { opArb, policyArb, runScenario } from './model-based.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

describe('model-based: PostgreSQL store against the same reference model', () => {
  let db: TestDatabase;
  let store: QueueStore;
  beforeAll(async () => {
    db = await createTestDatabase(4);
    store = createPostgresStore({ pool: db.pool, siteCacheMs: 0 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('agrees with the model (same order as the in-memory store)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        policyArb,
        fc.array(opArb, { minLength: 20, maxLength: 50, size: 'max' }),
        async (policy, ops) => {
          await runScenario(store, `model-${run++}`, policy, ops);
        },
      ),
      { numRuns: 12 },
    );
  });
});
