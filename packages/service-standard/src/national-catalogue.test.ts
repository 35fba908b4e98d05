import { describe, expect, it } from 'vitest';
import { diffLayanan, formatIssue, standardVersions } from './index.js';
import { loadCatalogue, NATIONAL_CATALOGUE_DIR, nationalCatalogue } from './node.js';

describe('national starter catalogue', () => {
  it('validates with no error', async () => {
    const result = await loadCatalogue([NATIONAL_CATALOGUE_DIR]);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    expect(result.data.layanan.length).toBeGreaterThanOrEqual(12);
  });

  it('covers the services most MPPs offer, each with sources', () => {
    const codes = nationalCatalogue().layanan.map((l) => l.code);
    for (const code of [
      'dukcapil.ktp-el',
      'dukcapil.kartu-keluarga',
      'dukcapil.akta-kelahiran',
      'imigrasi.paspor-baru',
      'polri.sim-perpanjangan',
      'polri.skck',
      'djp.npwp-orang-pribadi',
      'bpjs-kesehatan.pendaftaran-pbpu',
      'bpjs-ketenagakerjaan.pendaftaran-bpu',
      'oss.nib',
      'pu.pbg',
      'samsat.pkb-tahunan',
    ]) {
      expect(codes).toContain(code);
    }
    for (const layanan of nationalCatalogue().layanan) {
      expect(layanan.sources.length, layanan.code).toBeGreaterThan(0);
      // Anything not checked against an official source must say so.
      if (layanan.example) expect(layanan.notes, layanan.code).toBeDefined();
    }
  });

  it('numbers every version history correctly (each bump at least what its changes need)', () => {
    const catalogue = nationalCatalogue();
    const codes = new Set(catalogue.layanan.map((l) => l.code));
    let histories = 0;
    for (const code of codes) {
      const versions = standardVersions(catalogue, code);
      for (let i = 1; i < versions.length; i++) {
        const find = (v: string | undefined) =>
          catalogue.layanan.find((l) => l.code === code && l.standar.version === v);
        const [a, b] = [find(versions[i - 1]), find(versions[i])];
        if (!a || !b) throw new Error(code);
        expect(diffLayanan(a, b).warnings, `${code} ${versions[i]}`).toEqual([]);
        histories++;
      }
    }
    expect(histories).toBeGreaterThan(0);
  });

  it('keeps population documents free of charge (UU 24/2013 Pasal 79A)', () => {
    for (const l of nationalCatalogue().layanan.filter((x) => x.code.startsWith('dukcapil.'))) {
      expect(l.standar.biaya.free, l.code).toBe(true);
    }
  });
});
