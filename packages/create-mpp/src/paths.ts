import { existsSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { CLIMB, TEMPLATE_SOURCES } from './leaks.js';

/** Where a file of the template sits: in the project, and where it was copied from. */
export interface PathContext {
  /** The file's path in the project, relative, forward slashes. */
  readonly file: string;
  /** The file it was copied from, absolute. */
  readonly source: string;
  readonly monorepoRoot: string;
  /** Web address of the repository's default branch, e.g. `https://github.com/o/r/blob/main`. */
  readonly repositoryBlobUrl: string;
}

/**
 * The project-relative path of a monorepo path inside one of the template's source folders,
 * or inside the monorepo's root `node_modules` (the project has its own, with the same tools).
 */
function inProject(monorepoRoot: string, target: string): string | undefined {
  const tool = relative(join(monorepoRoot, 'node_modules'), target);
  if (!tool.startsWith('..') && !tool.startsWith(sep))
    return posix.join('node_modules', tool.split(sep).join('/'));
  for (const { from, to } of TEMPLATE_SOURCES) {
    const rest = relative(join(monorepoRoot, from), target);
    if (!rest.startsWith('..') && !rest.startsWith(sep) && existsSync(target))
      return posix.join(to, rest.split(sep).join('/')) || '.';
  }
  return undefined;
}

/**
 * Rewrites relative paths that climb out of the template so that they still work in a new
 * project: a path to another template folder (`../../templates/mpp/mpp.config.yaml` in
 * `infra/`) becomes the path inside the project (`../mpp.config.yaml`); in Markdown, a link
 * to anything else in the monorepo becomes a link to the repository on the web. Other text
 * is left alone (and then reported by `findLeaks`).
 */
export function rewriteClimbingPaths(text: string, ctx: PathContext): string {
  const markdown = ctx.file.endsWith('.md');
  return text.replace(CLIMB, (whole, path: string, offset: number) => {
    const prefix = whole.slice(0, whole.length - path.length);
    // Only a Markdown link target `](…)` is a link; paths in code are shown as they are.
    const isLink = markdown && prefix === '(' && text[offset - 1] === ']';
    const target = resolve(dirname(ctx.source), path);
    const mapped = inProject(ctx.monorepoRoot, target);
    if (mapped !== undefined) {
      const fromDir = posix.dirname(ctx.file);
      const rel = posix.relative(fromDir === '.' ? '' : fromDir, mapped) || '.';
      return prefix + (rel.startsWith('.') ? rel : `./${rel}`);
    }
    const inRepo = relative(ctx.monorepoRoot, target);
    if (isLink && !inRepo.startsWith('..'))
      return `${prefix}${ctx.repositoryBlobUrl}/${inRepo.split(sep).join('/')}`;
    return whole;
  });
}
