import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStandard, formatIssue, parseCatalogue, parseCatalogueFile } from './index.js';

const read = (name: string) => ({
  fileName: name,
  text: readFileSync(new URL(`../catalogue/national/${name}`, import.meta.url), 'utf8'),
});

describe('parseCatalogue', () => {
  it('loads agencies and services across files', () => {
    const result = parseCatalogue([read('penyelenggara.yaml'), read('imigrasi.yaml')]);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    const paspor = findStandard(result.data, 'imigrasi.paspor-baru@1.0.0');
    expect(paspor?.standar.biaya).toMatchObject({ free: false });
    expect(paspor?.standar.persyaratan[0]?.count).toBe(1); // default applied
  });

  it('reports every schema error with file, line, column and a bilingual message', () => {
    const text = [
      'layanan:',
      '  - code: Paspor Baru',
      '    penyelenggara: imigrasi',
      '    bogus: 1',
      '    standar:',
      '      biaya:',
      '        free: false',
      '        tarif:',
      '          - amount: 10.5',
    ].join('\n');
    const result = parseCatalogueFile(text, 'paspor.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.errors.map((e) => formatIssue(e));
    expect(lines).toContain(
      'paspor.yaml:2:11 layanan[0].code: kode hanya huruf kecil, angka, titik dan tanda hubung (mis. dukcapil.ktp-el) / code must be lower-case letters, digits, dots and hyphens (e.g. dukcapil.ktp-el)',
    );
    expect(lines).toContain(
      'paspor.yaml:4:5 layanan[0]: kunci tidak dikenal: bogus / unknown key: bogus',
    );
    expect(lines).toContain(
      'paspor.yaml:9:21 layanan[0].standar.biaya.tarif[0].amount: harus bilangan bulat rupiah ≥ 0 / must be a whole number of rupiah ≥ 0',
    );
    // A missing key points at its parent mapping.
    expect(lines).toContain('paspor.yaml:2:5 layanan[0].name: wajib diisi / is required');
    expect(lines).toContain('paspor.yaml:2:5 layanan[0].category: wajib diisi / is required');
  });

  it('reports YAML syntax errors with their position', () => {
    const result = parseCatalogueFile('layanan:\n  - code: a\n  code: b\n', 'x.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ file: 'x.yaml', line: 3 });
  });

  it('finds cross-file problems: unknown agency, duplicate code@version', () => {
    const imigrasi = read('imigrasi.yaml');
    const result = parseCatalogue([imigrasi, { ...imigrasi, fileName: 'copy.yaml' }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.errors.map((e) => `${e.file}:${e.code}`);
    expect(codes).toContain('copy.yaml:duplicate_version');
    expect(codes).toContain('imigrasi.yaml:unknown_agency');
  });
});
