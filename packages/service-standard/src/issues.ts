import type { z } from 'zod';

/** One problem found in a source file, positioned and explained in both languages. */
export interface SourceIssue {
  /** File name as given to the loader. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Data path such as `layanan[0].standar.biaya.tarif[1].amount`; empty for the whole document. */
  readonly path: string;
  /** Explanation in Bahasa Indonesia (`id`) and English (`en`). */
  readonly message: { readonly id: string; readonly en: string };
  /** Machine-readable kind, e.g. `invalid_type`, `yaml_syntax`, `duplicate_code`. */
  readonly code: string;
}

/** The result of loading something: typed data, or every problem found. */
export type LoadResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: readonly SourceIssue[] };

/** `layanan[0].standar.biaya` from `['layanan', 0, 'standar', 'biaya']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * One line per issue: `paspor.yaml:14:5 layanan[0].standar.biaya.tarif[1].amount: harus … / must …`.
 * With `language` only that language is printed.
 */
export function formatIssue(issue: SourceIssue, language?: 'id' | 'en'): string {
  const text =
    language === undefined ? `${issue.message.id} / ${issue.message.en}` : issue.message[language];
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === '' ? `${where}: ${text}` : `${where} ${issue.path}: ${text}`;
}

/** Splits a schema message written as `Indonesian / English`. */
export function splitBilingual(message: string): { id: string; en: string } {
  const at = message.indexOf(' / ');
  if (at < 0) return { id: message, en: message };
  return { id: message.slice(0, at), en: message.slice(at + 3) };
}

const TYPE_NAMES: Record<string, { id: string; en: string }> = {
  string: { id: 'teks', en: 'text' },
  number: { id: 'angka', en: 'a number' },
  int: { id: 'bilangan bulat', en: 'a whole number' },
  boolean: { id: 'true atau false', en: 'true or false' },
  array: { id: 'daftar', en: 'a list' },
  object: { id: 'pemetaan kunci: nilai', en: 'a mapping of key: value' },
  null: { id: 'kosong (null)', en: 'null' },
};

function describeInput(input: unknown): { id: string; en: string } {
  if (input === null) return { id: 'kosong (null)', en: 'null' };
  if (Array.isArray(input)) return { id: 'daftar', en: 'a list' };
  if (typeof input === 'object') return { id: 'pemetaan', en: 'a mapping' };
  if (typeof input === 'string') return { id: 'teks', en: 'text' };
  if (typeof input === 'number') return { id: 'angka', en: 'a number' };
  if (typeof input === 'boolean') return { id: 'true/false', en: 'true/false' };
  return { id: typeof input, en: typeof input };
}

const UNIT = {
  string: { id: 'karakter', en: 'character(s)' },
  array: { id: 'butir', en: 'item(s)' },
} as const;

/**
 * Bilingual messages for zod's built-in issues, as `Indonesian / English`. Pass it as the
 * `error` option of `safeParse`; messages written into the schemas themselves take precedence.
 */
export function bilingualErrorMap(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined && issue.code !== 'unrecognized_keys') {
    return 'wajib diisi / is required';
  }
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? { id: issue.expected, en: issue.expected };
      const got = describeInput(issue.input);
      return `harus ${want.id}, bukan ${got.id} / must be ${want.en}, not ${got.en}`;
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array') {
        const unit = UNIT[issue.origin as keyof typeof UNIT];
        return `paling sedikit ${n} ${unit.id} / must have at least ${n} ${unit.en}`;
      }
      return issue.inclusive === false
        ? `harus lebih dari ${n} / must be greater than ${n}`
        : `paling kecil ${n} / must be at least ${n}`;
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array') {
        const unit = UNIT[issue.origin as keyof typeof UNIT];
        return `paling banyak ${n} ${unit.id} / must have at most ${n} ${unit.en}`;
      }
      return issue.inclusive === false
        ? `harus kurang dari ${n} / must be less than ${n}`
        : `paling besar ${n} / must be at most ${n}`;
    }
    case 'invalid_format':
      return `format tidak sah (${issue.format}) / invalid format (${issue.format})`;
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return issue.values.length === 1
        ? `harus bernilai ${values} / must be ${values}`
        : `harus salah satu dari: ${values} / must be one of: ${values}`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return `kunci tidak dikenal: ${keys} / unknown key: ${keys}`;
    }
    case 'invalid_union':
      return 'tidak cocok dengan bentuk yang diizinkan / does not match any allowed form';
    case 'not_multiple_of':
      return `harus kelipatan ${issue.divisor} / must be a multiple of ${issue.divisor}`;
    default:
      return 'nilai tidak sah / invalid value';
  }
}
