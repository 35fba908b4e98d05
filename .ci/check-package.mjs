#!/usr/bin/env node
// Proves that the package in the current directory publishes correctly: packs it the way
// `changeset publish` will (pnpm rewrites `workspace:` ranges), then checks the tarball
// itself — no `workspace:` range left, publint clean, and types resolve (attw).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'mpp-pack-'));
const problems = [];
try {
  run('pnpm', ['pack', '--pack-destination', work]);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
  const tarPath = join(work, tarball);
  run('tar', ['-xzf', tarPath, '-C', work]);
  const packed = readFileSync(join(work, 'package', 'package.json'), 'utf8');
  for (const [i, line] of packed.split('\n').entries()) {
    if (line.includes('workspace:')) {
      problems.push(
        `package.json:${i + 1} in the tarball still has a workspace: range: ${line.trim()}`,
      );
    }
  }
  try {
    const out = run('publint', ['run', join(work, 'package'), '--strict']);
    process.stdout.write(out);
  } catch (error) {
    problems.push(`publint:\n${error.stdout}${error.stderr}`);
  }
  try {
    // Astro components (@mpp-kit/app's layout) are compiled by the project's build, not loaded
    // by Node: there are no types or JavaScript for attw to find.
    const components = Object.keys(manifest.exports ?? {}).filter((key) => key.endsWith('.astro'));
    const exclude = components.length > 0 ? ['--exclude-entrypoints', ...components] : [];
    const out = run('attw', [
      tarPath,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      ...exclude,
    ]);
    process.stdout.write(out);
  } catch (error) {
    problems.push(`attw:\n${error.stdout}${error.stderr}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`${manifest.name} is not ready to publish:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`${manifest.name}: tarball has no workspace: ranges; publint and attw clean`);
