import { z } from 'zod';
import { type Dimension, GroupedAccumulator } from '../aggregate.js';
import { PROFILE_FIELDS } from '../profile.js';
import { type Questionnaire, SKM_2017 } from '../questionnaire.js';
import { responseSchema, type SkmResponse } from '../response.js';
import { UNSUR_CODES, type UnsurCode } from '../unsur.js';
import { EXTRA_PREFIX, isRecordColumn } from './columns.js';
import { type ReadResult, type RowError, SkmInputError } from './row-error.js';

/** Options for reading responses from JSON. */
export interface JsonReadOptions {
  readonly by?: readonly Dimension[];
  /** Questionnaire the records answer (default: the 2017 questionnaire). */
  readonly questionnaire?: Questionnaire;
  readonly maxErrors?: number;
}

function questionnaireOf(q: Questionnaire | undefined): Questionnaire {
  return q ?? SKM_2017;
}

/** 1-based line and column of character `index` of `text`. */
function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: index - last };
}

/**
 * Turns a flat record (the CSV columns as JSON keys, answers as numbers 1–4 or null) into a
 * response object for validation. Non-objects are passed through for the schema to reject.
 */
function fromFlat(
  item: unknown,
  version: string,
): { out: unknown; extra: Record<string, unknown> } {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { out: item, extra: {} };
  const rec = item as Record<string, unknown>;
  const answers: Partial<Record<UnsurCode, unknown>> = {};
  const profile: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const out: Record<string, unknown> = { questionnaire: rec.questionnaire ?? version };
  for (const [k, v] of Object.entries(rec)) {
    if ((UNSUR_CODES as readonly string[]).includes(k)) answers[k as UnsurCode] = v;
    else if ((PROFILE_FIELDS as readonly string[]).includes(k)) {
      if (v !== null && v !== '') profile[k] = v;
    } else if (k.startsWith(EXTRA_PREFIX)) {
      // Extra answers never enter the index; the unit's own form defines them, so here they
      // are only checked to be plain values.
      if (v !== null && typeof v !== 'string' && typeof v !== 'number') extra[k] = v;
    } else if (k !== 'questionnaire' && v !== null && isRecordColumn(k)) out[k] = v;
  }
  out.answers = answers;
  if (Object.keys(profile).length > 0) out.profile = profile;
  return { out, extra };
}

/** Column name of a zod issue path in the flat form. */
function columnOf(path: readonly PropertyKey[]): string | null {
  const [head, second] = path;
  if (head === undefined) return null;
  if ((head === 'answers' || head === 'profile') && second !== undefined) return String(second);
  if (head === 'extra' && second !== undefined) return `${EXTRA_PREFIX}${String(second)}`;
  return String(head);
}

const flatKeys = z.record(z.string(), z.unknown());

/**
 * Reads responses from JSON text: an array of flat records, each with the CSV columns as
 * keys (`persyaratan`: 1–4 or null, `service`, `date`, `usia`, …, `extra.*`), or the
 * same array under a `responses` key. Syntax errors give line and column; invalid records
 * give their 1-based position and the field at fault.
 */
export function readJsonResponses(text: string, options: JsonReadOptions = {}): ReadResult {
  const version = questionnaireOf(options.questionnaire).version;
  const maxErrors = options.maxErrors ?? 100;
  const grouped = new GroupedAccumulator(options.by ?? [], version);
  const errors: RowError[] = [];
  let errorCount = 0;
  const push = (e: RowError): void => {
    if (errors.length < maxErrors) errors.push(e);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at
      ? lineColumn(text, Number(at[1]))
      : /end of JSON input/.test(message)
        ? lineColumn(text, text.length)
        : null;
    push({
      row: 0,
      ...(where ? { line: where.line } : {}),
      column: where ? String(where.column) : null,
      message: `JSON tidak sah${where ? ` (baris ${where.line}, kolom ${where.column})` : ''} / invalid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${message}`,
    });
    return { grouped, rows: 0, errors, errorCount: 1, complete: false };
  }
  const items = Array.isArray(data) ? data : (data as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(items)) {
    push({
      row: 0,
      column: null,
      message:
        'harus array respons atau objek { "responses": [...] } / must be an array of responses or an object { "responses": [...] }',
    });
    return { grouped, rows: 0, errors, errorCount: 1, complete: false };
  }
  const schema = responseSchema(questionnaireOf(options.questionnaire));
  items.forEach((item, index) => {
    const row = index + 1;
    let bad = false;
    const keys = flatKeys.safeParse(item);
    if (keys.success) {
      for (const k of Object.keys(keys.data)) {
        if (!isRecordColumn(k)) {
          bad = true;
          push({ row, column: k, message: 'kolom/kode tidak dikenal / unknown field or code' });
        }
      }
    }
    const flat = fromFlat(item, version);
    for (const k of Object.keys(flat.extra)) {
      bad = true;
      push({ row, column: k, message: 'harus teks atau angka / must be text or a number' });
    }
    const parsed = schema.safeParse(flat.out);
    if (!parsed.success) {
      bad = true;
      for (const issue of parsed.error.issues) {
        push({ row, column: columnOf(issue.path), message: issue.message });
      }
    }
    if (bad) {
      errorCount++;
      return;
    }
    grouped.add((parsed as { data: SkmResponse }).data);
  });
  return { grouped, rows: items.length, errors, errorCount, complete: true };
}

/** Like {@link readJsonResponses}, but throws {@link SkmInputError} when any record is bad. */
export function readJsonResponsesStrict(text: string, options: JsonReadOptions = {}): ReadResult {
  const result = readJsonResponses(text, options);
  if (result.errorCount > 0) throw new SkmInputError(result.errors, result.errorCount);
  return result;
}
