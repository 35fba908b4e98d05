import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogue } from './catalogue.js';
import { formatIssue, type LoadResult, type SourceIssue } from './issues.js';
import type { Catalogue } from './schemas/catalogue.js';

/**
 * Folder of the national starter catalogue shipped in this package: next to this module, or — when
 * an app's bundler has inlined this module elsewhere — found through the installed package.
 */
export const NATIONAL_CATALOGUE_DIR: string = findNationalDir();

function findNationalDir(): string {
  const beside = fileURLToPath(new URL('../catalogue/national/', import.meta.url));
  if (existsSync(beside)) return beside;
  try {
    const manifest = createRequire(import.meta.url).resolve(
      '@mpp-kit/service-standard/package.json',
    );
    return join(dirname(manifest), 'catalogue', 'national');
  } catch {
    return beside;
  }
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * The YAML files named by `paths`: files as given, folders searched recursively
 * (sorted, so results are stable). Paths that do not exist are returned as issues.
 */
export function collectYamlFiles(paths: readonly string[]): {
  files: string[];
  errors: SourceIssue[];
} {
  const files: string[] = [];
  const errors: SourceIssue[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      errors.push(fileIssue(path, 'tidak ditemukan', 'not found', 'file_not_found'));
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.')) visit(join(path, entry), false);
      }
    } else if (explicit || YAML_FILE.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return { files, errors };
}

function fileIssue(file: string, id: string, en: string, code: string): SourceIssue {
  return { file, line: 1, column: 1, path: '', code, message: { id, en } };
}

function readAll(files: readonly string[], read: (f: string) => string, base?: string) {
  const inputs: { text: string; fileName: string }[] = [];
  const errors: SourceIssue[] = [];
  for (const file of files) {
    const fileName = base === undefined ? file : relative(base, file);
    try {
      inputs.push({ text: read(file), fileName });
    } catch {
      errors.push(fileIssue(fileName, 'tidak dapat dibaca', 'cannot be read', 'file_unreadable'));
    }
  }
  return { inputs, errors };
}

/** Loads and checks a catalogue from files and folders, synchronously. */
export function loadCatalogueSync(paths: readonly string[]): LoadResult<Catalogue> {
  const collected = collectYamlFiles(paths);
  const { inputs, errors } = readAll(collected.files, (f) => readFileSync(f, 'utf8'));
  return merge(parseCatalogue(inputs), [...collected.errors, ...errors]);
}

/** Loads and checks a catalogue from files and folders. Every error of every file is returned. */
export async function loadCatalogue(paths: readonly string[]): Promise<LoadResult<Catalogue>> {
  const collected = collectYamlFiles(paths);
  const texts = new Map<string, string>();
  await Promise.all(
    collected.files.map(async (f) => {
      try {
        texts.set(f, await readFile(f, 'utf8'));
      } catch {
        // reported below as unreadable
      }
    }),
  );
  const { inputs, errors } = readAll(collected.files, (f) => {
    const text = texts.get(f);
    if (text === undefined) throw new Error('unreadable');
    return text;
  });
  return merge(parseCatalogue(inputs), [...collected.errors, ...errors]);
}

function merge(result: LoadResult<Catalogue>, extra: SourceIssue[]): LoadResult<Catalogue> {
  if (extra.length === 0) return result;
  return { ok: false, errors: [...extra, ...(result.ok ? [] : result.errors)] };
}

let national: Catalogue | undefined;

/**
 * The national starter catalogue shipped with this package (validated in CI).
 * Throws only if the shipped data is broken, which the package's tests prevent.
 */
export function nationalCatalogue(): Catalogue {
  if (national === undefined) {
    const { inputs, errors } = readAll(
      collectYamlFiles([NATIONAL_CATALOGUE_DIR]).files,
      (f) => readFileSync(f, 'utf8'),
      NATIONAL_CATALOGUE_DIR,
    );
    const result = parseCatalogue(inputs);
    const problems = [...errors, ...(result.ok ? [] : result.errors)];
    if (!result.ok || problems.length > 0) {
      throw new Error(
        `national catalogue is invalid:\n${problems.map((e) => formatIssue(e)).join('\n')}`,
      );
    }
    national = result.data;
  }
  return national;
}
