import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A place in a generated project that ties it to the monorepo it came from. */
export interface Leak {
  /** File, relative to the project root (forward slashes). */
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly reason: 'workspace-range' | 'path-outside-project' | 'monorepo-path';
}

const TEXT_FILE =
  /\.(?:[cm]?[jt]sx?|json|jsonc|ya?ml|md|mdx|astro|html|css|sql|toml|txt|sh)$|^(?:_gitignore|\.gitignore|\.npmrc|Dockerfile)$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage', '.astro']);
// A relative path that climbs: `../x`, `../../x` (inside quotes, links or plain text).
const CLIMB = /(?:^|[\s'"`(=:[,])((?:\.\.\/)+[^\s'"`)\],]*)/g;

/**
 * Finds every `workspace:` range, every relative path that climbs out of `root`, and every
 * occurrence of `monorepoRoot` in the text files below `root`.
 */
export function findLeaks(root: string, monorepoRoot?: string): Leak[] {
  const leaks: Leak[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path);
      } else if (entry.isFile() && TEXT_FILE.test(entry.name)) {
        scanFile(root, path, monorepoRoot, leaks);
      }
    }
  };
  walk(root);
  return leaks;
}

function scanFile(root: string, path: string, monorepoRoot: string | undefined, leaks: Leak[]) {
  const file = relative(root, path).split(sep).join('/');
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
      if (inside.startsWith('..') || isAbsolute(inside))
        leaks.push({ file, line, text: text.trim(), reason: 'path-outside-project' });
    }
  }
}

/** One line per leak, `file:line: reason: text`. */
export function formatLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `${l.file}:${l.line}: ${l.reason}: ${l.text}`).join('\n');
}
