import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A place in a generated project that ties it to the monorepo it came from. */
export interface Leak {
  /** File, relative to the project root (forward slashes). */
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly reason: 'workspace-range' | 'path-outside-project' | 'monorepo-path';
}

export const TEXT_FILE =
  /\.(?:[cm]?[jt]sx?|json|jsonc|ya?ml|md|mdx|astro|html|css|sql|toml|txt|sh)$|^(?:_gitignore|\.gitignore|\.npmrc|Dockerfile)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage', '.astro']);
// A relative path that climbs and then names something: `../x`, `../../x.json` (in quotes,
// links or plain text). `'../..'` alone (say, a fuzzing input) names nothing and is data.
export const CLIMB = /(?:^|[\s'"`(=:[,])((?:\.\.\/)+[A-Za-z0-9_@][^\s'"`)\],]*)/g;

/** Where the template's folders come from in the monorepo, and where they land in a project. */
export const TEMPLATE_SOURCES = [
  { from: 'templates/mpp', to: '' },
  { from: 'infra/aws', to: 'infra' },
] as const;

/**
 * Maps a file of a generated project (relative, forward slashes) to the file it was copied
 * from in the monorepo, so that a climbing path can be checked where it came from.
 */
export function templateSourceOf(monorepoRoot: string): (file: string) => string {
  const sources = [...TEMPLATE_SOURCES].sort((a, b) => b.to.length - a.to.length);
  return (file) => {
    const source = sources.find((s) => s.to === '' || file === s.to || file.startsWith(`${s.to}/`));
    const rest = source && source.to !== '' ? file.slice(source.to.length + 1) : file;
    return join(monorepoRoot, source?.from ?? '', rest);
  };
}

/** Options of {@link findLeaks}. */
export interface FindLeaksOptions {
  /** The monorepo the project came from: its path must not appear anywhere. */
  readonly monorepoRoot?: string;
  /**
   * Where each file came from. When given, a climbing path is a leak only if, read from the
   * source file's folder, it names something that exists outside the copied folder — a real
   * path back into the monorepo, not a string that merely looks like one.
   */
  readonly sourceOf?: (file: string) => string;
}

/**
 * Finds every `workspace:` range, every relative path that climbs out of `root`, and every
 * occurrence of the monorepo's path in the text files below `root`.
 */
export function findLeaks(root: string, options: FindLeaksOptions = {}): Leak[] {
  const leaks: Leak[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        scanFile(root, path, options, leaks);
      }
    }
  };
  walk(root);
  return leaks;
}

function scanFile(root: string, path: string, options: FindLeaksOptions, leaks: Leak[]) {
  const { monorepoRoot, sourceOf } = options;
  const file = relative(root, path).split(sep).join('/');
  const source = sourceOf?.(file);
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (/["']workspace:/.test(text))
      leaks.push({ file, line, text: text.trim(), reason: 'workspace-range' });
    if (monorepoRoot !== undefined && text.includes(monorepoRoot))
      leaks.push({ file, line, text: text.trim(), reason: 'monorepo-path' });
    for (const match of text.matchAll(CLIMB)) {
      const target = resolve(dirname(path), match[1] ?? '');
      const inside = relative(root, target);
      if (!inside.startsWith('..') && !isAbsolute(inside)) continue;
      if (source !== undefined && !existsSync(resolve(dirname(source), match[1] ?? ''))) continue;
      leaks.push({ file, line, text: text.trim(), reason: 'path-outside-project' });
    }
  }
}

/** One line per leak, `file:line: reason: text`. */
export function formatLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `${l.file}:${l.line}: ${l.reason}: ${l.text}`).join('\n');
}
