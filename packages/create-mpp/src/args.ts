import { parseArgs } from 'node:util';
import type { RawAnswers } from './answers.js';
import { CreateMppError } from './errors.js';

/** One command-line flag, documented in both languages. */
export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in `--help` for string flags. */
  readonly value?: string;
  readonly id: string;
  readonly en: string;
}

/** Every flag create-mpp accepts; `--help` is generated from this list. */
export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'name',
    type: 'string',
    value: '"MPP Kota Surabaya"',
    id: 'nama MPP',
    en: 'name of the MPP',
  },
  {
    name: 'region-code',
    type: 'string',
    value: 'PP.KK',
    id: 'kode wilayah Kemendagri kabupaten/kota, mis. 35.78',
    en: 'Kemendagri kabupaten/kota code, e.g. 35.78',
  },
  {
    name: 'province',
    type: 'string',
    value: '"Jawa Timur"',
    id: 'provinsi (bawaan: dari kode wilayah)',
    en: 'province (default: from the region code)',
  },
  {
    name: 'regency',
    type: 'string',
    value: '"Kota Surabaya"',
    id: 'kabupaten/kota, diawali "Kabupaten " atau "Kota "',
    en: 'kabupaten/kota, starting with "Kabupaten " or "Kota "',
  },
  {
    name: 'timezone',
    type: 'string',
    value: 'Asia/Jakarta|Asia/Makassar|Asia/Jayapura',
    id: 'zona waktu (bawaan: dari provinsi)',
    en: 'time zone (default: from the province)',
  },
  {
    name: 'agencies',
    type: 'string',
    value: 'kode,kode|all',
    id: 'instansi dari katalog nasional, dipisah koma (bawaan dengan --yes: semua)',
    en: 'agencies from the national catalogue, comma-separated (default with --yes: all)',
  },
  {
    name: 'admin-email',
    type: 'string',
    value: 'email',
    id: 'email admin, penerima alarm operasional',
    en: 'admin email, receives operational alarms',
  },
  {
    name: 'profile',
    type: 'string',
    value: 'small|medium|large',
    id: 'profil penerapan AWS (bawaan: small)',
    en: 'AWS deployment profile (default: small)',
  },
  {
    name: 'domain',
    type: 'string',
    value: 'host',
    id: 'nama domain publik (bawaan: mpp.<kabupaten-kota>.go.id)',
    en: 'public domain name (default: mpp.<regency>.go.id)',
  },
  {
    name: 'yes',
    short: 'y',
    type: 'boolean',
    id: 'tanpa pertanyaan: pakai nilai bawaan, gagal bila ada yang wajib belum diisi',
    en: 'no questions: take defaults, fail when a required answer is missing',
  },
  {
    name: 'install',
    type: 'boolean',
    id: 'pasang dependensi (npm install) setelah proyek ditulis',
    en: 'install dependencies (npm install) after writing the project',
  },
  { name: 'help', short: 'h', type: 'boolean', id: 'tampilkan bantuan ini', en: 'show this help' },
  { name: 'version', short: 'v', type: 'boolean', id: 'tampilkan versi', en: 'show the version' },
];

/** What the command line asked for. */
export interface CliRequest {
  readonly answers: RawAnswers;
  readonly yes: boolean;
  readonly install: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

const ANSWER_OF_FLAG: Readonly<Record<string, keyof RawAnswers>> = {
  name: 'name',
  'region-code': 'regionCode',
  province: 'province',
  regency: 'regency',
  timezone: 'timezone',
  'admin-email': 'adminEmail',
  profile: 'profile',
  domain: 'domain',
};

/** Parses `create-mpp [directory] [flags]`. Unknown flags and extra arguments are errors. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
  > = {};
  for (const flag of FLAGS) {
    options[flag.name] = {
      type: flag.type,
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.name === 'agencies' ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CreateMppError('invalid-flag', {
      id: `argumen tidak dikenal atau tidak lengkap (${detail}); lihat create-mpp --help`,
      en: `unknown or incomplete argument (${detail}); see create-mpp --help`,
    });
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1)
    throw new CreateMppError('invalid-flag', {
      id: `hanya satu folder yang boleh diberikan, bukan ${positionals.length}: ${positionals.join(' ')}`,
      en: `give only one folder, not ${positionals.length}: ${positionals.join(' ')}`,
    });
  const answers: { -readonly [K in keyof RawAnswers]: RawAnswers[K] } = {};
  if (positionals[0] !== undefined) answers.directory = positionals[0];
  for (const [flag, key] of Object.entries(ANSWER_OF_FLAG)) {
    const value = values[flag];
    if (typeof value === 'string') (answers as Record<string, string>)[key] = value;
  }
  const agencies = values.agencies;
  if (Array.isArray(agencies)) {
    answers.agencies = agencies
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }
  return {
    answers,
    yes: values.yes === true,
    install: values.install === true,
    help: values.help === true,
    version: values.version === true,
  };
}

/** The `--help` text, in Bahasa Indonesia and English. */
export function helpText(version: string): string {
  const lines = FLAGS.flatMap((f) => [`  ${flagLabel(f)}`, `        ${f.id}`, `        ${f.en}`]);
  return [
    `create-mpp ${version}`,
    '',
    'Membuat proyek MPP (Mal Pelayanan Publik) baru dari templat MPP Kit.',
    'Creates a new MPP (public service mall) project from the MPP Kit template.',
    '',
    'Pemakaian / Usage:',
    '  npm create mpp@latest [folder] -- [flag]',
    '  pnpm create mpp [folder] [flag]',
    '  create-mpp [folder] [flag]',
    '',
    'Flag:',
    ...lines,
    '',
    'Tanpa --yes, jawaban yang belum diberikan ditanyakan (hanya di terminal; di CI atau tanpa',
    'terminal create-mpp tidak bertanya). Folder tujuan harus belum ada atau kosong.',
    'Without --yes, answers not given are asked for (only in a terminal; in CI or without a',
    'terminal create-mpp never asks). The target folder must not exist or be empty.',
    '',
    'Contoh / Example:',
    '  npm create mpp@latest mpp-surabaya -- --yes --region-code 35.78 \\',
    '    --regency "Kota Surabaya" --admin-email ops@surabaya.go.id --profile medium',
  ].join('\n');
}

function flagLabel(flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '    ';
  return `${short}--${flag.name}${flag.value ? ` <${flag.value}>` : ''}`;
}
