#!/usr/bin/env node
// Builds test/project (a project using the integration, like one create-mpp writes) with
// `astro build`, so the tests run the app exactly as a region runs it. Skipped when the build is
// newer than every source file of the package.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const project = join(packageDir, 'test/project');
// written only after a build that succeeded (a failed build can leave a partial dist/)
const built = join(project, 'dist/.built');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.astro') continue;
    const file = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(join(packageDir, 'src')),
  newest(project),
  statSync(join(packageDir, 'dist/index.js')).mtimeMs,
);
if (existsSync(built) && statSync(built).mtimeMs > sources) process.exit(0);
const astro = join(packageDir, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--root', project], {
  stdio: 'inherit',
});
if (result.status === 0) writeFileSync(built, new Date().toISOString());
process.exit(result.status ?? 1);
