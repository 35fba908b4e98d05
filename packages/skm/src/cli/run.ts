import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DIMENSIONS, type Dimension, isDimension, scoreGroups } from '../aggregate.js';
import { readCsvResponses } from '../io/csv-responses.js';
import { readJsonResponses } from '../io/json-responses.js';
import { formatRowError, type ReadResult } from '../io/row-error.js';
import { PERIOD_KINDS } from '../period.js';
import { reportToHtml, reportToJson, reportToMarkdown } from '../report/render.js';
import { buildReport, groupsTable } from '../report/report.js';
import { summarize, summarizeGroup } from '../report/summary.js';
import { type Table, tableToCsv, tableToText } from '../report/table.js';
import { checkSample, marginOfError, requiredSampleSize } from '../sample-size.js';
import { scoreAccumulator } from '../score.js';
import { isWeightMode, WEIGHT_MODES, type WeightMode } from '../weight.js';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const USAGE = `mpp-skm — Survei Kepuasan Masyarakat (PermenPANRB 14/2017)

Penggunaan / usage:
  mpp-skm score <file.csv|file.json> [--by ${DIMENSIONS.join('|')}|period[,…]]
                [--period ${PERIOD_KINDS.join('|')}] [--weight ${WEIGHT_MODES.join('|')}] [--format table|json|csv]
                [--population N] [--skip-invalid]
  mpp-skm report <file.csv|file.json> [--format markdown|html|json|csv] [--lang id|en]
                [--weight …] [--population N] [--skip-invalid]
  mpp-skm sample <population> [--respondents n]

score   IKM, mutu dan NRR per unsur / IKM, grade and NRR per unsur
report  tabel laporan (profil, NRR, IKM, prioritas) / report tables (profile, NRR, IKM, priorities)
sample  ukuran sampel Krejcie–Morgan / Krejcie–Morgan sample size

Kode keluar / exit codes: 0 ok, 1 baris tidak sah / invalid rows, 2 penggunaan salah / usage error
`;

class UsageError extends Error {}

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

async function readInput(
  file: string,
  by: readonly Dimension[],
  kind: 'csv' | 'json',
): Promise<ReadResult> {
  if (kind === 'json') return readJsonResponses(await readFile(file, 'utf8'), { by });
  return readCsvResponses(createReadStream(file, { highWaterMark: 1 << 20 }), { by });
}

/**
 * Reads the input and prints every bad row. Returns the exit code when nothing may be scored:
 * bad rows without --skip-invalid, or a file that could not be read to the end.
 */
async function readChecked(
  file: string,
  kind: 'csv' | 'json',
  by: readonly Dimension[],
  skipInvalid: boolean,
  io: CliIo,
): Promise<ReadResult | number> {
  const result = await readInput(file, by, kind);
  if (result.errorCount === 0) return result;
  for (const e of result.errors) io.stderr(`${file}: ${formatRowError(e)}\n`);
  if (result.errorCount > result.errors.length) {
    io.stderr(`… +${result.errorCount - result.errors.length}\n`);
  }
  const skip = skipInvalid && result.complete && result.errors.every((e) => e.row > 0);
  io.stderr(
    skip
      ? `${result.errorCount} dari ${result.rows} baris tidak sah dan TIDAK dihitung / ${result.errorCount} of ${result.rows} rows invalid and NOT scored\n`
      : `${result.errorCount} baris tidak sah; tidak ada hasil${result.complete ? ' (pakai --skip-invalid untuk menilai sisanya)' : ''} / ${result.errorCount} invalid rows; no result${result.complete ? ' (use --skip-invalid to score the rest)' : ''}\n`,
  );
  return skip ? result : 1;
}

function inputKind(file: string, input: string | undefined): 'csv' | 'json' {
  const kind = input ?? extname(file).slice(1).toLowerCase();
  if (kind !== 'csv' && kind !== 'json') {
    throw new UsageError(
      `berkas harus .csv atau .json / the file must be .csv or .json (or use --input csv|json)`,
    );
  }
  return kind;
}

function weightOf(value: string): WeightMode {
  if (!isWeightMode(value)) {
    throw new UsageError(`--weight harus / must be ${WEIGHT_MODES.join(', ')} (got "${value}")`);
  }
  return value;
}

function populationOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const population = Number(value);
  if (!Number.isInteger(population) || population < 1) {
    throw new UsageError('--population harus bilangan bulat ≥ 1 / must be a whole number ≥ 1');
  }
  return population;
}

const REPORT_FORMATS = ['markdown', 'html', 'json', 'csv'] as const;

/** `mpp-skm report`: the regulation's report tables of the whole file. */
async function report(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      weight: { type: 'string', default: 'exact' },
      format: { type: 'string', default: 'markdown' },
      lang: { type: 'string', default: 'id' },
      population: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      input: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError('perlu tepat satu berkas / exactly one input file is needed');
  }
  const weight = weightOf(values.weight as string);
  const format = values.format as string;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format harus / must be ${REPORT_FORMATS.join(', ')} (got "${format}")`);
  }
  const lang = values.lang as string;
  if (lang !== 'id' && lang !== 'en') throw new UsageError('--lang harus / must be id, en');
  const population = populationOf(values.population);
  const result = await readChecked(
    file,
    inputKind(file, values.input),
    [],
    values['skip-invalid'] === true,
    io,
  );
  if (typeof result === 'number') return result;
  const built = buildReport(result.grouped.group([]), {
    weight,
    ...(population === undefined ? {} : { population }),
  });
  for (const w of built.warnings) io.stderr(`${w}\n`);
  if (format === 'markdown') io.stdout(reportToMarkdown(built, lang));
  else if (format === 'html') io.stdout(reportToHtml(built, lang));
  else if (format === 'json') io.stdout(reportToJson(built));
  else {
    const t = built.tables;
    io.stdout(
      [t.ringkasan, t.unsur, t.profil, t.prioritas].map((x) => tableToCsv(x, lang)).join('\n'),
    );
  }
  return 0;
}

function render(table: Table, format: Exclude<Format, 'json'>): string {
  return format === 'csv' ? tableToCsv(table) : tableToText(table);
}

async function score(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      weight: { type: 'string', default: 'exact' },
      format: { type: 'string', default: 'table' },
      population: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      input: { type: 'string' },
      period: { type: 'string', default: 'month' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError('perlu tepat satu berkas / exactly one input file is needed');
  }
  const weight = weightOf(values.weight as string);
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format harus / must be ${FORMATS.join(', ')} (got "${format}")`);
  }
  const period = values.period as string;
  if (!(PERIOD_KINDS as readonly string[]).includes(period)) {
    throw new UsageError(`--period harus / must be ${PERIOD_KINDS.join(', ')} (got "${period}")`);
  }
  // `period` in --by stands for the length chosen with --period (month unless told).
  const by = (values.by ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s === 'period' ? period : s));
  for (const d of by) {
    if (!isDimension(d)) {
      throw new UsageError(
        `--by: dimensi tidak dikenal / unknown dimension "${d}" (${DIMENSIONS.join(', ')})`,
      );
    }
  }
  const population = populationOf(values.population);
  const kind = inputKind(file, values.input);
  const result = await readChecked(
    file,
    kind,
    by as Dimension[],
    values['skip-invalid'] === true,
    io,
  );
  if (typeof result === 'number') return result;

  const options = { weight: weight as WeightMode };
  const groups = scoreGroups(result.grouped, options);
  const total =
    result.grouped.groups.size === 0 ? 0 : groups.reduce((n, g) => n + g.score.respondents, 0);
  const sample =
    population === undefined || total === 0
      ? null
      : checkSample(total, Math.max(population, total));
  if (sample?.warning) io.stderr(`${sample.warning}\n`);

  if (by.length === 0) {
    const acc = groups[0]?.score;
    const summary = acc
      ? summarize(acc)
      : summarize(scoreAccumulator(result.grouped.group([]), options));
    if (format === 'json') {
      io.stdout(`${JSON.stringify(sample ? { ...summary, sample } : summary, null, 2)}\n`);
      return 0;
    }
    const table = groupsTable(
      [{ key: {}, score: acc ?? scoreAccumulator(result.grouped.group([]), options) }],
      [],
    );
    io.stdout(render(table, format as 'table' | 'csv'));
    return 0;
  }
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        groups.map((g) => summarizeGroup(g.key, g.score)),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout(render(groupsTable(groups, by as Dimension[]), format as 'table' | 'csv'));
  return 0;
}

function sample(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { respondents: { type: 'string' }, format: { type: 'string', default: 'table' } },
  });
  const population = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(population) || population < 1) {
    throw new UsageError(
      'sample perlu populasi bilangan bulat ≥ 1 / sample needs a whole-number population ≥ 1',
    );
  }
  const required = requiredSampleSize(population);
  const out: Record<string, unknown> = { population, required };
  if (values.respondents !== undefined) {
    const n = Number(values.respondents);
    if (!Number.isInteger(n) || n < 1 || n > population) {
      throw new UsageError(`--respondents harus 1–${population} / must be 1–${population}`);
    }
    const check = checkSample(n, population);
    Object.assign(out, {
      respondents: n,
      marginOfError: marginOfError(n, population),
      sufficient: check.sufficient,
    });
    if (check.warning) io.stderr(`${check.warning}\n`);
  }
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout(
      `Populasi / population: ${population}\nSampel minimal / required sample (Krejcie–Morgan): ${required}\n${
        out.marginOfError === undefined
          ? ''
          : `Margin of error (n = ${out.respondents}): ±${((out.marginOfError as number) * 100).toFixed(2)}%\n`
      }`,
    );
  }
  return 0;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * Never calls `process.exit`, so tests can run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'score':
        return await score(rest, io);
      case 'report':
        return await report(rest, io);
      case 'sample':
        return sample(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`perintah tidak dikenal / unknown command "${command}"`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`mpp-skm: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if ((error as { code?: string }).code === 'ENOENT') {
      io.stderr(
        `mpp-skm: berkas tidak ada / file not found: ${(error as { path?: string }).path}\n`,
      );
      return 2;
    }
    throw error;
  }
}
