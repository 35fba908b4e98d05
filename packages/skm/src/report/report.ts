import type { SkmAccumulator } from '../accumulator.js';
import type { Dimension, GroupScore } from '../aggregate.js';
import { type Bilingual, bi } from '../bilingual.js';
import { improvementPriorities } from '../priorities.js';
import { PROFILE_CATEGORIES, PROFILE_FIELDS, PROFILE_LABELS } from '../profile.js';
import { type Questionnaire, SKM_2017, unsurDefinition } from '../questionnaire.js';
import { checkSample, type SampleCheck } from '../sample-size.js';
import { type ScoreOptions, scoreAccumulator } from '../score.js';
import { UNSUR_CODES } from '../unsur.js';
import { DECIMALS, fixedOrDash, type ScoreSummary, summarize } from './summary.js';
import type { Table, TableColumn } from './table.js';

/** The report of one survey (one service, unit or MPP over one period). */
export interface SkmReport {
  readonly title: Bilingual;
  readonly summary: ScoreSummary;
  /** The regulation's tables: summary, NRR per unsur, respondent profile, priorities. */
  readonly tables: {
    readonly ringkasan: Table;
    readonly unsur: Table;
    readonly profil: Table;
    readonly prioritas: Table;
  };
  /** Respondent profile counts per field and category ("-" = not answered). */
  readonly profile: Record<string, Record<string, number>>;
  readonly sample: SampleCheck | null;
  /** Bilingual warnings (sample too small, unsur without answers, legacy weight). */
  readonly warnings: readonly string[];
}

/** Options for {@link buildReport}. */
export interface ReportOptions extends ScoreOptions {
  readonly title?: Bilingual;
  readonly questionnaire?: Questionnaire;
  /** Number of service users in the period (N), to check the sample size. */
  readonly population?: number;
  /** How many improvement priorities to list (default 3). */
  readonly priorities?: number;
}

const pct = (part: number, whole: number): string =>
  whole === 0 ? '0.00' : ((part * 100) / whole).toFixed(2);

/** Builds the report tables of an accumulated survey. */
export function buildReport(acc: SkmAccumulator, options: ReportOptions = {}): SkmReport {
  const questionnaire = options.questionnaire ?? SKM_2017;
  const score = scoreAccumulator(acc, options);
  const summary = summarize(score);
  const warnings: string[] = [];
  const sample =
    options.population === undefined || acc.respondents === 0
      ? null
      : checkSample(acc.respondents, Math.max(options.population, acc.respondents));
  if (sample?.warning) warnings.push(sample.warning);
  if (score.unsurWithoutAnswers.length > 0) {
    const list = score.unsurWithoutAnswers.join(', ');
    warnings.push(
      `Unsur tanpa jawaban, tidak dihitung: ${list} / Unsur without answers, left out: ${list}`,
    );
  }
  if (score.weight !== 'exact') {
    warnings.push(
      `Bobot ${score.weight} (bukan 1/9) hanya untuk mereproduksi laporan lama / Weight ${score.weight} (not 1/9) only reproduces legacy reports`,
    );
  }

  const ringkasan: Table = {
    title: bi('Nilai IKM', 'IKM result'),
    columns: [
      { key: 'respondents', label: bi('Jumlah responden', 'Respondents'), numeric: true },
      { key: 'indexValue', label: bi('Nilai indeks', 'Index value'), numeric: true },
      { key: 'ikm', label: bi('IKM', 'IKM'), numeric: true },
      { key: 'mutu', label: bi('Mutu pelayanan', 'Service grade') },
      { key: 'kinerja', label: bi('Kinerja unit pelayanan', 'Unit performance') },
    ],
    rows: [
      {
        respondents: score.respondents,
        indexValue: fixedOrDash(score.indexValue, DECIMALS.indexValue),
        ikm: score.ikmText ?? '-',
        mutu: score.mutu ?? '-',
        kinerja: score.kinerja?.id ?? '-',
      },
    ],
  };

  const unsur: Table = {
    title: bi('Nilai rata-rata per unsur (NRR)', 'Average score per unsur (NRR)'),
    columns: [
      { key: 'no', label: bi('No', 'No'), numeric: true },
      { key: 'code', label: bi('Kode', 'Code') },
      { key: 'name', label: bi('Unsur', 'Unsur') },
      { key: 'answered', label: bi('Jumlah jawaban', 'Answers'), numeric: true },
      { key: 'sum', label: bi('Total nilai', 'Total score'), numeric: true },
      { key: 'nrr', label: bi('NRR', 'NRR'), numeric: true },
      { key: 'nrrTertimbang', label: bi('NRR tertimbang', 'Weighted NRR'), numeric: true },
    ],
    rows: score.unsur.map((u) => {
      const def = unsurDefinition(questionnaire, u.code);
      return {
        no: def.regulationNumber,
        code: u.code,
        name: def.name.id,
        answered: u.answered,
        sum: u.sum,
        nrr: fixedOrDash(u.nrr, DECIMALS.nrr),
        nrrTertimbang: fixedOrDash(u.nrrTertimbang, DECIMALS.nrrTertimbang),
      };
    }),
  };

  const profile: Record<string, Record<string, number>> = {};
  const profilRows: Record<string, string | number>[] = [];
  for (const field of PROFILE_FIELDS) {
    const counts = acc.profileBreakdown(field);
    profile[field] = counts;
    for (const category of [...PROFILE_CATEGORIES[field], '-']) {
      const count = counts[category] ?? 0;
      profilRows.push({
        field: PROFILE_LABELS[field].field.id,
        category:
          category === '-'
            ? 'Tidak diisi'
            : (PROFILE_LABELS[field].categories[category]?.id ?? category),
        count,
        percent: pct(count, acc.respondents),
      });
    }
  }
  const profil: Table = {
    title: bi('Profil responden', 'Respondent profile'),
    columns: [
      { key: 'field', label: bi('Profil', 'Profile') },
      { key: 'category', label: bi('Kategori', 'Category') },
      { key: 'count', label: bi('Jumlah', 'Count'), numeric: true },
      { key: 'percent', label: bi('Persentase (%)', 'Share (%)'), numeric: true },
    ],
    rows: profilRows,
  };

  const prioritas: Table = {
    title: bi('Prioritas perbaikan (NRR terendah)', 'Improvement priorities (lowest NRR)'),
    columns: [
      { key: 'rank', label: bi('Urutan', 'Rank'), numeric: true },
      { key: 'code', label: bi('Kode', 'Code') },
      { key: 'name', label: bi('Unsur', 'Unsur') },
      { key: 'nrr', label: bi('NRR', 'NRR'), numeric: true },
    ],
    rows: improvementPriorities(score, options.priorities ?? 3).map((u, i) => ({
      rank: i + 1,
      code: u.code,
      name: unsurDefinition(questionnaire, u.code).name.id,
      nrr: fixedOrDash(u.nrr, DECIMALS.nrr),
    })),
  };

  return {
    title: options.title ?? bi('Survei Kepuasan Masyarakat', 'Public Satisfaction Survey'),
    summary,
    tables: { ringkasan, unsur, profil, prioritas },
    profile,
    sample,
    warnings,
  };
}

/** One row per group: its keys, respondents, IKM, grade and each unsur's NRR. */
export function groupsTable(groups: readonly GroupScore[], by: readonly Dimension[]): Table {
  const columns: TableColumn[] = [
    ...by.map((d) => ({ key: d, label: bi(d, d) })),
    { key: 'respondents', label: bi('responden', 'respondents'), numeric: true },
    { key: 'ikm', label: bi('IKM', 'IKM'), numeric: true },
    { key: 'mutu', label: bi('mutu', 'grade') },
    ...UNSUR_CODES.map((c) => ({ key: c, label: bi(c, c), numeric: true })),
  ];
  const rows = groups.map(({ key, score }) => {
    const row: Record<string, string | number> = {};
    for (const d of by) row[d] = key[d] ?? '-';
    row.respondents = score.respondents;
    row.ikm = score.ikmText ?? '-';
    row.mutu = score.mutu ?? '-';
    for (const u of score.unsur) row[u.code] = fixedOrDash(u.nrr, DECIMALS.nrr);
    return row;
  });
  return { title: bi('IKM per kelompok', 'IKM per group'), columns, rows };
}
