#!/usr/bin/env node
/**
 * Prints the logs of the tasks that failed in the latest turbo run, last.
 *
 * Why: CI runs turbo with `--continue` and streams every task's output as it comes,
 * so a failing task's messages end up in the middle of thousands of lines, and a
 * reader who sees only the tail of the log sees "exited (1)" and not why. Turbo
 * writes a run summary (`--summarize`) naming each task's exit code and log file;
 * this prints the failed ones, with the test failures first.
 *
 * Usage: node .ci/turbo-failures.mjs [summary-dir]   (exit code: 1 if any task failed)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Lines of a failed log worth reading first: failures, errors and their surroundings. */
export function failureExcerpt(log, { context = 12, maxLines = 400 } = {}) {
  // Colour codes make the markers unsearchable and the excerpt unreadable in plain logs.
  const lines = stripVTControlCharacters(log).split('\n');
  const marker = /(FAIL|✗|×|AssertionError|Error:|ERR_|Unhandled|timed out|Timeout)/;
  const keep = new Set();
  lines.forEach((line, i) => {
    if (!marker.test(line)) return;
    for (let j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + context); j++) keep.add(j);
  });
  // Always the summary at the end (vitest's counts, the command's own last words).
  for (let j = Math.max(0, lines.length - 20); j < lines.length; j++) keep.add(j);
  const picked = [...keep].sort((a, b) => a - b);
  const out = [];
  let previous = -2;
  for (const j of picked) {
    if (j !== previous + 1) out.push('  …');
    out.push(lines[j]);
    previous = j;
  }
  return out.length > maxLines
    ? [...out.slice(0, maxLines / 2), '  …', ...out.slice(-maxLines / 2)].join('\n')
    : out.join('\n');
}

/** The failed tasks of the newest summary in `dir`: `{ taskId, logFile, exitCode }`. */
export function failedTasks(dir) {
  if (!existsSync(dir)) return [];
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) return [];
  const summary = JSON.parse(readFileSync(newest, 'utf8'));
  return summary.tasks
    .filter((t) => (t.execution?.exitCode ?? 0) !== 0)
    .map((t) => ({ taskId: t.taskId, logFile: t.logFile, exitCode: t.execution.exitCode }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.turbo/runs';
  const failed = failedTasks(dir);
  for (const task of failed) {
    console.log(`\n━━━ failed: ${task.taskId} (exit ${task.exitCode}); log ${task.logFile} ━━━`);
    console.log(
      task.logFile && existsSync(task.logFile)
        ? failureExcerpt(readFileSync(task.logFile, 'utf8'))
        : '(turbo wrote no log for this task)',
    );
  }
  if (failed.length > 0)
    console.log(`\n${failed.length} task(s) failed: ${failed.map((t) => t.taskId).join(', ')}`);
  process.exit(failed.length > 0 ? 1 : 0);
}
