import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type Catalogue,
  compareVersions,
  findStandard,
  formatIssue,
  type LoadResult,
  parseCatalogueFile,
  parseStandardRef,
  type SourceIssue,
  sortIssues,
  standardVersions,
  validateYaml,
  type YamlSource,
} from '@mpp-kit/service-standard';
import { nationalCatalogue } from '@mpp-kit/service-standard/node';
import { checkConfig, type ResolvedService } from './checks.js';
import { type LogoSource, resolveLogo } from './logo.js';
import { type MppConfig, MppConfigSchema } from './schema/mpp-config.js';
import type { TenantService } from './schema/tenants.js';

/** A valid configuration with every service resolved to its standard. */
export interface LoadedConfig {
  readonly config: MppConfig;
  /** Every service offered, in tenant order, with its full standard. */
  readonly services: readonly ResolvedService[];
  /**
   * Things worth telling the team that do not stop the MPP: today, national standards pinned to a
   * version older than the newest in the catalogue (`code: 'newer_version'`).
   */
  readonly notices: readonly SourceIssue[];
  /** The checked `branding.logo`, when one is set. */
  readonly logo?: LogoSource;
}

/** Options of {@link parseConfig} and {@link loadConfig}. */
export interface ParseConfigOptions {
  /** Where `standard: code@version` is looked up; defaults to the national starter catalogue. */
  readonly catalogue?: Catalogue;
  /**
   * Reads a local service file named in the config, given its path resolved against the config
   * file's folder. Defaults to reading from disk.
   */
  readonly readFile?: (path: string) => string;
  /** Tells whether the logo file named in `branding.logo` exists. Defaults to the disk. */
  readonly fileExists?: (path: string) => boolean;
}

/**
 * Validates the text of an `mpp.config.yaml`. Returns the typed configuration with every service
 * resolved, or every error — schema and cross-field — with file, line, column, path and a message
 * in Bahasa Indonesia and English.
 */
export function parseConfig(
  text: string,
  fileName: string,
  options: ParseConfigOptions = {},
): LoadResult<LoadedConfig> {
  const parsed = validateYaml(text, fileName, MppConfigSchema);
  if (!parsed.ok) return parsed;
  const config = parsed.data;
  const source = parsed.source;
  const catalogue = options.catalogue ?? nationalCatalogue();
  const read = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const errors: SourceIssue[] = [];
  const services: ResolvedService[] = [];

  const unresolvedTenants = new Set<string>();
  for (const [t, tenant] of config.tenants.entries()) {
    for (const [k, entry] of tenant.services.entries()) {
      const context = { source, catalogue, read, fileName };
      const resolved = resolveService(entry, { tenant: tenant.code, t, k }, context);
      if ('issues' in resolved) {
        errors.push(...resolved.issues);
        unresolvedTenants.add(tenant.code);
      } else {
        services.push(resolved);
      }
    }
  }
  let logo: LogoSource | undefined;
  if (config.branding.logo !== undefined) {
    const checked = resolveLogo(config.branding.logo, fileName, options.fileExists ?? existsSync);
    if ('problem' in checked)
      errors.push(source.issue(['branding', 'logo'], checked.problem, 'invalid_logo'));
    else logo = checked;
  }
  errors.push(
    ...checkConfig(config, services, (path, message, code) => source.issue(path, message, code), {
      unresolvedTenants,
    }),
  );
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) };
  return {
    ok: true,
    data: {
      config,
      services,
      notices: newerVersions(services, catalogue, source),
      ...(logo ? { logo } : {}),
    },
  };
}

function newerVersions(
  services: readonly ResolvedService[],
  catalogue: Catalogue,
  source: YamlSource,
): SourceIssue[] {
  const out: SourceIssue[] = [];
  for (const s of services) {
    if (s.origin.kind !== 'national') continue;
    const latest = standardVersions(catalogue, s.code).at(-1);
    if (latest === undefined || compareVersions(latest, s.layanan.standar.version) <= 0) continue;
    const [t, k] = s.position;
    out.push(
      source.issue(
        ['tenants', t, 'services', k, 'standard'],
        {
          id: `versi lebih baru tersedia: ${s.code}@${latest} (lihat mpp-standard diff)`,
          en: `a newer version is available: ${s.code}@${latest} (see mpp-standard diff)`,
        },
        'newer_version',
      ),
    );
  }
  return out;
}

interface ResolveContext {
  readonly source: YamlSource;
  readonly catalogue: Catalogue;
  readonly read: (path: string) => string;
  readonly fileName: string;
}

/** One tenant service entry resolved to its standard, or the issues that prevent it. */
function resolveService(
  entry: TenantService,
  where: { tenant: string; t: number; k: number },
  ctx: ResolveContext,
): ResolvedService | { issues: SourceIssue[] } {
  const { source, catalogue } = ctx;
  const at = ['tenants', where.t, 'services', where.k] as const;
  const common = {
    tenant: where.tenant,
    position: [where.t, where.k] as const,
    ...(entry.ticketPrefix !== undefined && { ticketPrefix: entry.ticketPrefix }),
    ...(entry.dailyCap !== undefined && { dailyCap: entry.dailyCap }),
  };
  if ('standard' in entry) {
    const layanan = findStandard(catalogue, entry.standard);
    if (layanan === undefined) {
      return { issues: [unknownStandard(source, [...at, 'standard'], entry.standard, catalogue)] };
    }
    return {
      ...common,
      code: layanan.code,
      layanan,
      origin: { kind: 'national', ref: entry.standard },
    };
  }
  if ('local' in entry) {
    return { ...common, code: entry.local.code, layanan: entry.local, origin: { kind: 'local' } };
  }
  let fileText: string;
  try {
    fileText = ctx.read(resolve(dirname(ctx.fileName), entry.file));
  } catch {
    return {
      issues: [
        source.issue(
          [...at, 'file'],
          {
            id: `berkas '${entry.file}' tidak dapat dibaca`,
            en: `file '${entry.file}' cannot be read`,
          },
          'file_unreadable',
        ),
      ],
    };
  }
  const file = parseCatalogueFile(fileText, entry.file);
  if (!file.ok) return { issues: [...file.errors] };
  const candidates = file.data.layanan ?? [];
  const chosen =
    entry.code === undefined
      ? candidates.length === 1
        ? candidates[0]
        : undefined
      : candidates.find((l) => l.code === entry.code);
  if (chosen === undefined) {
    const message =
      entry.code === undefined
        ? {
            id: `berkas '${entry.file}' memuat ${candidates.length} layanan; sebutkan 'code'`,
            en: `file '${entry.file}' holds ${candidates.length} services; give 'code'`,
          }
        : {
            id: `layanan '${entry.code}' tidak ada di '${entry.file}'`,
            en: `service '${entry.code}' is not in '${entry.file}'`,
          };
    const field = entry.code === undefined ? 'file' : 'code';
    return { issues: [source.issue([...at, field], message, 'file_service')] };
  }
  return {
    ...common,
    code: chosen.code,
    layanan: chosen,
    origin: { kind: 'local', file: entry.file },
  };
}

function unknownStandard(
  source: YamlSource,
  path: readonly PropertyKey[],
  ref: string,
  catalogue: Catalogue,
): SourceIssue {
  const parsed = parseStandardRef(ref);
  const versions = parsed ? standardVersions(catalogue, parsed.code) : [];
  if (parsed && versions.length > 0) {
    return source.issue(
      path,
      {
        id: `standar '${parsed.code}' tidak punya versi ${parsed.version}; versi yang ada: ${versions.join(', ')}`,
        en: `standard '${parsed.code}' has no version ${parsed.version}; available: ${versions.join(', ')}`,
      },
      'unknown_version',
    );
  }
  return source.issue(
    path,
    {
      id: `standar nasional '${parsed?.code ?? ref}' tidak ada dalam katalog`,
      en: `national standard '${parsed?.code ?? ref}' is not in the catalogue`,
    },
    'unknown_standard',
  );
}

/** Reads and validates an `mpp.config.yaml` synchronously. Unreadable files are reported, not thrown. */
export function loadConfigSync(
  path: string,
  options: ParseConfigOptions = {},
): LoadResult<LoadedConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, errors: [unreadable(path)] };
  }
  return parseConfig(text, path, options);
}

/** Reads and validates an `mpp.config.yaml`. Unreadable files are reported, not thrown. */
export async function loadConfig(
  path: string,
  options: ParseConfigOptions = {},
): Promise<LoadResult<LoadedConfig>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, errors: [unreadable(path)] };
  }
  return parseConfig(text, path, options);
}

function unreadable(path: string): SourceIssue {
  return {
    file: path,
    line: 1,
    column: 1,
    path: '',
    code: 'file_unreadable',
    message: {
      id: 'berkas konfigurasi tidak dapat dibaca',
      en: 'the configuration file cannot be read',
    },
  };
}

/** Thrown by {@link loadConfigOrThrow}; its message lists every issue, one per line. */
export class ConfigError extends Error {
  readonly issues: readonly SourceIssue[];
  constructor(issues: readonly SourceIssue[]) {
    super(
      `mpp.config.yaml tidak sah / is invalid:\n${issues.map((i) => formatIssue(i)).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Like {@link loadConfig}, but throws a {@link ConfigError} listing every issue. For programs such as Pulumi's. */
export async function loadConfigOrThrow(
  path: string,
  options: ParseConfigOptions = {},
): Promise<LoadedConfig> {
  const result = await loadConfig(path, options);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.data;
}
