import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '@mpp-kit/config';
import type { Catalogue } from '@mpp-kit/service-standard';
import { formatIssue } from '@mpp-kit/service-standard';
import { type AgencyChoice, agencyChoices } from './agencies.js';
import { type Answers, slugify } from './answers.js';
import { renderConfig } from './config-file.js';
import { CreateMppError } from './errors.js';
import type { Manifest } from './manifest.js';
import { renderReadme } from './readme.js';

/** Names under which npm would drop a file from the tarball, and their real names. */
const RESTORE: Readonly<Record<string, string>> = { _gitignore: '.gitignore', _npmrc: '.npmrc' };

/** Entries allowed in a target folder that is otherwise empty. */
const IGNORABLE = new Set(['.git', '.DS_Store', 'Thumbs.db']);

/**
 * The template shipped with this package (`dist/template`, copied there at build time from
 * the monorepo's `templates/mpp` and `infra/aws`).
 */
export function bundledTemplateDir(): string {
  for (const candidate of ['./template/', '../dist/template/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new CreateMppError('template-missing', {
    id: 'templat tidak ditemukan di paket create-mpp; jalankan build dulu',
    en: 'the template is missing from the create-mpp package; run the build first',
  });
}

/** Options of {@link scaffold}. */
export interface ScaffoldOptions {
  readonly answers: Answers;
  /** Folder the answer `directory` is relative to. */
  readonly cwd: string;
  /** The catalogue the agencies come from and the config is checked against. */
  readonly catalogue: Catalogue;
  /** Defaults to {@link bundledTemplateDir}. */
  readonly templateDir?: string;
  /** Called before each step, with a message in id and en. */
  readonly onProgress?: (message: string) => void;
}

/** What {@link scaffold} wrote. */
export interface ScaffoldResult {
  /** Absolute path of the new project. */
  readonly directory: string;
  /** Files written, relative to the project, sorted. */
  readonly files: readonly string[];
}

/**
 * Checks that a target folder may be used: it does not exist, or is an empty folder
 * (a `.git` folder alone is fine). Never touches what is there.
 */
export function assertUsableTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new CreateMppError(
      'target-not-a-folder',
      { id: `${target} sudah ada dan bukan folder`, en: `${target} exists and is not a folder` },
      'directory',
    );
  const entries = readdirSync(target).filter((name) => !IGNORABLE.has(name));
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', …' : '');
    throw new CreateMppError(
      'target-not-empty',
      {
        id: `folder ${target} sudah ada dan tidak kosong (${shown}); create-mpp tidak menimpa berkas Anda — pilih folder baru atau kosongkan folder itu`,
        en: `folder ${target} exists and is not empty (${shown}); create-mpp never overwrites your files — choose a new folder or empty that one`,
      },
      'directory',
    );
  }
}

/**
 * Writes a new MPP project: the template app with `mpp.config.yaml` filled in from the
 * answers (and checked with `@mpp-kit/config`), a README for the region, and the `infra/`
 * program reading the same config. Refuses a non-empty folder; on failure removes only what
 * it wrote.
 */
export function scaffold(options: ScaffoldOptions): ScaffoldResult {
  const { answers, catalogue } = options;
  const progress = options.onProgress ?? (() => {});
  const target = resolve(options.cwd, answers.directory);
  assertUsableTarget(target);
  const templateDir = options.templateDir ?? bundledTemplateDir();

  progress('Menyusun mpp.config.yaml / writing mpp.config.yaml');
  const chosen = chooseAgencies(catalogue, answers.agencies);
  const configText = renderConfig(answers, chosen);
  const checked = parseConfig(configText, join(target, 'mpp.config.yaml'), { catalogue });
  if (!checked.ok)
    throw new CreateMppError('generated-config-invalid', {
      id: `mpp.config.yaml yang dibuat tidak lolos @mpp-kit/config (kesalahan create-mpp, mohon laporkan):\n${checked.errors.map((e) => formatIssue(e)).join('\n')}`,
      en: `the generated mpp.config.yaml fails @mpp-kit/config (a create-mpp bug, please report it):\n${checked.errors.map((e) => formatIssue(e)).join('\n')}`,
    });

  const generated = new Map<string, string>([
    ['mpp.config.yaml', configText],
    ['README.md', renderReadme(answers, chosen)],
  ]);
  const created: string[] = [];
  const createdDirs: string[] = [];
  const ensureDir = (dir: string) => {
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = dirname(d)) missing.push(d);
    for (const d of missing.reverse()) {
      mkdirSync(d);
      createdDirs.push(d);
    }
  };
  const write = (rel: string, content: string | Buffer) => {
    const path = join(target, rel);
    ensureDir(dirname(path));
    // `wx`: fail rather than overwrite, should anything appear in the folder meanwhile.
    writeFileSync(path, content, { flag: 'wx' });
    created.push(rel);
  };

  try {
    ensureDir(target);
    progress('Menyalin templat / copying the template');
    const slug = slugify(answers.directory.split(/[\\/]/).filter(Boolean).pop() ?? '') || 'mpp';
    for (const rel of listFiles(templateDir)) {
      const name = RESTORE[rel.split('/').pop() ?? ''];
      const out = name === undefined ? rel : [...rel.split('/').slice(0, -1), name].join('/');
      if (generated.has(out)) continue;
      const source = join(templateDir, ...rel.split('/'));
      if (out === 'package.json') write(out, renameManifest(source, slug));
      else if (out === 'infra/package.json') write(out, renameManifest(source, `${slug}-infra`));
      else write(out, readFileSync(source));
    }
    for (const [rel, content] of generated) write(rel, content);
  } catch (error) {
    for (const rel of created.reverse()) rmSync(join(target, rel), { force: true });
    for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: false, force: true });
    throw error;
  }
  return { directory: target, files: [...created].sort() };
}

function chooseAgencies(catalogue: Catalogue, codes: readonly string[]): AgencyChoice[] {
  const all = agencyChoices(catalogue);
  return codes.map((code) => {
    const found = all.find((c) => c.agency.code === code);
    if (found === undefined)
      throw new CreateMppError(
        'invalid-answer',
        {
          id: `agencies: instansi '${code}' tidak ada dalam katalog`,
          en: `agencies: agency '${code}' is not in the catalogue`,
        },
        'agencies',
      );
    return found;
  });
}

function renameManifest(path: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const { name: _old, version: _version, ...rest } = manifest;
  return `${JSON.stringify({ name, version: '0.1.0', ...rest }, null, 2)}\n`;
}

/** Every file below `root`, relative, with forward slashes, sorted. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}
