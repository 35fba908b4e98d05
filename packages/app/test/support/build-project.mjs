#!/usr/bin/env node
// Builds test projects (projects using the integration, like one create-mpp writes) with
// `astro build`, so the tests run the app exactly as a region runs it. Each argument is a project
// folder relative to the package (default: test/project, the app with no override; the extension
// tests build test/projects/extended themselves). A project is skipped when its build is newer
// than every source file of the package and of the project.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const projects = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/project'];

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.astro') continue;
    const file = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

const packageSources = Math.max(
  newest(join(packageDir, 'src')),
  statSync(join(packageDir, 'dist/index.js')).mtimeMs,
  statSync(join(packageDir, 'package.json')).mtimeMs,
);
const astro = join(packageDir, 'node_modules/astro/bin/astro.mjs');

for (const name of projects) {
  const project = resolve(packageDir, name);
  if (!existsSync(join(project, 'astro.config.mjs'))) {
    console.error(`build-project: ${project} has no astro.config.mjs`);
    process.exit(2);
  }
  // written only after a build that succeeded (a failed build can leave a partial dist/)
  const built = join(project, 'dist/.built');
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(packageSources, newest(project)))
    continue;
  const result = spawnSync(process.execPath, [astro, 'build', '--root', project], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(built, new Date().toISOString());
}
