import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/index.js';
import { opArb, policyArb, runScenario } from './model-based.js';

describe('model-based: in-memory store against the reference model', () => {
  it('agrees with the model and keeps every invariant', async () => {
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(
        policyArb,
        fc.array(opArb, { minLength: 20, maxLength: 80, size: 'max' }),
        async (policy, ops) => {
          calls += (await runScenario(createMemoryStore(), 'model-site', policy, ops)).calls;
        },
      ),
      { numRuns: 150 },
    );
    // The scenarios really exercise calling (guards against a vacuous run).
    expect(calls).toBeGreaterThan(500);
  });
});
