import type { SkmReport } from './report.js';
import type { Lang, Table } from './table.js';

const escapeHtml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const escapeMd = (s: string): string => s.replaceAll('|', '\\|');

function tableToMarkdown(table: Table, lang: Lang): string {
  const head = `| ${table.columns.map((c) => escapeMd(c.label[lang])).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  const rows = table.rows.map(
    (r) => `| ${table.columns.map((c) => escapeMd(String(r[c.key] ?? ''))).join(' | ')} |`,
  );
  return [`### ${escapeMd(table.title[lang])}`, '', head, rule, ...rows].join('\n');
}

function tables(report: SkmReport): Table[] {
  const t = report.tables;
  return [t.ringkasan, t.unsur, t.profil, t.prioritas];
}

/** The report as Markdown (headings, tables, warnings as a list). */
export function reportToMarkdown(report: SkmReport, lang: Lang = 'id'): string {
  const parts = [`## ${escapeMd(report.title[lang])}`];
  if (report.warnings.length > 0) {
    parts.push(report.warnings.map((w) => `- ⚠ ${escapeMd(w)}`).join('\n'));
  }
  for (const t of tables(report)) parts.push(tableToMarkdown(t, lang));
  return `${parts.join('\n\n')}\n`;
}

function tableToHtml(table: Table, lang: Lang): string {
  const th = table.columns
    .map(
      (c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label[lang])}</th>`,
    )
    .join('');
  const rows = table.rows
    .map(
      (r) =>
        `<tr>${table.columns
          .map(
            (c) =>
              `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(String(r[c.key] ?? ''))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${escapeHtml(table.title[lang])}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/**
 * The report as an HTML fragment (a `<section>` with captioned tables, header cells scoped
 * for screen readers). Embed it in a page; it carries no styles or scripts.
 */
export function reportToHtml(report: SkmReport, lang: Lang = 'id'): string {
  const warnings =
    report.warnings.length === 0
      ? ''
      : `<ul class="warnings">${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>\n`;
  return `<section lang="${lang}">\n<h2>${escapeHtml(report.title[lang])}</h2>\n${warnings}${tables(
    report,
  )
    .map((t) => tableToHtml(t, lang))
    .join('\n')}\n</section>\n`;
}

/**
 * The report as open data: plain JSON with the score (rounded and exact), the NRR per unsur,
 * the respondent profile counts, priorities, sample check and warnings.
 */
export function reportToJson(report: SkmReport): string {
  return `${JSON.stringify(
    {
      title: report.title,
      ...report.summary,
      profile: report.profile,
      priorities: report.tables.prioritas.rows.map((r) => r.code),
      sample: report.sample,
      warnings: report.warnings,
    },
    null,
    2,
  )}\n`;
}
