/** Vitest global setup: the run's config variants and stand-in commands go in one folder, removed at the end. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mpp-infra-tests-'));
  // The contract test's PostgreSQL runs as the `postgres` user when the tests run as root: it
  // must be able to pass through (search only; nothing here is listable by others).
  chmodSync(root, 0o711);
  process.env.TMPDIR = root; // forks inherit it: their `os.tmpdir()` is this folder
  return () => rmSync(root, { recursive: true, force: true });
}
