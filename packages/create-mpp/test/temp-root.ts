/** Vitest global setup: every scaffolded project of the run goes in one folder, removed at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const projects = mkdtempSync(join(tmpdir(), 'create-mpp-tests-'));
  process.env.TMPDIR = projects; // the test workers inherit it, so `tempDir()` lands inside
  return () => rmSync(projects, { recursive: true, force: true });
}
