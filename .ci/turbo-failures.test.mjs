import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { failedTasks, failureExcerpt } from './turbo-failures.mjs';

describe('turbo-failures', () => {
  it('names the failed tasks of the newest run summary only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpp-turbo-runs-'));
    try {
      const task = (taskId, exitCode) => ({
        taskId,
        logFile: `${taskId}.log`,
        execution: { exitCode },
      });
      writeFileSync(join(dir, 'old.json'), JSON.stringify({ tasks: [task('a#test', 1)] }));
      utimesSync(join(dir, 'old.json'), new Date(1000), new Date(1000));
      writeFileSync(
        join(dir, 'new.json'),
        JSON.stringify({ tasks: [task('b#test', 0), task('c#test', 1), { taskId: 'd#lint' }] }),
      );
      assert.deepEqual(failedTasks(dir), [
        { taskId: 'c#test', logFile: 'c#test.log', exitCode: 1 },
      ]);
      assert.deepEqual(failedTasks(join(dir, 'missing')), []);
      mkdirSync(join(dir, 'empty'));
      assert.deepEqual(failedTasks(join(dir, 'empty')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the failure and its context, drops passing noise, keeps the tail', () => {
    const log = [
      ...Array.from({ length: 50 }, (_, i) => ` \u001b[32m✓\u001b[39m passing ${i}`),
      ' FAIL  test/x.test.ts > drains the queue',
      'AssertionError: expected 2 to be 1',
      '  at test/x.test.ts:12:3',
      ...Array.from({ length: 50 }, (_, i) => ` ✓ later ${i}`),
      ' Tests  1 failed | 99 passed (100)',
    ].join('\n');
    const excerpt = failureExcerpt(log);
    assert.match(excerpt, /FAIL {2}test\/x\.test\.ts > drains the queue/);
    assert.match(excerpt, /AssertionError: expected 2 to be 1/);
    assert.match(excerpt, /Tests {2}1 failed \| 99 passed/);
    assert.doesNotMatch(excerpt, /passing 10\b/);
    assert.ok(!excerpt.includes('\u001b'), 'colour codes are removed');
  });
});
