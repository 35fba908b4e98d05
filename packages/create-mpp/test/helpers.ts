import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** This package's folder and the monorepo root. */
export const PACKAGE_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const MONOREPO_ROOT = resolve(PACKAGE_DIR, '../..');
/** The built command-line entry point (tests run after `build`). */
export const CLI = join(PACKAGE_DIR, 'dist', 'cli.js');

/** A fresh temporary folder outside the repository. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'create-mpp-test-'));
}

/** Runs the built CLI with Node (the one running the tests), never asking questions. */
export async function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, CI: 'true' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Flags that make a complete non-interactive run for Kota Surabaya. */
export const SURABAYA = [
  '--yes',
  '--region-code',
  '35.78',
  '--regency',
  'Kota Surabaya',
  '--admin-email',
  'ops@surabaya.go.id',
];
