import { describe, expect, it } from 'vitest';
import { diffLayanan, formatDiff, type Layanan } from './index.js';
import { nationalCatalogue } from './node.js';

const paspor = nationalCatalogue().layanan.find(
  (l) => l.code === 'imigrasi.paspor-baru',
) as Layanan;

function edit(f: (l: Layanan) => void): Layanan {
  const copy = structuredClone(paspor);
  f(copy);
  return copy;
}

describe('diffLayanan', () => {
  it('finds no change between identical versions', () => {
    const d = diffLayanan(paspor, structuredClone(paspor));
    expect(d.changes).toEqual([]);
    expect(d.requiredBump).toBe('none');
  });

  it('words fee, time and requirement changes and asks for a major bump', () => {
    const next = edit((l) => {
      l.standar.version = '2.0.0';
      const biaya = l.standar.biaya;
      if (!biaya.free && biaya.tarif[0]) biaya.tarif[0].amount = 700000;
      l.standar.jangkaWaktu.amount = 3;
      l.standar.persyaratan.push({
        document: { id: 'Surat rekomendasi', en: 'Recommendation letter' },
        form: 'original',
        count: 1,
        providedBy: 'third-party',
        optional: false,
      });
    });
    const d = diffLayanan(paspor, next);
    const id = d.changes.map((c) => c.message.id);
    expect(id).toContain(
      'Biaya/tarif: tarif "Paspor biasa elektronik 48 halaman (10 tahun)" amount berubah dari Rp650.000 menjadi Rp700.000',
    );
    expect(id).toContain('Jangka waktu pelayanan: berubah dari 4 hari kerja menjadi 3 hari kerja');
    expect(
      id.some((m) => m.startsWith('Persyaratan: ditambahkan') && m.includes('Surat rekomendasi')),
    ).toBe(true);
    expect(d.requiredBump).toBe('major');
    expect(d.warnings).toEqual([]);
    expect(formatDiff(d, 'en')).toContain(
      'Fees: tarif "Paspor biasa elektronik 48 halaman (10 tahun)" amount changed from Rp650.000 to Rp700.000',
    );
  });

  it('matches list items by identity, not position', () => {
    const next = edit((l) => {
      l.standar.version = '1.0.1';
      l.standar.persyaratan.reverse();
    });
    expect(diffLayanan(paspor, next).changes).toEqual([]);
  });

  it('warns when the version bump is too small for the change', () => {
    const next = edit((l) => {
      l.standar.version = '1.1.0';
      l.standar.persyaratan.pop();
    });
    const d = diffLayanan(paspor, next);
    expect(d.requiredBump).toBe('major');
    expect(d.warnings[0]?.en).toBe('these changes need a major version bump, but 1.0.0 → 1.1.0');
  });
});
