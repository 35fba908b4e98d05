import { SkmAccumulator } from '../accumulator.js';
import { type Dimension, GroupedAccumulator } from '../aggregate.js';
import { PERIOD_KINDS, periodKey } from '../period.js';
import {
  NOT_ANSWERED,
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
import { type CsvRecordSink, CsvSyntaxError, CsvTokenizer, fieldText } from './csv-reader.js';
import { TextInterner } from './interner.js';
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
const USIA = PROFILE_FIELDS.indexOf('usia');
/** Profile slot of each age 0–120 (its age group's position + 1). */
const AGE_SLOT = Uint8Array.from(
  { length: 121 },
  (_, age) => USIA_GROUPS.indexOf(usiaGroup(age)) + 1,
);
/** Per profile field: FNV-1a hash of each category's bytes → category index. */
const CATEGORY_HASH: readonly Map<number, number>[] = PROFILE_FIELDS.map(
  (field) =>
    new Map(
      CATEGORY_BYTES[field].map((bytes, k) => {
        let h = 0x811c9dc5;
        for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
        return [h, k] as const;
      }),
    ),
);
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
  /** False once a syntax error has stopped the reading. */
  complete = true;

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
  private readonly batches = new Map<number | string, Batch>();
  /** The only batch when not grouping. */
  private readonly single: Batch | undefined;
  private readonly rowProfile = new Uint8Array(FIELDS);
  private readonly ids: Int32Array;
  private readonly interners: (TextInterner | undefined)[];
  /** Per period dimension: period value → id, and labels by id (id 0 = no date). */
  private readonly periodIds: (Map<number, number> | undefined)[];
  private readonly periodLabels: (string[] | undefined)[];
  private rowBad = false;
  /** Index in `errors` of the current row's first error. */
  private rowErrors = 0;
  private readonly scratch: Batch;
  private line = 0;

  constructor(options: CsvReadOptions = {}) {
    this.by = options.by ?? [];
    this.maxErrors = options.maxErrors ?? 100;
    this.version = options.questionnaire ?? SKM_2017_VERSION;
    this.versionBytes = encoder.encode(this.version);
    this.grouped = new GroupedAccumulator(this.by, this.version);
    this.ids = new Int32Array(this.by.length);
    const isPeriod = (d: Dimension) => (PERIOD_KINDS as readonly string[]).includes(d);
    this.interners = this.by.map((d) =>
      d === 'service' || d === 'agency' || d === 'mpp' ? new TextInterner() : undefined,
    );
    this.periodIds = this.by.map((d) => (isPeriod(d) ? new Map() : undefined));
    this.periodLabels = this.by.map((d) => (isPeriod(d) ? [NOT_ANSWERED] : undefined));
    if (this.by.length === 0) {
      this.single = this.newBatch([]);
      this.batches.set(0, this.single);
    }
    this.scratch = {
      acc: new SkmAccumulator(this.version),
      packed: new Uint8Array(UNSUR_COUNT),
      profiles: new Uint8Array(FIELDS),
      n: 0,
    };
  }

  /** Records a CSV syntax error (the rest of the file is not read). */
  syntaxError(error: CsvSyntaxError): void {
    this.rowBad = false;
    this.line = error.line;
    this.rows++;
    this.fail(null, error.detail);
    this.complete = false;
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
    this.rowErrors = this.errors.length;
    if (n !== this.names.length) {
      this.fail(
        null,
        `jumlah kolom ${n}, seharusnya ${this.names.length} / ${n} columns, expected ${this.names.length}`,
      );
      return;
    }
    if (this.questionnaireCol >= 0) this.checkVersion(buf, starts, ends, quoted);
    const profile = this.rowProfile;
    this.readProfile(buf, starts, ends, quoted, profile);
    const date = this.dateCol >= 0 ? this.readDate(buf, starts, ends, quoted) : 0;
    // A row with a bad date is still checked column by column (into a scratch batch that is
    // never folded) so that all of its problems are reported at once.
    const batch =
      this.single ?? (date < 0 ? this.scratch : this.groupBatch(buf, starts, ends, quoted, date));
    const at = batch.n * UNSUR_COUNT;
    const packed = batch.packed;
    const cols = this.unsurCol;
    for (let u = 0; u < UNSUR_COUNT; u++) {
      const col = cols[u] as number;
      const s = starts[col] as number;
      const len = (ends[col] as number) - s;
      let v = 0;
      if (len === 1 && quoted[col] === 0) {
        v = (buf[s] as number) - 48;
        if (v < 1 || v > 4) v = this.slowAnswer(buf, starts, ends, quoted, u);
      } else if (len > 0) {
        v = this.slowAnswer(buf, starts, ends, quoted, u);
      }
      packed[at + u] = v;
    }
    if (this.rowBad) {
      this.sortRowErrors();
      return;
    }
    batch.profiles.set(profile, batch.n * FIELDS);
    batch.n++;
    if (batch.n === BATCH) this.flush(batch);
  }

  /** Puts the errors of the current row in the order of the file's columns. */
  private sortRowErrors(): void {
    const mine = this.errors.splice(this.rowErrors);
    const at = (e: RowError) => (e.column === null ? -1 : this.names.indexOf(e.column));
    this.errors.push(...mine.sort((a, b) => at(a) - at(b)));
  }

  /** An answer that is not a bare digit: quoted or padded 1–4, blank, or an error (→ 0). */
  private slowAnswer(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    u: number,
  ): number {
    const col = this.unsurCol[u] as number;
    const raw = fieldText(buf, starts, ends, quoted, col);
    const t = raw.trim();
    if (t === '') return 0;
    if (/^[1-4]$/.test(t)) return Number(t);
    this.fail(UNSUR_CODES[u] as string, ANSWER_MESSAGE, raw);
    return 0;
  }

  /** The date as yyyymmdd, 0 when blank, −1 (and an error) when not a real YYYY-MM-DD day. */
  private readDate(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
  ): number {
    const col = this.dateCol;
    const s = starts[col] as number;
    const e = ends[col] as number;
    if (e === s) return 0;
    let ok = e - s === 10 && buf[s + 4] === 45 && buf[s + 7] === 45;
    let value = 0;
    for (let i = 0; ok && i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const c = (buf[s + i] as number) - 48;
      ok = c >= 0 && c <= 9;
      value = value * 10 + c;
    }
    const year = Math.floor(value / 10000);
    const month = Math.floor(value / 100) % 100;
    const day = value % 100;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const max = month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 0);
    if (ok && month >= 1 && month <= 12 && day >= 1 && day <= max) return value;
    this.fail(
      'date',
      'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD',
      fieldText(buf, starts, ends, quoted, col),
    );
    return -1;
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
  ): void {
    for (let f = 0; f < FIELDS; f++) {
      const col = this.profileCol[f] as number;
      out[f] = 0;
      if (col < 0) continue;
      const s = starts[col] as number;
      const e = ends[col] as number;
      if (e === s) continue;
      const field = PROFILE_FIELDS[f] as ProfileField;
      let slot = -1;
      if (f === USIA) {
        let age = 0;
        let ok = e - s <= 3 && quoted[col] === 0;
        for (let i = s; ok && i < e; i++) {
          const c = buf[i] as number;
          ok = isDigit(c);
          age = age * 10 + c - 48;
        }
        if (ok && age >= 10 && age <= 120) slot = AGE_SLOT[age] as number;
        if (slot < 0) {
          this.fail(
            field,
            'usia harus bilangan bulat 10–120 / age must be a whole number 10–120',
            fieldText(buf, starts, ends, quoted, col),
          );
        }
      } else {
        if (quoted[col] === 0) {
          // Hash the bytes, then confirm the candidate category byte for byte.
          let h = 0x811c9dc5;
          for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
          const k = (CATEGORY_HASH[f] as Map<number, number>).get(h);
          if (k !== undefined) {
            const o = (CATEGORY_BYTES[field] as readonly Uint8Array[])[k] as Uint8Array;
            let same = o.length === e - s;
            for (let i = 0; same && i < o.length; i++) same = buf[s + i] === o[i];
            if (same) slot = k + 1;
          }
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
      out[f] = Math.max(slot, 0);
    }
  }

  /** The batch of the row's group, found by interned ids of each grouping dimension. */
  private groupBatch(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    date: number,
  ): Batch {
    const by = this.by;
    const ids = this.ids;
    let numeric = by.length <= 4;
    for (let i = 0; i < by.length; i++) {
      const id = this.dimensionId(i, by[i] as Dimension, buf, starts, ends, quoted, date);
      ids[i] = id;
      if (id >= 4096) numeric = false;
    }
    let key: number | string = 0;
    if (numeric) {
      let k = 0;
      for (let i = 0; i < by.length; i++) k = k * 4096 + (ids[i] as number);
      key = k;
    } else {
      key = Array.from(ids).join(',');
    }
    let b = this.batches.get(key);
    if (b === undefined) {
      b = this.newBatch(by.map((d, i) => this.label(i, d, ids[i] as number)));
      this.batches.set(key, b);
    }
    return b;
  }

  private dimensionId(
    i: number,
    d: Dimension,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    quoted: Uint8Array,
    date: number,
  ): number {
    switch (d) {
      case 'service':
      case 'agency':
      case 'mpp': {
        const col = this.textCol[d];
        return col < 0 ? 0 : (this.interners[i] as TextInterner).id(buf, starts, ends, quoted, col);
      }
      case 'month':
      case 'quarter':
      case 'semester':
      case 'year': {
        if (date === 0) return 0;
        const year = Math.floor(date / 10000);
        const month = Math.floor(date / 100) % 100;
        const value =
          d === 'month'
            ? year * 100 + month
            : d === 'quarter'
              ? year * 10 + Math.ceil(month / 3)
              : d === 'semester'
                ? year * 10 + (month <= 6 ? 1 : 2)
                : year;
        const labels = this.periodLabels[i] as string[];
        const known = this.periodIds[i] as Map<number, number>;
        let id = known.get(value);
        if (id === undefined) {
          id = labels.length;
          known.set(value, id);
          labels.push(
            periodKey(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`, d),
          );
        }
        return id;
      }
      default:
        return this.rowProfile[PROFILE_FIELDS.indexOf(d)] as number;
    }
  }

  /** The group value (text) of an id. */
  private label(i: number, d: Dimension, id: number): string {
    switch (d) {
      case 'service':
      case 'agency':
      case 'mpp':
        return this.textCol[d] < 0
          ? NOT_ANSWERED
          : ((this.interners[i] as TextInterner).texts[id] as string);
      case 'month':
      case 'quarter':
      case 'semester':
      case 'year':
        return (this.periodLabels[i] as string[])[id] as string;
      default:
        return id === 0 ? NOT_ANSWERED : (PROFILE_CATEGORIES[d][id - 1] as string);
    }
  }

  private newBatch(values: readonly string[]): Batch {
    return {
      acc: this.grouped.group(values),
      packed: new Uint8Array(BATCH * UNSUR_COUNT),
      profiles: new Uint8Array(BATCH * FIELDS),
      n: 0,
    };
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
      complete: this.complete,
    };
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
    if (error instanceof CsvSyntaxError) {
      // The file cannot be read past this point: report it like a bad row and stop.
      sink.syntaxError(error);
      return sink.finish();
    }
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
