import { SkmAccumulator } from '../accumulator.js';
import { type Dimension, GroupedAccumulator } from '../aggregate.js';
import type { PeriodKind } from '../period.js';
import {
  PROFILE_CATEGORIES,
  PROFILE_FIELDS,
  type ProfileField,
  USIA_GROUPS,
  usiaGroup,
} from '../profile.js';
import { SKM_2017_VERSION } from '../questionnaire.js';
import { ANSWER_MESSAGE } from '../response.js';
import { UNSUR_CODES, UNSUR_COUNT } from '../unsur.js';
import { isRecordColumn } from './columns.js';
import { type CsvRecordSink, CsvTokenizer, fieldText } from './csv-reader.js';
import { type ReadResult, type RowError, SkmInputError } from './row-error.js';

/** Options for reading responses from CSV. */
export interface CsvReadOptions {
  /** Dimensions to group by (none: one group). */
  readonly by?: readonly Dimension[];
  /** Questionnaire version the file must be on (a `questionnaire` column, when present, is checked). */
  readonly questionnaire?: string;
  /** How many errors to keep in detail (all are counted). Default 100. */
  readonly maxErrors?: number;
}

/** Responses buffered per group before being folded in bulk. */
const BATCH = 2048;
const FIELDS = PROFILE_FIELDS.length;
const NO_GROUP = '';

interface Batch {
  readonly acc: SkmAccumulator;
  readonly packed: Uint8Array;
  readonly profiles: Uint8Array;
  n: number;
}

const encoder = new TextEncoder();
const CATEGORY_BYTES: Record<ProfileField, readonly Uint8Array[]> = {
  jenisKelamin: PROFILE_CATEGORIES.jenisKelamin.map((c) => encoder.encode(c)),
  usia: [],
  pendidikan: PROFILE_CATEGORIES.pendidikan.map((c) => encoder.encode(c)),
  pekerjaan: PROFILE_CATEGORIES.pekerjaan.map((c) => encoder.encode(c)),
};
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/**
 * Reads CSV records (from {@link CsvTokenizer}) as survey responses and folds them into
 * per-group accumulators. The first record is the header; columns are matched by name, so
 * their order is free. Every bad row is recorded with its row, line and column and left out.
 */
export class CsvResponseSink implements CsvRecordSink {
  readonly grouped: GroupedAccumulator;
  readonly errors: RowError[] = [];
  errorCount = 0;
  rows = 0;

  private readonly by: readonly Dimension[];
  private readonly maxErrors: number;
  private readonly version: string;
  private readonly versionBytes: Uint8Array;
  private names: string[] = [];
  private header = false;
  /** Column index of each unsur, in UNSUR_CODES order. */
  private readonly unsurCol = new Int32Array(UNSUR_COUNT);
  /** Column index of each profile field, or -1. */
  private readonly profileCol = new Int32Array(FIELDS).fill(-1);
  private dateCol = -1;
  private questionnaireCol = -1;
  private readonly textCol: Record<'service' | 'agency' | 'mpp', number> = {
    service: -1,
    agency: -1,
    mpp: -1,
  };
  private readonly batches = new Map<string, Batch>();
  private readonly keyValues: string[] = [];
  private rowBad = false;
  private readonly scratch: Batch;
  private line = 0;

  constructor(options: CsvReadOptions = {}) {
    this.by = options.by ?? [];
    this.maxErrors = options.maxErrors ?? 100;
    this.version = options.questionnaire ?? SKM_2017_VERSION;
    this.versionBytes = encoder.encode(this.version);
    this.grouped = new GroupedAccumulator(this.by, this.version);
    this.scratch = {
      acc: new SkmAccumulator(this.version),
      packed: new Uint8Array(UNSUR_COUNT),
      profiles: new Uint8Array(FIELDS),
      n: 0,
    };
  }

  private fail(column: string | null, message: string, value?: string): void {
    if (!this.rowBad) this.errorCount++;
    this.rowBad = true;
    if (this.errors.length < this.maxErrors) {
      this.errors.push({
        row: this.rows,
        line: this.line,
        column,
        message,
        ...(value === undefined ? {} : { value }),
      });
    }
  }

  private readHeader(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    n: number,
  ): void {
    this.header = true;
    this.unsurCol.fill(-1);
    for (let i = 0; i < n; i++) {
      const name = fieldText(buf, starts, ends, quoted, i).trim();
      this.names.push(name);
      if (!isRecordColumn(name)) {
        this.fail(
          name,
          `kolom tidak dikenal; yang sah: kode unsur, service, agency, mpp, date, profil, saran, questionnaire, extra.* / unknown column; allowed: unsur codes, service, agency, mpp, date, profile fields, saran, questionnaire, extra.*`,
        );
        continue;
      }
      if (this.names.indexOf(name) !== i) {
        this.fail(name, 'kolom ganda / duplicated column');
        continue;
      }
      const u = (UNSUR_CODES as readonly string[]).indexOf(name);
      if (u >= 0) this.unsurCol[u] = i;
      const f = (PROFILE_FIELDS as readonly string[]).indexOf(name);
      if (f >= 0) this.profileCol[f] = i;
      if (name === 'date') this.dateCol = i;
      if (name === 'questionnaire') this.questionnaireCol = i;
      if (name === 'service' || name === 'agency' || name === 'mpp') this.textCol[name] = i;
    }
    UNSUR_CODES.forEach((code, u) => {
      if (this.unsurCol[u] === -1) this.fail(code, 'kolom unsur tidak ada / unsur column missing');
    });
  }

  record(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    n: number,
    line: number,
  ): void {
    this.line = line;
    this.rowBad = false;
    if (!this.header) {
      this.readHeader(buf, starts, ends, quoted, n);
      if (this.rowBad) throw new SkmInputError(this.errors, this.errorCount);
      return;
    }
    this.rows++;
    if (n !== this.names.length) {
      this.fail(
        null,
        `jumlah kolom ${n}, seharusnya ${this.names.length} / ${n} columns, expected ${this.names.length}`,
      );
      return;
    }
    if (this.questionnaireCol >= 0) this.checkVersion(buf, starts, ends, quoted);
    // A row with a bad date is still checked column by column (into a scratch batch that is
    // never folded) so that all of its problems are reported at once.
    const batch = this.batchFor(buf, starts, ends, quoted) ?? this.scratch;
    const at = batch.n * UNSUR_COUNT;
    const packed = batch.packed;
    for (let u = 0; u < UNSUR_COUNT; u++) {
      const col = this.unsurCol[u] as number;
      const s = starts[col] as number;
      const e = ends[col] as number;
      let v: number;
      if (e - s === 1 && quoted[col] === 0) {
        v = (buf[s] as number) - 48;
        if (v < 1 || v > 4) v = -1;
      } else if (e === s) {
        v = 0;
      } else {
        const t = fieldText(buf, starts, ends, quoted, col).trim();
        v = t === '' ? 0 : /^[1-4]$/.test(t) ? Number(t) : -1;
      }
      if (v < 0) {
        this.fail(
          UNSUR_CODES[u] as string,
          ANSWER_MESSAGE,
          fieldText(buf, starts, ends, quoted, col),
        );
        v = 0;
      }
      packed[at + u] = v;
    }
    this.readProfile(buf, starts, ends, quoted, batch.profiles, batch.n * FIELDS);
    if (this.rowBad) return;
    batch.n++;
    if (batch.n === BATCH) this.flush(batch);
  }

  private checkVersion(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
  ): void {
    const col = this.questionnaireCol;
    const s = starts[col] as number;
    const e = ends[col] as number;
    if (e === s) return;
    const vb = this.versionBytes;
    let same = e - s === vb.length && quoted[col] === 0;
    for (let i = 0; same && i < vb.length; i++) same = buf[s + i] === vb[i];
    if (!same && fieldText(buf, starts, ends, quoted, col).trim() !== this.version) {
      this.fail(
        'questionnaire',
        `versi kuesioner harus "${this.version}" / questionnaire version must be "${this.version}"`,
        fieldText(buf, starts, ends, quoted, col),
      );
    }
  }

  private readProfile(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    out: Uint8Array,
    at: number,
  ): void {
    for (let f = 0; f < FIELDS; f++) {
      const col = this.profileCol[f] as number;
      out[at + f] = 0;
      if (col < 0) continue;
      const s = starts[col] as number;
      const e = ends[col] as number;
      if (e === s) continue;
      const field = PROFILE_FIELDS[f] as ProfileField;
      let slot = -1;
      if (field === 'usia') {
        let age = 0;
        let ok = e - s <= 3 && quoted[col] === 0;
        for (let i = s; ok && i < e; i++) {
          const c = buf[i] as number;
          ok = isDigit(c);
          age = age * 10 + c - 48;
        }
        if (ok && age >= 10 && age <= 120) slot = USIA_GROUPS.indexOf(usiaGroup(age)) + 1;
        if (slot < 0) {
          this.fail(
            field,
            'usia harus bilangan bulat 10–120 / age must be a whole number 10–120',
            fieldText(buf, starts, ends, quoted, col),
          );
        }
      } else {
        const options = CATEGORY_BYTES[field];
        for (let k = 0; slot < 0 && k < options.length; k++) {
          const o = options[k] as Uint8Array;
          if (o.length !== e - s || quoted[col] !== 0) continue;
          let same = true;
          for (let i = 0; same && i < o.length; i++) same = buf[s + i] === o[i];
          if (same) slot = k + 1;
        }
        if (slot < 0) {
          const t = fieldText(buf, starts, ends, quoted, col).trim();
          const k = PROFILE_CATEGORIES[field].indexOf(t);
          if (k >= 0) slot = k + 1;
          else if (t === '') slot = 0;
        }
        if (slot < 0) {
          const allowed = PROFILE_CATEGORIES[field].join(', ');
          this.fail(
            field,
            `harus salah satu dari ${allowed} / must be one of ${allowed}`,
            fieldText(buf, starts, ends, quoted, col),
          );
        }
      }
      out[at + f] = Math.max(slot, 0);
    }
  }

  /** Checks the date and finds (or makes) the batch of the row's group; undefined on a bad date. */
  private batchFor(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
  ): Batch | undefined {
    let date = '';
    if (this.dateCol >= 0) {
      const col = this.dateCol;
      const s = starts[col] as number;
      const e = ends[col] as number;
      if (e > s) {
        const ok =
          e - s === 10 &&
          buf[s + 4] === 45 &&
          buf[s + 7] === 45 &&
          isDigit(buf[s]) &&
          isDigit(buf[s + 1]) &&
          isDigit(buf[s + 2]) &&
          isDigit(buf[s + 3]) &&
          isDigit(buf[s + 5]) &&
          isDigit(buf[s + 6]) &&
          isDigit(buf[s + 8]) &&
          isDigit(buf[s + 9]);
        const month = ok ? ((buf[s + 5] as number) - 48) * 10 + (buf[s + 6] as number) - 48 : 0;
        const day = ok ? ((buf[s + 8] as number) - 48) * 10 + (buf[s + 9] as number) - 48 : 0;
        const year = ok ? Number(String.fromCharCode(...buf.subarray(s, s + 4))) : 0;
        const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
        const max = month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 0);
        if (!ok || month < 1 || month > 12 || day < 1 || day > max) {
          this.fail(
            'date',
            'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD',
            fieldText(buf, starts, ends, quoted, col),
          );
          return undefined;
        }
        if (this.by.length > 0) date = String.fromCharCode(...buf.subarray(s, s + 10));
      }
    }
    if (this.by.length === 0) return this.batch(NO_GROUP, []);
    const values = this.keyValues;
    values.length = 0;
    for (const d of this.by) values.push(this.dimension(d, buf, starts, ends, quoted, date));
    return this.batch(values.join('\u001f'), values);
  }

  private dimension(
    d: Dimension,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    date: string,
  ): string {
    switch (d) {
      case 'service':
      case 'agency':
      case 'mpp': {
        const col = this.textCol[d];
        if (col < 0) return '-';
        const t = fieldText(buf, starts, ends, quoted, col).trim();
        return t === '' ? '-' : t;
      }
      case 'month':
      case 'quarter':
      case 'semester':
      case 'year':
        return date === '' ? '-' : periodOf(date, d);
      default: {
        const col = this.profileCol[PROFILE_FIELDS.indexOf(d)] as number;
        if (col < 0) return '-';
        const t = fieldText(buf, starts, ends, quoted, col).trim();
        if (t === '') return '-';
        if (d === 'usia') return /^\d{1,3}$/.test(t) ? usiaGroup(Number(t)) : '-';
        return t;
      }
    }
  }

  private batch(id: string, values: readonly string[]): Batch {
    let b = this.batches.get(id);
    if (b === undefined) {
      b = {
        acc: this.grouped.group(values),
        packed: new Uint8Array(BATCH * UNSUR_COUNT),
        profiles: new Uint8Array(BATCH * FIELDS),
        n: 0,
      };
      this.batches.set(id, b);
    }
    return b;
  }

  private flush(b: Batch): void {
    if (b.n > 0) b.acc.addPacked(b.packed, 0, b.n, b.profiles);
    b.n = 0;
  }

  /** Folds what is still buffered and returns the result. */
  finish(): ReadResult {
    if (!this.header) {
      this.fail(null, 'berkas kosong: tidak ada baris judul / empty file: no header row');
    }
    for (const b of this.batches.values()) this.flush(b);
    return {
      grouped: this.grouped,
      rows: this.rows,
      errors: this.errors,
      errorCount: this.errorCount,
    };
  }
}

function periodOf(date: string, kind: PeriodKind): string {
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
    case 'semester':
      return `${date.slice(0, 4)}-S${month <= 6 ? 1 : 2}`;
    case 'year':
      return date.slice(0, 4);
  }
}

/**
 * Reads survey responses from CSV bytes (any chunking) and folds them per group.
 * Bad rows are listed in the result, never silently dropped; see {@link readCsvResponsesStrict}.
 */
export async function readCsvResponses(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvReadOptions = {},
): Promise<ReadResult> {
  const sink = new CsvResponseSink(options);
  const tokenizer = new CsvTokenizer(sink);
  try {
    for await (const chunk of chunks) tokenizer.push(chunk);
    tokenizer.end();
  } catch (error) {
    if (error instanceof SkmInputError) return sink.finish();
    throw error;
  }
  return sink.finish();
}

/** Like {@link readCsvResponses}, but throws {@link SkmInputError} when any row is bad. */
export async function readCsvResponsesStrict(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvReadOptions = {},
): Promise<ReadResult> {
  const result = await readCsvResponses(chunks, options);
  if (result.errorCount > 0) throw new SkmInputError(result.errors, result.errorCount);
  return result;
}
