/**
 * Inlines query parameters as SQL literals, so that `BEGIN` and a transaction's first
 * statement, or its last statement and `COMMIT`, travel in one round trip (the
 * simple query protocol allows several statements but no parameters). Only the value
 * types the store uses are supported; anything else is a programming error.
 */

/** One value as a SQL literal. Strings use the E'' form, safe whatever `standard_conforming_strings` is. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot inline ${value}`);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new TypeError('NUL character in a SQL string');
    return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  }
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
  throw new TypeError(`cannot inline a ${typeof value}`);
}

/** Replaces `$1`, `$2`, … in `sql` by the literals of `values`. */
export function inline(sql: string, values: readonly unknown[]): string {
  return sql.replaceAll(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= values.length) throw new RangeError(`no value for $${n}`);
    return literal(values[i]);
  });
}
