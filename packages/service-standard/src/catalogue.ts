import type { LoadResult, SourceIssue } from './issues.js';
import { type Catalogue, type CatalogueFile, CatalogueFileSchema } from './schemas/catalogue.js';
import { compareVersions } from './standard-ref.js';
import { sortIssues, validateYaml, type YamlSource } from './yaml-source.js';

/** A catalogue file that passed schema validation, with its source for positioning later checks. */
export interface ParsedCatalogueFile {
  readonly data: CatalogueFile;
  readonly source: YamlSource;
}

/**
 * Validates the text of one catalogue file. Returns the typed data or every error with
 * file, line, column and path.
 */
export function parseCatalogueFile(
  text: string,
  fileName: string,
): LoadResult<CatalogueFile> & { readonly source: YamlSource } {
  return validateYaml(text, fileName, CatalogueFileSchema);
}

/**
 * Checks catalogue files against each other and merges them: codes are unique, each service
 * names a known agency, each `code@version` appears once, and dates are in order.
 */
export function buildCatalogue(files: readonly ParsedCatalogueFile[]): LoadResult<Catalogue> {
  const errors: SourceIssue[] = [];
  const agencies = new Map<string, string>();
  const versions = new Map<string, string>();
  for (const { data, source } of files) {
    for (const [i, agency] of (data.penyelenggara ?? []).entries()) {
      const first = agencies.get(agency.code);
      if (first !== undefined) {
        errors.push(
          source.issue(
            ['penyelenggara', i, 'code'],
            {
              id: `kode penyelenggara '${agency.code}' sudah dipakai di ${first}`,
              en: `agency code '${agency.code}' is already used in ${first}`,
            },
            'duplicate_code',
          ),
        );
      } else {
        agencies.set(agency.code, `${source.fileName}:${source.locate(['penyelenggara', i]).line}`);
      }
    }
  }
  for (const { data, source } of files) {
    for (const [i, layanan] of (data.layanan ?? []).entries()) {
      const ref = `${layanan.code}@${layanan.standar.version}`;
      const first = versions.get(ref);
      if (first !== undefined) {
        errors.push(
          source.issue(
            ['layanan', i, 'standar', 'version'],
            {
              id: `standar '${ref}' sudah ada di ${first}`,
              en: `standard '${ref}' already exists in ${first}`,
            },
            'duplicate_version',
          ),
        );
      } else {
        versions.set(ref, `${source.fileName}:${source.locate(['layanan', i]).line}`);
      }
      if (!agencies.has(layanan.penyelenggara)) {
        errors.push(
          source.issue(
            ['layanan', i, 'penyelenggara'],
            {
              id: `penyelenggara '${layanan.penyelenggara}' tidak ada dalam katalog`,
              en: `agency '${layanan.penyelenggara}' is not in the catalogue`,
            },
            'unknown_agency',
          ),
        );
      }
      const biaya = layanan.standar.biaya;
      if (!biaya.free) {
        for (const [k, tarif] of biaya.tarif.entries()) {
          if ((tarif.amount === undefined) === (tarif.formula === undefined)) {
            errors.push(
              source.issue(
                ['layanan', i, 'standar', 'biaya', 'tarif', k],
                {
                  id: "tarif harus memuat tepat satu dari 'amount' (rupiah) atau 'formula'",
                  en: "a fee line needs exactly one of 'amount' (rupiah) or 'formula'",
                },
                'fee_amount',
              ),
            );
          }
        }
      }
      const pub = layanan.standar.publication;
      if (pub.nextReview !== undefined && pub.nextReview <= pub.effectiveDate) {
        errors.push(
          source.issue(
            ['layanan', i, 'standar', 'publication', 'nextReview'],
            {
              id: 'tanggal peninjauan berikutnya harus setelah tanggal berlaku',
              en: 'next review must be after the effective date',
            },
            'date_order',
          ),
        );
      }
      const fkp = pub.forumKonsultasiPublik;
      if (fkp !== undefined && fkp.date > pub.effectiveDate) {
        errors.push(
          source.issue(
            ['layanan', i, 'standar', 'publication', 'forumKonsultasiPublik', 'date'],
            {
              id: 'Forum Konsultasi Publik harus diadakan sebelum standar berlaku',
              en: 'the public consultation must take place before the standard takes effect',
            },
            'date_order',
          ),
        );
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) };
  const layanan = files
    .flatMap((f) => f.data.layanan ?? [])
    .sort(
      (a, b) =>
        a.code.localeCompare(b.code) || compareVersions(a.standar.version, b.standar.version),
    );
  const penyelenggara = files
    .flatMap((f) => f.data.penyelenggara ?? [])
    .sort((a, b) => a.code.localeCompare(b.code));
  return { ok: true, data: { penyelenggara, layanan } };
}

/** Parses and checks several catalogue texts at once, collecting every error of every file. */
export function parseCatalogue(
  inputs: readonly { readonly text: string; readonly fileName: string }[],
): LoadResult<Catalogue> {
  const parsed: ParsedCatalogueFile[] = [];
  const errors: SourceIssue[] = [];
  for (const { text, fileName } of inputs) {
    const result = parseCatalogueFile(text, fileName);
    if (result.ok) parsed.push({ data: result.data, source: result.source });
    else errors.push(...result.errors);
  }
  const built = buildCatalogue(parsed);
  if (!built.ok) errors.push(...built.errors);
  if (errors.length > 0) return { ok: false, errors: sortIssues(errors) };
  return built;
}
