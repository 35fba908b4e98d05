import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listWorkspacePackages } from './boundaries.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('runtime', () => {
  it('every workspace package runs its scripts on Node 24 provisioned by the install', () => {
    for (const { manifest } of listWorkspacePackages(root)) {
      const version = execFileSync(
        'pnpm',
        ['--filter', manifest.name, 'exec', 'node', '--version'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      ).trim();
      assert.match(version, /^v24\./, `${manifest.name} runs on ${version}`);
    }
  });
});
