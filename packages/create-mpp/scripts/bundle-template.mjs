#!/usr/bin/env node
// Copies the thin project (templates/mpp: config, branding, overrides over @mpp-kit/app) and the
// infrastructure program (infra/aws) into dist/template/ so that they ship inside the create-mpp
// tarball, made standalone:
//   - every `workspace:` range becomes the published range (`^<version>` from the workspace
//     manifests), and the build tools the monorepo root provides are declared;
//   - a tsconfig `extends` that points into the monorepo is inlined;
//   - dotfiles npm would drop are renamed (.gitignore → _gitignore);
//   - the project gets its own .gitignore and a biome.json with the root's style settings.
// The project is an npm project (package-lock.json, `npm ci` in its Dockerfile); `infra/` is a
// second npm project next to it, installed on its own (decision 0092).
// Runs after tsup (it uses the built helpers) and again before packing.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const monorepo = resolve(packageDir, '../..');
const out = join(packageDir, 'dist', 'template');
const builtHelpers = join(packageDir, 'dist', 'index.js');
if (!existsSync(builtHelpers)) {
  console.error('dist/index.js belum ada; jalankan tsup dulu / is missing; run tsup first');
  process.exit(1);
}
const {
  addRootTools,
  findLeaks,
  formatLeaks,
  inlineTsconfigBase,
  PROJECT_GITIGNORE,
  projectBiome,
  rewriteClimbingPaths,
  rewriteWorkspaceRanges,
  TEMPLATE_SOURCES,
  TEXT_FILE,
  templateSourceOf,
} = await import(pathToFileURL(builtHelpers).href);

/** Template folders and where they land in a new project. */
const SOURCES = TEMPLATE_SOURCES.map(({ from, to }) => ({ from, to: to || '.' }));
const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  '.turbo',
  'coverage',
  'storybook-static',
  '.data',
  '.astro',
  'bench-results',
]);
const SKIP_FILE = /(?:\.tsbuildinfo|\.log)$|^(?:CHANGELOG\.md|\.env(?:\.(?!example$).*)?)$/;
/**
 * Tests that need the monorepo itself and stay out of a new project: the app contract test runs
 * the app package's sources and test project (packages/app), which a region's project does not hold.
 */
const MONOREPO_ONLY = /^test\/(?:app-contract\.test\.ts|contract\/)/;
const RENAME = { '.gitignore': '_gitignore', '.npmrc': '_npmrc' };

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function workspacePackages() {
  const found = new Map();
  for (const top of ['packages', 'apps', 'templates', 'infra']) {
    const dir = join(monorepo, top);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const manifestPath = join(dir, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
      const manifest = readJson(manifestPath);
      found.set(manifest.name, { version: manifest.version, private: manifest.private === true });
    }
  }
  return found;
}

/** The files of a source folder: what git would commit (tracked or new, never ignored). */
function sourceFiles(dir) {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // Outside a git checkout (the release rehearsal's copy holds only such files anyway), walk.
  const files = listed.status === 0 ? listed.stdout.split('\0').filter(Boolean) : listFiles(dir);
  return files.filter(
    (file) =>
      existsSync(join(dir, file)) &&
      !file.split('/').some((part) => SKIP_DIRS.has(part)) &&
      !SKIP_FILE.test(file.split('/').pop()) &&
      !MONOREPO_ONLY.test(file),
  );
}

function copyTree(fromDir, toDir) {
  for (const file of sourceFiles(fromDir)) {
    const parts = file.split('/');
    const name = parts.pop();
    const target = join(toDir, ...parts, RENAME[name] ?? name);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(fromDir, file), target);
  }
}

/** Inlines every tsconfig `extends` that leaves the source folder; returns whether Node types are used. */
function standaloneTsconfigs(sourceDir, targetDir) {
  let nodeTypes = false;
  for (const name of readdirSync(targetDir)) {
    if (!/^tsconfig.*\.json$/.test(name)) continue;
    let config = readJson(join(targetDir, name));
    let from = sourceDir;
    while (typeof config.extends === 'string' && config.extends.startsWith('.')) {
      const basePath = resolve(from, config.extends);
      if (!relative(sourceDir, basePath).startsWith('..')) break;
      config = inlineTsconfigBase(config, readJson(basePath));
      from = dirname(basePath);
    }
    const types = config.compilerOptions?.types;
    if (Array.isArray(types) && types.includes('node')) nodeTypes = true;
    writeJson(join(targetDir, name), config);
  }
  return nodeTypes;
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), base)
      : [relative(base, join(dir, entry.name)).split('\\').join('/')],
  );
}

const workspace = workspacePackages();
const rootManifest = readJson(join(monorepo, 'package.json'));
rmSync(out, { recursive: true, force: true });
for (const { from, to } of SOURCES) {
  const sourceDir = join(monorepo, from);
  const targetDir = join(out, to);
  copyTree(sourceDir, targetDir);
  const nodeTypes = standaloneTsconfigs(sourceDir, targetDir);
  const manifestPath = join(targetDir, 'package.json');
  let manifest = rewriteWorkspaceRanges(readJson(manifestPath), workspace, `${from}/package.json`);
  manifest = addRootTools(manifest, rootManifest.devDependencies ?? {}, nodeTypes);
  writeJson(manifestPath, manifest);
}

// The monorepo root's lint and format settings, without what only the monorepo has; and the
// ignore rules of an MPP project (not the monorepo's).
writeJson(join(out, 'biome.json'), projectBiome(readJson(join(monorepo, 'biome.json'))));
writeFileSync(join(out, '_gitignore'), PROJECT_GITIGNORE);
const versions = Object.fromEntries(
  [...workspace].filter(([, p]) => !p.private).map(([name, p]) => [name, p.version]),
);
writeJson(join(out, '..', 'template.json'), { versions });

// Paths that climbed out of a template folder: fixed where they lead to the project or, in
// Markdown, to the repository on the web. The infra program reads the project's own config.
const sourceOf = templateSourceOf(monorepo);
const ownManifest = readJson(join(packageDir, 'package.json'));
const repositoryBlobUrl = `${ownManifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main`;
for (const file of listFiles(out)) {
  if (!TEXT_FILE.test(file.split('/').pop())) continue;
  const path = join(out, file);
  const text = readFileSync(path, 'utf8');
  const source = sourceOf(file.replace(/(^|\/)_(gitignore|npmrc)$/, '$1.$2'));
  const fixed = rewriteClimbingPaths(text, {
    file,
    source,
    monorepoRoot: monorepo,
    repositoryBlobUrl,
  });
  if (fixed !== text) writeFileSync(path, fixed);
}
const pulumiProject = join(out, 'infra', 'Pulumi.yaml');
if (existsSync(pulumiProject)) {
  const doc = parseDocument(readFileSync(pulumiProject, 'utf8'));
  if (doc.hasIn(['config', 'configFile'])) {
    doc.setIn(['config', 'configFile', 'default'], '../mpp.config.yaml');
    writeFileSync(pulumiProject, doc.toString({ lineWidth: 100 }));
  }
}
let leaks = findLeaks(out, {
  monorepoRoot: monorepo,
  sourceOf: (file) => sourceOf(file.replace(/(^|\/)_(gitignore|npmrc)$/, '$1.$2')),
});
// A test that reads the monorepo itself (its docs, other packages) checks the monorepo, not a
// new project: it is left out of the template, and said so. Any other leak fails the build.
const monorepoTests = new Set(
  leaks
    .filter((l) => l.reason === 'path-outside-project' && /\.test\.[cm]?[jt]sx?$/.test(l.file))
    .map((l) => l.file),
);
for (const file of monorepoTests) {
  rmSync(join(out, file));
  console.log(`create-mpp: left out ${file} (it reads files outside the template folder)`);
}
leaks = leaks.filter((l) => !monorepoTests.has(l.file));
if (leaks.length > 0) {
  console.error(
    `Templat masih terikat ke monorepo / the template is still tied to the monorepo:\n${formatLeaks(leaks)}`,
  );
  process.exit(1);
}
// create-mpp writes mpp.config.yaml in the @mpp-kit/config schema (decision 0082). If the
// template's own sample is not in that schema, the template does not read it through
// @mpp-kit/config yet, and a new project will refuse its config: say so at every build.
const sample = join(out, 'mpp.config.yaml');
if (existsSync(sample)) {
  const { parseConfig } = await import('@mpp-kit/config');
  const checked = parseConfig(readFileSync(sample, 'utf8'), sample);
  if (!checked.ok)
    console.warn(
      'create-mpp: WARNING / PERINGATAN: templates/mpp/mpp.config.yaml is not an @mpp-kit/config file, ' +
        'so the template app does not read its config through @mpp-kit/config yet; projects made by ' +
        'create-mpp will refuse their mpp.config.yaml until it does (docs/decisions/0082). / ' +
        'templat belum membaca konfigurasi lewat @mpp-kit/config.',
    );
}
console.log(
  `create-mpp: template bundled into ${relative(packageDir, out)} (${SOURCES.map((s) => s.from).join(', ')})`,
);
