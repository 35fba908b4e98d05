import type { GroupedAccumulator } from '../aggregate.js';

/** A bad input row, located for the person who has to fix the file. */
export interface RowError {
  /** 1-based number of the response (data row or array item); 0 for the header. */
  readonly row: number;
  /** 1-based line in the file where the row starts (CSV, or JSON syntax errors). */
  readonly line?: number;
  /** Column (CSV header name / JSON field) at fault; null when the whole row is. */
  readonly column: string | null;
  /** The offending value as text, when there is one. */
  readonly value?: string;
  /** Bilingual message "Indonesian / English". */
  readonly message: string;
}

/** One-line description of a row error, e.g. "baris 3, kolom waktu: … / row 3, column waktu: …". */
export function formatRowError(e: RowError): string {
  const [id, en] = e.message.includes(' / ') ? e.message.split(' / ', 2) : [e.message, e.message];
  const where = (lang: 'id' | 'en'): string => {
    const parts = [lang === 'id' ? `baris ${e.row}` : `row ${e.row}`];
    if (e.line !== undefined)
      parts.push(lang === 'id' ? `(baris berkas ${e.line})` : `(file line ${e.line})`);
    if (e.column !== null) parts.push(lang === 'id' ? `kolom ${e.column}` : `column ${e.column}`);
    return parts.join(' ');
  };
  const value = e.value === undefined ? '' : ` ${JSON.stringify(e.value)}`;
  return `${where('id')}:${value} ${id} / ${where('en')}:${value} ${en}`;
}

/** What reading an input produced. Rows with errors are never counted in `grouped`. */
export interface ReadResult {
  readonly grouped: GroupedAccumulator;
  /** Data rows read (valid or not). */
  readonly rows: number;
  /** The first errors found (up to the reader's limit). */
  readonly errors: readonly RowError[];
  /** Total rows with errors, including those beyond the limit. */
  readonly errorCount: number;
  /** False when a syntax error stopped reading before the end of the input. */
  readonly complete: boolean;
}

/** Thrown by the strict readers when an input has bad rows. */
export class SkmInputError extends Error {
  constructor(
    readonly errors: readonly RowError[],
    readonly errorCount: number,
  ) {
    const more = errorCount > errors.length ? `\n  … +${errorCount - errors.length}` : '';
    super(
      `${errorCount} baris tidak sah / ${errorCount} invalid rows:\n${errors.map((e) => `  ${formatRowError(e)}`).join('\n')}${more}`,
    );
    this.name = 'SkmInputError';
  }
}
