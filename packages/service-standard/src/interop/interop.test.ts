import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRupiah,
  SCHEMA_ORG_CONTEXT,
  SCHEMA_ORG_CONTEXT_URLS,
  toGovernmentServiceJsonLd,
  toSippCsv,
  toSippRecord,
} from '../index.js';
import { nationalCatalogue } from '../node.js';

// Resolves the schema.org context from the bundled copy: no network, and any other URL fails.
const documentLoader = async (url: string) => {
  if (!SCHEMA_ORG_CONTEXT_URLS.includes(url)) throw new Error(`offline: refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
};

const catalogue = nationalCatalogue();
const agency = (code: string) => catalogue.penyelenggara.find((p) => p.code === code);
const SCHEMA = 'https://schema.org/';

describe('schema.org GovernmentService JSON-LD', () => {
  it('is valid JSON-LD with @type GovernmentService for every national service', async () => {
    for (const layanan of catalogue.layanan) {
      const doc = toGovernmentServiceJsonLd(layanan, {
        penyelenggara: agency(layanan.penyelenggara),
        baseUrl: 'https://mpp.kotacontoh.go.id/layanan/',
      });
      // Safe mode throws on anything that would be dropped or is malformed.
      const expanded = (await jsonld.expand(
        doc as never,
        { documentLoader, safe: true } as never,
      )) as unknown as Record<string, unknown>[];
      expect(expanded).toHaveLength(1);
      const node = expanded[0] as Record<string, unknown>;
      expect(node['@type']).toEqual([`${SCHEMA}GovernmentService`]);
      expect(node['@id']).toBe(`https://mpp.kotacontoh.go.id/layanan/${layanan.code}`);
      expect(node[`${SCHEMA}name`]).toEqual([{ '@value': layanan.name.id }]);
      // Every property of the document survived expansion as a schema.org term.
      const keys = Object.keys(doc).filter((k) => !k.startsWith('@'));
      for (const k of keys) expect(node, k).toHaveProperty([`${SCHEMA}${k}`]);
    }
  });

  it('describes fees as IDR offers and the provider as a government organisation', () => {
    const paspor = catalogue.layanan.find((l) => l.code === 'imigrasi.paspor-baru');
    if (!paspor) throw new Error('paspor missing');
    const doc = toGovernmentServiceJsonLd(paspor, { penyelenggara: agency('imigrasi') });
    expect(doc.offers).toContainEqual(
      expect.objectContaining({ '@type': 'Offer', price: 650000, priceCurrency: 'IDR' }),
    );
    expect(doc.provider).toMatchObject({
      '@type': 'GovernmentOrganization',
      identifier: 'imigrasi',
    });
    expect(doc.identifier).toBe('imigrasi.paspor-baru@1.0.0');
  });
});

describe('SIPP-shaped flat record', () => {
  it('flattens description, requirements, procedure, provider and location', () => {
    const ktp = catalogue.layanan.find((l) => l.code === 'dukcapil.ktp-el');
    if (!ktp) throw new Error('ktp missing');
    const record = toSippRecord(ktp, {
      penyelenggara: agency('kemendagri-dukcapil'),
      location: 'MPP Kota Contoh',
    });
    expect(record.persyaratan.split('\n')[0]).toBe('1. Kartu Keluarga (asli)');
    expect(record.prosedur).toMatch(/^1\. Mengambil nomor antrean/);
    expect(record.biaya).toBe('Gratis');
    expect(record.waktu_penyelesaian).toBe('1 hari kerja');
    expect(record.penyelenggara).toMatch(/^Direktorat Jenderal Kependudukan/);
    expect(record.lokasi).toBe('MPP Kota Contoh');
    const csv = toSippCsv([record]);
    expect(csv.split('\r\n')[0]).toMatch(/^kode_layanan,versi_standar,nama_layanan/);
    expect(csv).toContain('"1. Kartu Keluarga (asli)\n');
  });

  it('words durations and rupiah', () => {
    expect(formatDuration({ amount: 4, unit: 'working-days' }, 'id')).toBe('4 hari kerja');
    expect(formatDuration({ amount: 1, unit: 'working-days' }, 'en')).toBe('1 working day');
    expect(formatRupiah(650000)).toBe('Rp650.000');
  });
});
