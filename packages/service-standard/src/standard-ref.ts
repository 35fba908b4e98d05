import type { Catalogue } from './schemas/catalogue.js';
import type { Layanan } from './schemas/layanan.js';

/** A reference to one version of a national standard: `code@version`, e.g. `imigrasi.paspor-baru@1.0.0`. */
export type StandardRef = `${string}@${string}`;

const REF =
  /^([a-z0-9]+(?:[.-][a-z0-9]+)*)@((?:0|[1-9]\d{0,5})\.(?:0|[1-9]\d{0,5})\.(?:0|[1-9]\d{0,5}))$/;

/** The pattern a {@link StandardRef} must match. */
export const STANDARD_REF_PATTERN: RegExp = REF;

/** Splits `code@version`; `undefined` when the text is not a valid reference. */
export function parseStandardRef(ref: string): { code: string; version: string } | undefined {
  const m = REF.exec(ref);
  return m?.[1] !== undefined && m[2] !== undefined ? { code: m[1], version: m[2] } : undefined;
}

/** The reference of a service's current standard. */
export function standardRef(layanan: Pick<Layanan, 'code' | 'standar'>): StandardRef {
  return `${layanan.code}@${layanan.standar.version}`;
}

/** The service whose standard matches `code@version`, if the catalogue has it. */
export function findStandard(catalogue: Catalogue, ref: string): Layanan | undefined {
  const parsed = parseStandardRef(ref);
  if (!parsed) return undefined;
  return catalogue.layanan.find(
    (l) => l.code === parsed.code && l.standar.version === parsed.version,
  );
}

/** Every version of a service in the catalogue, oldest first. */
export function standardVersions(catalogue: Catalogue, code: string): string[] {
  return catalogue.layanan
    .filter((l) => l.code === code)
    .map((l) => l.standar.version)
    .sort(compareVersions);
}

/** Orders `MAJOR.MINOR.PATCH` versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
