import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCatalogueFile } from '../catalogue.js';
import { diffLayanan, formatDiff } from '../diff.js';
import { toGovernmentServiceJsonLd } from '../interop/jsonld.js';
import { toSippCsv, toSippRecord } from '../interop/sipp.js';
import { formatIssue, type SourceIssue } from '../issues.js';
import { jsonSchemaFiles } from '../json-schema.js';
import { loadCatalogueSync, NATIONAL_CATALOGUE_DIR } from '../node.js';
import type { Catalogue } from '../schemas/catalogue.js';
import type { Layanan } from '../schemas/layanan.js';
import { compareVersions, findStandard, parseStandardRef } from '../standard-ref.js';

/** Where the CLI writes. Injected so tests run it in-process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes: 0 success, 1 invalid input (listed), 2 wrong usage. */
export type ExitCode = 0 | 1 | 2;

const USAGE = `mpp-standard — standar pelayanan tools / alat standar pelayanan

Usage:
  mpp-standard validate <file|folder>... [--national] [--lang id|en]
      Check catalogue YAML files; list every error as file:line:column path: message.
      --national  also load the national catalogue (for local files naming national agencies)
  mpp-standard export --format jsonld|sipp|json-schema [<file|folder>...] [--out <file>]
      Export services (default: the national catalogue) as schema.org JSON-LD, a SIPP-shaped
      CSV, or print the catalogue JSON Schema (--schema catalogue-file|layanan|standar-pelayanan).
  mpp-standard diff <old.yaml> <new.yaml> [--code <service code>] [--lang id|en]
  mpp-standard diff <code@old-version> <code@new-version> [--catalogue <file|folder>]...
      What changed between two versions of a standard, in words (the newest version of each
      service in each file, or two versions from a catalogue, by default the national one).

Exit codes: 0 ok, 1 errors found, 2 wrong usage.`;

type Lang = 'id' | 'en' | undefined;

function lines(issues: readonly SourceIssue[], lang: Lang): string {
  return issues.map((i) => formatIssue(i, lang)).join('\n');
}

function usageError(io: CliIo, id: string, en: string): ExitCode {
  io.err(`mpp-standard: ${id} / ${en}\n\n${USAGE}\n`);
  return 2;
}

function load(paths: readonly string[], io: CliIo, lang: Lang): Catalogue | undefined {
  const result = loadCatalogueSync(paths);
  if (!result.ok) {
    io.err(`${lines(result.errors, lang)}\n`);
    io.err(`${result.errors.length} kesalahan / errors\n`);
    return undefined;
  }
  return result.data;
}

function validate(paths: string[], national: boolean, io: CliIo, lang: Lang): ExitCode {
  if (paths.length === 0)
    return usageError(io, 'sebutkan berkas atau folder', 'name files or folders');
  const all = national ? [NATIONAL_CATALOGUE_DIR, ...paths] : paths;
  const catalogue = load(all, io, lang);
  if (!catalogue) return 1;
  io.out(
    `OK: ${catalogue.layanan.length} layanan, ${catalogue.penyelenggara.length} penyelenggara / ` +
      `${catalogue.layanan.length} services, ${catalogue.penyelenggara.length} agencies\n`,
  );
  return 0;
}

function exportCatalogue(
  format: string | undefined,
  paths: string[],
  values: { out?: string | undefined; schema?: string | undefined },
  io: CliIo,
  lang: Lang,
): ExitCode {
  let text: string;
  if (format === 'json-schema') {
    const name = `${values.schema ?? 'catalogue-file'}.schema.json`;
    const schema = jsonSchemaFiles()[name];
    if (!schema) {
      return usageError(
        io,
        `skema tidak dikenal: ${values.schema}`,
        `unknown schema: ${values.schema}`,
      );
    }
    text = `${JSON.stringify(schema, null, 2)}\n`;
  } else if (format === 'jsonld' || format === 'sipp') {
    const catalogue = load(paths.length > 0 ? paths : [NATIONAL_CATALOGUE_DIR], io, lang);
    if (!catalogue) return 1;
    const agency = (code: string) => catalogue.penyelenggara.find((p) => p.code === code);
    if (format === 'jsonld') {
      const docs = catalogue.layanan.map((l) =>
        toGovernmentServiceJsonLd(l, { penyelenggara: agency(l.penyelenggara) }),
      );
      text = `${JSON.stringify(docs, null, 2)}\n`;
    } else {
      text = toSippCsv(
        catalogue.layanan.map((l) => toSippRecord(l, { penyelenggara: agency(l.penyelenggara) })),
      );
    }
  } else {
    return usageError(
      io,
      'pilih --format jsonld, sipp atau json-schema',
      'choose --format jsonld, sipp or json-schema',
    );
  }
  if (values.out !== undefined) {
    try {
      writeFileSync(values.out, text);
    } catch {
      io.err(`mpp-standard: tidak dapat menulis ${values.out} / cannot write ${values.out}\n`);
      return 1;
    }
  } else {
    io.out(text);
  }
  return 0;
}

/** The newest version of each service in a file. */
function readServices(path: string, io: CliIo, lang: Lang): Layanan[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    io.err(`${path}:1:1: berkas tidak dapat dibaca / file cannot be read\n`);
    return undefined;
  }
  const result = parseCatalogueFile(text, path);
  if (!result.ok) {
    io.err(`${lines(result.errors, lang)}\n`);
    return undefined;
  }
  const newest = new Map<string, Layanan>();
  for (const l of result.data.layanan ?? []) {
    const seen = newest.get(l.code);
    if (!seen || compareVersions(l.standar.version, seen.standar.version) > 0)
      newest.set(l.code, l);
  }
  return [...newest.values()];
}

/** `diff code@1.0.0 code@2.0.0`: two versions looked up in a catalogue (default: national). */
function diffRefs(refs: [string, string], catalogue: string[], io: CliIo, lang: Lang): ExitCode {
  const loaded = load(catalogue.length > 0 ? catalogue : [NATIONAL_CATALOGUE_DIR], io, lang);
  if (!loaded) return 1;
  const found = refs.map((r) => findStandard(loaded, r));
  for (const [i, layanan] of found.entries()) {
    if (!layanan) {
      io.err(
        `mpp-standard: standar '${refs[i]}' tidak ada dalam katalog / standard '${refs[i]}' is not in the catalogue\n`,
      );
      return 1;
    }
  }
  io.out(`${formatDiff(diffLayanan(found[0] as Layanan, found[1] as Layanan), lang ?? 'id')}\n`);
  return 0;
}

function diff(
  paths: string[],
  values: { code?: string | undefined; catalogue?: string[] | undefined },
  io: CliIo,
  lang: Lang,
): ExitCode {
  if (paths.length !== 2) return usageError(io, 'diff perlu dua berkas', 'diff needs two files');
  const [oldPath, newPath] = paths as [string, string];
  if (parseStandardRef(oldPath) && parseStandardRef(newPath) && !existsSync(oldPath)) {
    return diffRefs([oldPath, newPath], values.catalogue ?? [], io, lang);
  }
  const older = readServices(oldPath, io, lang);
  const newer = readServices(newPath, io, lang);
  if (!older || !newer) return 1;
  const single = values.code === undefined && older.length === 1 && newer.length === 1;
  const codes = single
    ? [(newer[0] as Layanan).code]
    : values.code !== undefined
      ? [values.code]
      : [...new Set([...older, ...newer].map((l) => l.code))];
  const out: string[] = [];
  for (const c of codes) {
    const a = single ? older[0] : older.find((l) => l.code === c);
    const b = single ? newer[0] : newer.find((l) => l.code === c);
    if (a && b) out.push(formatDiff(diffLayanan(a, b), lang ?? 'id'));
    else if (b) out.push(lang === 'en' ? `${c}: new service` : `${c}: layanan baru`);
    else if (a) out.push(lang === 'en' ? `${c}: service removed` : `${c}: layanan dihapus`);
    else {
      io.err(
        `mpp-standard: layanan '${c}' tidak ada di kedua berkas / service '${c}' is in neither file\n`,
      );
      return 1;
    }
  }
  io.out(`${out.join('\n\n')}\n`);
  return 0;
}

/** Runs the CLI with arguments (without `node` and the script). Never throws for bad input. */
export function run(argv: readonly string[], io: CliIo): ExitCode {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        national: { type: 'boolean' };
        lang: { type: 'string' };
        format: { type: 'string' };
        out: { type: 'string' };
        schema: { type: 'string' };
        code: { type: 'string' };
        catalogue: { type: 'string'; multiple: true };
        help: { type: 'boolean'; short: 'h' };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        national: { type: 'boolean' },
        lang: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        schema: { type: 'string' },
        code: { type: 'string' },
        catalogue: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return usageError(io, `argumen tidak sah (${message})`, `invalid arguments (${message})`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (values.lang !== undefined && values.lang !== 'id' && values.lang !== 'en') {
    return usageError(io, '--lang harus id atau en', '--lang must be id or en');
  }
  const lang = values.lang as Lang;
  switch (command) {
    case 'validate':
      return validate(rest, values.national ?? false, io, lang);
    case 'export':
      return exportCatalogue(values.format, rest, values, io, lang);
    case 'diff':
      return diff(rest, { code: values.code, catalogue: values.catalogue }, io, lang);
    default:
      return usageError(io, `perintah tidak dikenal: ${command}`, `unknown command: ${command}`);
  }
}
