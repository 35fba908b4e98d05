import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { z } from 'zod';
import {
  bilingualErrorMap,
  formatPath,
  type LoadResult,
  type SourceIssue,
  splitBilingual,
} from './issues.js';

/** Parsed YAML text that can say where any data path sits in the file. */
export class YamlSource {
  readonly fileName: string;
  readonly document: Document.Parsed;
  readonly #lines: LineCounter;

  constructor(text: string, fileName: string) {
    this.fileName = fileName;
    this.#lines = new LineCounter();
    this.document = parseDocument(text, {
      lineCounter: this.#lines,
      prettyErrors: false,
      uniqueKeys: true,
      // Problems are returned as issues; nothing may be printed behind the caller's back.
      logLevel: 'error',
    });
  }

  /** Syntax errors and warnings of the YAML itself. */
  syntaxIssues(): SourceIssue[] {
    const out: SourceIssue[] = [];
    for (const error of this.document.errors) {
      const { line, column } = this.#position(error.pos[0]);
      const duplicate = error.code === 'DUPLICATE_KEY';
      out.push({
        file: this.fileName,
        line,
        column,
        path: '',
        code: duplicate ? 'duplicate_key' : 'yaml_syntax',
        message: duplicate
          ? { id: 'kunci ganda dalam pemetaan yang sama', en: 'duplicate key in the same mapping' }
          : {
              id: `YAML tidak sah (${error.code})`,
              en: `invalid YAML (${error.code}): ${firstLine(error.message)}`,
            },
      });
    }
    return out;
  }

  /** The document as plain data; `undefined` with an issue when aliases explode. */
  toData(): { data: unknown } | { issue: SourceIssue } {
    try {
      return { data: this.document.toJS({ maxAliasCount: 1000 }) };
    } catch {
      return {
        issue: {
          file: this.fileName,
          line: 1,
          column: 1,
          path: '',
          code: 'yaml_alias',
          message: {
            id: 'alias YAML terlalu banyak atau tidak dapat diuraikan',
            en: 'too many YAML aliases, or an alias that cannot be resolved',
          },
        },
      };
    }
  }

  /**
   * Line and column of the value at `path`. For a path that does not exist (a missing key) it is
   * the position of the nearest existing parent; with `key` set, the position of that key.
   */
  locate(path: readonly PropertyKey[], key?: string): { line: number; column: number } {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of path) {
      const next = child(node, segment);
      if (next === undefined) break;
      node = next.value;
      offset = rangeStart(next.value) ?? rangeStart(next.key) ?? offset;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      offset = rangeStart(pair?.key) ?? offset;
    }
    return this.#position(offset);
  }

  /** An issue at `path`, with a bilingual message. */
  issue(
    path: readonly PropertyKey[],
    message: { id: string; en: string },
    code: string,
    key?: string,
  ): SourceIssue {
    const { line, column } = this.locate(path, key);
    return { file: this.fileName, line, column, path: formatPath(path), message, code };
  }

  #position(offset: number): { line: number; column: number } {
    const pos = this.#lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function child(node: unknown, segment: PropertyKey): { key?: unknown; value: unknown } | undefined {
  let current = node;
  if (isAlias(current)) return undefined;
  if (isMap(current)) {
    const pair = current.items.find(
      (p) => isScalar(p.key) && String(p.key.value) === String(segment),
    );
    if (!pair) return undefined;
    return { key: pair.key, value: pair.value ?? pair.key };
  }
  if (isSeq(current) && typeof segment === 'number') {
    const item = current.items[segment];
    if (item === undefined) return undefined;
    current = isPair(item) ? item.value : item;
    return { value: current as Node };
  }
  return undefined;
}

/**
 * Parses YAML and validates it against a zod schema, returning the typed data or every
 * problem — YAML syntax and schema alike — with file, line, column, path and a bilingual message.
 */
export function validateYaml<S extends z.ZodType>(
  text: string,
  fileName: string,
  schema: S,
): LoadResult<z.infer<S>> & { readonly source: YamlSource } {
  const source = new YamlSource(text, fileName);
  const syntax = source.syntaxIssues();
  if (syntax.length > 0) return { ok: false, errors: syntax, source };
  const converted = source.toData();
  if ('issue' in converted) return { ok: false, errors: [converted.issue], source };
  const result = schema.safeParse(converted.data, { error: bilingualErrorMap });
  if (result.success) return { ok: true, data: result.data, source };
  return { ok: false, errors: zodIssuesToSource(source, result.error.issues), source };
}

/** Positions zod issues in a YAML source. */
export function zodIssuesToSource(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
): SourceIssue[] {
  const out: SourceIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown key, each pointing at the key itself.
      for (const key of issue.keys) {
        // A YAML complex key (`? - x`) arrives as multi-line text: one error stays one line.
        const shown = key.replace(/\s+/g, ' ').trim();
        out.push(
          source.issue(
            issue.path,
            { id: `kunci tidak dikenal: ${shown}`, en: `unknown key: ${shown}` },
            issue.code,
            key,
          ),
        );
      }
      continue;
    }
    out.push(source.issue(issue.path, splitBilingual(issue.message), issue.code));
  }
  return sortIssues(out);
}

/** Issues in file, line, column order. */
export function sortIssues(issues: SourceIssue[]): SourceIssue[] {
  return issues.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
