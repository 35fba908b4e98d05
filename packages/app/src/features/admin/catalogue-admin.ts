import {
  formatIssue,
  parseCatalogue,
  parseCatalogueFile,
  type SourceIssue,
} from '@mpp-kit/service-standard';
import type pg from 'pg';
import { stringify } from 'yaml';

export interface CatalogueFileText {
  fileName: string;
  text: string;
}

export interface CatalogueRevision {
  id: number;
  at: string;
  username: string;
  fileNames: string[];
  agencies: number;
  services: number;
}

/** One problem with an import, positioned in the uploaded file where it has one. */
export interface ImportError {
  where: string;
  path: string;
  id: string;
  en: string;
  text: string;
}

export type ImportResult =
  | { ok: true; revision: CatalogueRevision }
  | { ok: false; errors: ImportError[] };

const MAX_FILES = 20;
const MAX_BYTES = 1_000_000;

/**
 * Catalogue import and export through @mpp-kit/service-standard. An import is all or nothing:
 * every file is checked (schema, cross-file references, versions) and only a clean set is
 * stored as a new revision; otherwise the loader's positioned errors come back and nothing
 * changes.
 */
export class CatalogueAdmin {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * `check` sees a clean set of files before it is stored: the app validates its whole
   * configuration against it (a `standard:` reference the new catalogue no longer resolves is
   * refused here), and what it returns are more errors, so nothing is stored.
   */
  async import(
    files: CatalogueFileText[],
    username: string,
    check: (files: CatalogueFileText[]) => Promise<ImportError[]> = async () => [],
  ): Promise<ImportResult> {
    const problems: SourceIssue[] = [];
    if (files.length === 0 || files.length > MAX_FILES) {
      return {
        ok: false,
        errors: [
          issueText({
            file: '(upload)',
            line: 0,
            column: 0,
            path: '',
            message: {
              id: `unggah 1–${MAX_FILES} berkas YAML`,
              en: `upload 1–${MAX_FILES} YAML files`,
            },
          } as SourceIssue),
        ],
      };
    }
    for (const f of files) {
      if (f.text.length > MAX_BYTES || f.text.includes('\u0000')) {
        problems.push({
          file: f.fileName,
          line: 1,
          column: 1,
          path: '',
          message: {
            id: 'berkas terlalu besar atau bukan teks',
            en: 'file too large or not text',
          },
        } as SourceIssue);
      }
    }
    const result =
      problems.length > 0 ? { ok: false as const, errors: problems } : parseCatalogue(files);
    if (!result.ok) return { ok: false, errors: result.errors.map(issueText) };
    const refused = await check(files);
    if (refused.length > 0) return { ok: false, errors: refused };
    const counts = countCatalogue(files);
    const r = await this.pool.query<{ id: string; at: Date }>(
      `insert into catalogue_revision (username, files, agencies, services) values ($1, $2, $3, $4)
       returning id, at`,
      [username, JSON.stringify(files), counts.agencies, counts.services],
    );
    const row = r.rows[0] as { id: string; at: Date };
    return {
      ok: true,
      revision: {
        id: Number(row.id),
        at: row.at.toISOString(),
        username,
        fileNames: files.map((f) => f.fileName),
        agencies: counts.agencies,
        services: counts.services,
      },
    };
  }

  async revisions(limit = 20): Promise<CatalogueRevision[]> {
    const r = await this.pool.query<{
      id: string;
      at: Date;
      username: string;
      files: CatalogueFileText[];
      agencies: number;
      services: number;
    }>('select * from catalogue_revision order by id desc limit $1', [limit]);
    return r.rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      username: row.username,
      fileNames: row.files.map((f) => f.fileName),
      agencies: row.agencies,
      services: row.services,
    }));
  }

  async count(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('select count(*) as n from catalogue_revision');
    return Number(r.rows[0]?.n ?? 0);
  }

  /** The latest revision as one catalogue file (agencies and services merged), or null. */
  async exportLatest(): Promise<string | null> {
    const r = await this.pool.query<{ files: CatalogueFileText[] }>(
      'select files from catalogue_revision order by id desc limit 1',
    );
    const files = r.rows[0]?.files;
    if (!files) return null;
    const merged: { penyelenggara: unknown[]; layanan: unknown[] } = {
      penyelenggara: [],
      layanan: [],
    };
    for (const f of files) {
      const parsed = parseCatalogueFile(f.text, f.fileName);
      if (!parsed.ok) continue;
      const data = parsed.data as { penyelenggara?: unknown[]; layanan?: unknown[] };
      merged.penyelenggara.push(...(data.penyelenggara ?? []));
      merged.layanan.push(...(data.layanan ?? []));
    }
    return stringify(merged);
  }
}

function countCatalogue(files: CatalogueFileText[]): { agencies: number; services: number } {
  let agencies = 0;
  let services = 0;
  for (const f of files) {
    const parsed = parseCatalogueFile(f.text, f.fileName);
    if (!parsed.ok) continue;
    const data = parsed.data as { penyelenggara?: unknown[]; layanan?: unknown[] };
    agencies += data.penyelenggara?.length ?? 0;
    services += data.layanan?.length ?? 0;
  }
  return { agencies, services };
}

function issueText(issue: SourceIssue) {
  return {
    where: `${issue.file}:${issue.line}:${issue.column}`,
    path: issue.path,
    id: issue.message.id,
    en: issue.message.en,
    text: formatIssue(issue),
  };
}
