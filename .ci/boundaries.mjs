#!/usr/bin/env node
// Import boundaries of the monorepo, checked in CI:
//   1. packages/* never import from apps/, templates/ or infra/;
//   2. a package imports another only through that package's public `exports`
//      (no relative path out of its own folder, no deep import that `exports` does not list);
//   3. a package imports only workspace packages it declares in its package.json;
//   4. there are no cycles between workspace packages;
//   5. inside packages/app/src, imports go one way between its folders (APP_LAYERS below, decision
//      0098): routes → features → shared → other packages, with the composition root (server),
//      the API schemas (api), the extension points (overridable) and the build entry (integration)
//      placed between them; features import only features before them in FEATURE_ORDER.
// Specifiers are read with TypeScript's own pre-processor, so comments and strings never fool it;
// `.astro` files are read too (their frontmatter and <script> blocks).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const SOURCE = /\.((c|m)?(t|j)sx?|astro)$/;
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
  const entries = readdirSync(dir, { withFileTypes: true });
  // in name order, so that reports read the same on every file system
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * The import specifiers of a source file with their line numbers. An `.astro` file is read as its
 * frontmatter (between the first two `---` lines) and its `<script>` blocks; the template itself
 * imports nothing.
 */
export function importsOf(file, text) {
  const parts = [];
  if (file.endsWith('.astro')) {
    const frontmatter = /^(\s*---\r?\n)([\s\S]*?)\r?\n---/.exec(text);
    if (frontmatter) parts.push({ offset: frontmatter[1].length, code: frontmatter[2] });
    for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      parts.push({ offset: script.index + script[0].indexOf('>') + 1, code: script[1] });
    }
  } else parts.push({ offset: 0, code: text });
  return parts.flatMap(({ offset, code }) =>
    ts.preProcessFile(code, true, true).importedFiles.map((imported) => ({
      specifier: imported.fileName,
      line: text.slice(0, offset + imported.pos).split('\n').length,
    })),
  );
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

/** Where packages/app keeps its sources; the layer rules apply when it exists. */
const APP_SRC = 'packages/app/src';

/**
 * The features of the app in dependency order: a feature may import those before it, never one
 * after it, so the features form no cycle. A new feature folder is placed here on purpose.
 */
export const FEATURE_ORDER = [
  'catalogue',
  'staff',
  'queue',
  'survey',
  'complaints',
  'analytics',
  'admin',
  'demo',
];

/**
 * What each folder of packages/app/src may import (relative imports only; other packages are
 * rules 1–3). `feature` is any feature folder, `registry` the files directly in features/
 * (app-context.ts, the services a request gets), `components` a feature's components/ folder.
 */
export const APP_LAYERS = {
  integration: ['integration', 'overridable'],
  server: ['server', 'feature', 'registry', 'components', 'shared', 'api'],
  routes: ['routes', 'feature', 'registry', 'components', 'shared', 'api', 'overridable'],
  api: ['api', 'feature', 'registry', 'shared'],
  overridable: ['overridable', 'components', 'shared'],
  registry: ['registry', 'feature', 'components', 'shared'],
  // and only features before their own in FEATURE_ORDER; components may render overridables
  feature: ['registry', 'feature', 'shared'],
  components: ['registry', 'feature', 'components', 'shared', 'overridable'],
  shared: ['shared'],
  // the layout renders the Header and Footer extension points
  layout: ['shared', 'overridable'],
};

/**
 * Imports inside packages/app/src that break APP_LAYERS today, each with the reason it stays for
 * now. The list only shrinks: an entry that no longer matches an import is reported.
 */
export const APP_LAYER_EXCEPTIONS = [];

/** The layer of a file inside packages/app/src, and its feature when it is in one. */
function appLayer(relativePath) {
  const parts = relativePath.split('/');
  const [top] = parts;
  if (top === 'middleware.ts' || top === 'routes') return { layer: 'routes' };
  if (top === 'features') {
    if (parts.length === 2) return { layer: 'registry' };
    const feature = parts[1];
    return { layer: parts[2] === 'components' ? 'components' : 'feature', feature };
  }
  if (top === 'shared') return { layer: parts[1] === 'layout' ? 'layout' : 'shared' };
  if (['integration', 'server', 'api', 'overridable'].includes(top)) return { layer: top };
  return undefined;
}

const describeArea = (relativePath, { layer, feature }) => {
  if (feature) return `features/${feature}${layer === 'components' ? '/components' : ''}`;
  if (layer === 'registry') return relativePath;
  return layer === 'layout' ? 'shared/layout' : relativePath.split('/')[0];
};

/** Violations of APP_LAYERS under `root` (none when it has no packages/app/src). */
export function appLayerViolations(root, exceptions = APP_LAYER_EXCEPTIONS) {
  const srcAbs = resolve(root, APP_SRC);
  if (!existsSync(srcAbs)) return [];
  const violations = [];
  const used = new Set();
  for (const file of sourceFiles(srcAbs)) {
    if (/\.(test|spec)\.[cm]?[tj]sx?$/.test(file)) continue;
    const from = appLayer(relative(srcAbs, file).split(sep).join('/'));
    if (!from) continue;
    const fromFile = relative(root, file).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    for (const { specifier, line } of importsOf(file, text)) {
      if (!specifier.startsWith('.')) continue;
      const targetRel = relative(srcAbs, resolve(dirname(file), specifier));
      if (targetRel.startsWith('..')) continue; // rule 2 reports it
      const targetPath = targetRel.split(sep).join('/');
      const found = appLayer(targetPath);
      if (!found) continue;
      // shared/layout is part of shared for whoever imports it; only what it may import differs
      const to = found.layer === 'layout' ? { layer: 'shared' } : found;
      const fromArea = describeArea(fromFile.slice(APP_SRC.length + 1), from);
      const toArea = describeArea(targetPath, found);
      const order = (feature) => FEATURE_ORDER.indexOf(feature);
      let problem;
      if (from.feature && order(from.feature) < 0) {
        problem = `feature "${from.feature}" is not placed in FEATURE_ORDER (.ci/boundaries.mjs)`;
      } else if (!APP_LAYERS[from.layer].includes(to.layer)) {
        problem = `${fromArea} may not import ${toArea}`;
      } else if (from.feature && to.feature && order(to.feature) > order(from.feature)) {
        problem = `${fromArea} may not import ${toArea}, which comes after it in FEATURE_ORDER`;
      }
      if (!problem) continue;
      const exception = exceptions.find(
        (e) => e.file === fromFile && (toArea === e.target || toArea.startsWith(`${e.target}/`)),
      );
      if (exception) {
        used.add(exception);
        continue;
      }
      violations.push(`${fromFile}:${line}: ${problem} ("${specifier}"); see APP_LAYERS`);
    }
  }
  for (const exception of exceptions) {
    if (!used.has(exception) && existsSync(resolve(root, exception.file))) {
      violations.push(
        `${exception.file}: known exception for ${exception.target} no longer needed; remove it from APP_LAYER_EXCEPTIONS`,
      );
    }
  }
  return violations;
}

/** All boundary violations under `root`, each as `file:line: message`. */
export function findViolations(root, options = {}) {
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
      for (const { specifier: spec, line } of importsOf(file, text)) {
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
  violations.push(...appLayerViolations(root, options.appExceptions));
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
