#!/usr/bin/env node
// Import boundaries of the monorepo, checked in CI:
//   1. packages/* never import from apps/, templates/ or infra/;
//   2. a package imports another only through that package's public `exports`
//      (no relative path out of its own folder, no deep import that `exports` does not list);
//   3. a package imports only workspace packages it declares in its package.json;
//   4. there are no cycles between workspace packages.
// Specifiers are read with TypeScript's own pre-processor, so comments and strings never fool it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const SOURCE = /\.(c|m)?(t|j)sx?$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.turbo', 'storybook-static', 'coverage']);
const WORKSPACE_ROOTS = ['packages', 'apps', 'templates', 'infra'];

/** Every workspace package below `root`: name, folder (relative to root), manifest. */
export function listWorkspacePackages(root) {
  const found = [];
  const visit = (dir, depth) => {
    const manifestPath = join(dir, 'package.json');
    if (existsSync(manifestPath)) {
      found.push({
        dir: relative(root, dir),
        manifest: JSON.parse(readFileSync(manifestPath, 'utf8')),
      });
      return;
    }
    if (depth === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name))
        visit(join(dir, entry.name), depth - 1);
    }
  };
  for (const top of WORKSPACE_ROOTS) {
    if (existsSync(join(root, top))) visit(join(root, top), 2);
  }
  return found;
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Whether `subpath` ("." or "./x") is matched by an `exports` map (strings, conditions, `*` patterns). */
export function isExported(exportsField, subpath) {
  if (exportsField === undefined) return subpath === '.';
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return subpath === '.';
  const keys = Object.keys(exportsField);
  if (!keys.some((k) => k.startsWith('.'))) return subpath === '.'; // conditions only
  return keys.some((key) => {
    if (exportsField[key] === null) return false;
    if (!key.includes('*')) return key === subpath;
    const [head, tail] = key.split('*');
    return (
      subpath.startsWith(head) &&
      subpath.endsWith(tail) &&
      subpath.length >= head.length + tail.length
    );
  });
}

function splitBare(specifier) {
  const parts = specifier.split('/');
  const count = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, count).join('/');
  const rest = parts.slice(count).join('/');
  return { name, subpath: rest ? `./${rest}` : '.' };
}

/** All boundary violations under `root`, each as `file:line: message`. */
export function findViolations(root) {
  const packages = listWorkspacePackages(root);
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const violations = [];
  const edges = new Map(packages.map((p) => [p.manifest.name, new Set()]));

  for (const pkg of packages) {
    const isLibrary = pkg.dir.split(sep)[0] === 'packages';
    const pkgAbs = resolve(root, pkg.dir);
    const declared = new Set(
      ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((f) =>
        Object.keys(pkg.manifest[f] ?? {}),
      ),
    );
    for (const file of sourceFiles(pkgAbs)) {
      const text = readFileSync(file, 'utf8');
      const { importedFiles } = ts.preProcessFile(text, true, true);
      for (const imported of importedFiles) {
        const spec = imported.fileName;
        const line = text.slice(0, imported.pos).split('\n').length;
        const where = `${relative(root, file)}:${line}`;
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = resolve(dirname(file), spec);
          const rel = relative(root, target);
          if (isLibrary && ['apps', 'templates', 'infra'].includes(rel.split(sep)[0])) {
            violations.push(
              `${where}: packages may not import from ${rel.split(sep)[0]}/ ("${spec}")`,
            );
          } else if (relative(pkgAbs, target).startsWith('..')) {
            violations.push(
              `${where}: "${spec}" reaches outside ${pkg.dir}; import another package by its name and public exports`,
            );
          }
          continue;
        }
        const { name, subpath } = splitBare(spec);
        const dep = byName.get(name);
        if (!dep || name === pkg.manifest.name) continue;
        edges.get(pkg.manifest.name).add(name);
        const depTop = dep.dir.split(sep)[0];
        if (isLibrary && depTop !== 'packages') {
          violations.push(`${where}: packages may not import from ${depTop}/ ("${spec}")`);
        }
        if (!isExported(dep.manifest.exports, subpath)) {
          violations.push(`${where}: "${spec}" is not in the public exports of ${name}`);
        }
        if (!declared.has(name)) {
          violations.push(
            `${where}: ${name} is imported but not declared in ${pkg.dir}/package.json`,
          );
        }
      }
    }
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const name of Object.keys(pkg.manifest[field] ?? {})) {
        if (byName.has(name) && name !== pkg.manifest.name) edges.get(pkg.manifest.name).add(name);
      }
    }
  }

  // Cycles between packages: depth-first search over the package graph.
  const state = new Map();
  const stack = [];
  const visit = (name) => {
    state.set(name, 'open');
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        violations.push(`cycle between packages: ${cycle.join(' → ')}`);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const violations = findViolations(root);
  if (violations.length > 0) {
    console.error(`Import boundaries broken (${violations.length}):\n${violations.join('\n')}`);
    process.exit(1);
  }
  const count = listWorkspacePackages(root).length;
  console.log(`Import boundaries hold across ${count} workspace packages.`);
}
