import { type SkmReport, tableToCsv } from '@mpp-kit/skm';
import type { Lang } from '../../shared/i18n/i18n.js';
import { pick } from '../../shared/i18n/i18n.js';
import type { AppContext } from '../app-context.js';
import type { ResultsQuery } from './results-query.js';
import type { SurveyResults } from './survey-service.js';

/** The regulation's report tables for the query's scope (MPP or one agency). */
export function scopeReport(app: AppContext, q: ResultsQuery, results: SurveyResults): SkmReport {
  const scope = (q.agencyId ? results.byAgency.get(q.agencyId) : results.mpp) ?? results.mpp;
  const name = q.agencyId
    ? (app.catalogue.agency(q.agencyId)?.name ?? { id: q.agencyId, en: q.agencyId })
    : { id: app.catalogue.config.instance.name, en: app.catalogue.config.instance.name };
  return scope.report({
    id: `Laporan SKM ${name.id} ${q.range.key}`,
    en: `SKM report ${name.en} ${q.range.key}`,
  });
}

/** Every report table plus the per-service IKM table, as one CSV document. */
export function reportCsv(
  app: AppContext,
  results: SurveyResults,
  report: SkmReport,
  lang: Lang,
): string {
  const parts: string[] = [];
  for (const table of Object.values(report.tables)) parts.push(tableToCsv(table, lang));
  const rows = [['layanan', 'instansi', 'responden', 'pengguna_layanan', 'ikm', 'mutu']];
  for (const [id, r] of results.byService) {
    const s = r.score();
    const service = app.catalogue.service(id);
    rows.push([
      service ? pick(service.name, lang) : id,
      service?.agencyId ?? '',
      String(r.respondents),
      String(r.served),
      s.ikmText ?? '',
      s.mutu ?? '',
    ]);
  }
  parts.push(`${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`);
  return parts.join('\n');
}

/** RFC 4180 cell; a leading = + - @ is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
