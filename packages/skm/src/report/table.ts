import type { Bilingual } from '../bilingual.js';

/** A column of a report table. */
export interface TableColumn {
  readonly key: string;
  readonly label: Bilingual;
  /** Right-aligned in text and HTML output. */
  readonly numeric?: boolean;
}

/** A report table as data: render it with `tableToCsv`, `reportToMarkdown` or `reportToHtml`. */
export interface Table {
  readonly title: Bilingual;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

/** Language of rendered labels. */
export type Lang = 'id' | 'en';

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV text with a header row of column keys (stable, machine-readable) and LF
 * line ends. Pass `lang` to use the display labels as the header instead.
 */
export function tableToCsv(table: Table, lang?: Lang): string {
  const header = table.columns.map((c) => csvField(lang ? c.label[lang] : c.key)).join(',');
  const lines = table.rows.map((r) => table.columns.map((c) => csvField(r[c.key] ?? '')).join(','));
  return `${[header, ...lines].join('\n')}\n`;
}

/** A table as aligned plain text for a terminal. */
export function tableToText(table: Table, lang: Lang = 'id'): string {
  const cells = [
    table.columns.map((c) => c.label[lang]),
    ...table.rows.map((r) => table.columns.map((c) => String(r[c.key] ?? ''))),
  ];
  const widths = table.columns.map((_, i) =>
    Math.max(...cells.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        return table.columns[i]?.numeric ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = cells;
  return `${[line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')}\n`;
}
