import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR, runCli, tempDir } from './helpers.js';

/** Splits a one-line shell command, honouring double quotes. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('README example', () => {
  it('runs as written', async () => {
    const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
    const example = readme.split('\n').find((line) => line.startsWith('create-mpp mpp-surabaya'));
    if (example === undefined) throw new Error('README example not found');
    const [command, ...args] = shellWords(example);
    expect(command).toBe('create-mpp');
    const cwd = tempDir();
    const result = await runCli(args, cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const path of ['mpp.config.yaml', 'package.json', 'infra/package.json', 'README.md'])
      expect(existsSync(join(cwd, 'mpp-surabaya', path)), path).toBe(true);
  });
});
