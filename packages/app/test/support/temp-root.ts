/**
 * Vitest global setup: every temporary folder of this run (app data directories with their
 * PostgreSQL, Chromium profiles, config files) is made under one folder, removed at the end,
 * so repeated runs do not fill the disk with embedded databases.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mpp-template-tests-'));
  // The embedded PostgreSQL runs as the `postgres` user when the tests run as root: it must be
  // able to pass through (search only; nothing here is listable by others).
  chmodSync(root, 0o711);
  // Workers and the apps they start inherit the variable, so `os.tmpdir()` is this folder.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 5 });
}
