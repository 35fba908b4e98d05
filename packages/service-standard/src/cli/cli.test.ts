import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NATIONAL_CATALOGUE_DIR } from '../node.js';
import { run } from './run.js';

// The broken fixtures, plus a file with a YAML syntax error (written here, as the repo's
// formatter refuses to hold one).
const broken = mkdtempSync(join(tmpdir(), 'mpp-standard-broken-'));
cpSync(fileURLToPath(new URL('../../test/fixtures/broken/', import.meta.url)), broken, {
  recursive: true,
});
writeFileSync(
  join(broken, 'syntax.yaml'),
  'layanan:\n  - code: a\n    name: { id: "unterminated }\n',
);
afterAll(() => rmSync(broken, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const STACK = /\n\s+at .+\(?.*:\d+:\d+\)?/;

describe('mpp-standard validate', () => {
  it('exits 0 on the national catalogue', () => {
    const r = cli('validate', NATIONAL_CATALOGUE_DIR);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: \d+ layanan/);
  });

  it('exits 1 on a folder of broken files and lists every error with file:line:column and path', () => {
    const r = cli('validate', broken);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n').slice(0, -1);
    for (const line of errors) expect(line).toMatch(/^\S+\.yaml:\d+:\d+[ :]/);
    const text = r.err;
    expect(text).toContain(
      'paspor.yaml:23:21 layanan[0].standar.biaya.tarif[1].amount: harus bilangan bulat rupiah ≥ 0 / must be a whole number of rupiah ≥ 0',
    );
    expect(text).toMatch(
      /paspor\.yaml:15:39 layanan\[0\]\.standar\.jangkaWaktu\.unit: harus salah satu dari/,
    );
    expect(text).toMatch(/paspor\.yaml:10:7 layanan\[0\]\.standar\.jaminanKeamanan: wajib diisi/);
    expect(text).toMatch(/syntax\.yaml:4:1: YAML tidak sah/);
    expect(text).toMatch(/agencies\.yaml:2:11 penyelenggara\[0\]\.code: kode hanya huruf kecil/);
    expect(text).toMatch(/agencies\.yaml:3:11 penyelenggara\[0\]\.kind: harus salah satu dari/);
    expect(text).toMatch(
      /agencies\.yaml:5:25 penyelenggara\[0\]\.contact\.website: alamat web harus URL/,
    );
    expect(text).toMatch(
      /agencies\.yaml:5:48 penyelenggara\[0\]\.contact\.email: alamat surel tidak sah/,
    );
    expect(text).not.toMatch(STACK);
  });

  it('checks local files against national agencies with --national', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpp-standard-local-'));
    try {
      // A local copy of a national service under a new code still names the national agency.
      const file = join(dir, 'lokal.yaml');
      const text = readFileSync(join(NATIONAL_CATALOGUE_DIR, 'djp.yaml'), 'utf8').replaceAll(
        'code: djp.',
        'code: kota-contoh.',
      );
      writeFileSync(file, text);
      expect(cli('validate', file).err).toMatch(/penyelenggara 'djp' tidak ada dalam katalog/);
      expect(cli('validate', file, '--national')).toMatchObject({ code: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints one language with --lang', () => {
    const r = cli('validate', join(broken, 'agencies.yaml'), '--lang', 'en');
    expect(r.err).toContain('penyelenggara[0].contact.email: invalid e-mail address');
    expect(r.err).not.toContain('alamat surel');
  });

  it('reports missing paths and wrong usage without throwing', () => {
    expect(cli('validate', '/no/such/folder')).toMatchObject({ code: 1 });
    expect(cli('validate').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('validate', '--bogus').code).toBe(2);
    expect(cli('export', '--format', 'pdf').code).toBe(2);
  });
});

describe('mpp-standard on garbage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-standard-garbage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // YAML-ish fragments so the generator reaches the parser's corners, not just plain text.
  const token = fc.constantFrom(
    'layanan:',
    'penyelenggara:',
    '- ',
    '  ',
    '\n',
    '\t',
    ': ',
    '{',
    '}',
    '[',
    ']',
    ',',
    '"',
    "'",
    '&a ',
    '*a',
    '!!binary ',
    '!!int ',
    '---\n',
    '...\n',
    '%YAML 1.2\n',
    '? ',
    '|\n',
    '>-\n',
    '#',
    'code: x',
    'standar:',
    'version: 1.0.0',
    'amount: -1',
    'null',
    '~',
    '0x1F',
    '.nan',
    '<<: *a',
    '\u0000',
    '\uFEFF',
    '\uD800',
    'é',
    '🙂',
  );
  const garbage = fc.oneof(
    fc.array(token, { maxLength: 40 }).map((t) => t.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

  it('never prints a stack trace or a warning, and always exits 0 or 1', () => {
    const warnings = vi.spyOn(process, 'emitWarning');
    const logs = vi.spyOn(console, 'warn');
    let n = 0;
    fc.assert(
      fc.property(garbage, (text) => {
        const file = join(dir, `g${n++}.yaml`);
        writeFileSync(file, text);
        const r = cli('validate', file);
        expect([0, 1]).toContain(r.code);
        expect(r.err).not.toMatch(STACK);
        if (r.code === 1) {
          for (const line of r.err.trim().split('\n').slice(0, -1))
            expect(line).toMatch(/^\S+:\d+:\d+[ :]/);
        }
      }),
      { numRuns: 400 },
    );
    expect(warnings).not.toHaveBeenCalled();
    expect(logs).not.toHaveBeenCalled();
    warnings.mockRestore();
    logs.mockRestore();
  }, 120_000);
});

describe('mpp-standard export and diff', () => {
  it('exports JSON-LD, SIPP CSV and the JSON Schema', () => {
    const jsonld = cli('export', '--format', 'jsonld');
    expect(jsonld.code).toBe(0);
    const docs = JSON.parse(jsonld.out) as { '@type': string }[];
    expect(docs.every((d) => d['@type'] === 'GovernmentService')).toBe(true);
    const sipp = cli('export', '--format', 'sipp');
    expect(sipp.out.split('\r\n')[0]).toMatch(/^kode_layanan,/);
    const schema = JSON.parse(cli('export', '--format', 'json-schema').out) as { title: string };
    expect(schema.title).toBe('MPP Kit catalogue file');
  });

  it('diffs two versions of a national standard by reference', () => {
    const r = cli(
      'diff',
      'imigrasi.paspor-baru@1.0.0',
      'imigrasi.paspor-baru@2.0.0',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^imigrasi\.paspor-baru: 1\.0\.0 → 2\.0\.0 \(\d+ changes, version bump needed: major\)/,
    );
    expect(r.out).toContain(
      'Fees: added tarif "Paspor biasa elektronik (berlaku paling lama 10 tahun)"',
    );
    expect(r.out).not.toContain('! ');
    expect(cli('diff', 'imigrasi.paspor-baru@1.0.0', 'imigrasi.paspor-baru@9.0.0').code).toBe(1);
  });

  it('diffs two versions of a standard in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpp-standard-diff-'));
    try {
      const older = join(dir, 'old.yaml');
      const newer = join(dir, 'new.yaml');
      const base = [
        'layanan:',
        '  - code: kota.izin',
        '    penyelenggara: dinas',
        '    name: { id: Izin }',
        '    category: lainnya',
        '    type: perizinan',
        '    channels: { counter: true }',
        '    standar:',
        '      version: VERSION',
        '      persyaratan: [{ document: { id: KTP-el } }]',
        '      prosedur: { steps: [{ actor: officer, description: { id: Periksa } }] }',
        '      jangkaWaktu: { amount: DAYS, unit: working-days }',
        '      biaya: { free: true }',
        '      produk: [{ name: { id: Izin } }]',
        '      penangananPengaduan: { channels: [{ kind: sp4n-lapor }] }',
        '      dasarHukum: [{ type: peraturan-daerah, number: "1", year: 2024, title: Izin }]',
        '      sarana: { general: [{ id: Ruang }], vulnerableGroups: [{ id: Kursi roda }] }',
        '      kompetensiPelaksana: [{ id: Paham }]',
        '      pengawasanInternal: [{ id: Atasan }]',
        '      jumlahPelaksana: { count: 1 }',
        '      jaminanPelayanan: { id: Tepat }',
        '      jaminanKeamanan: { id: Aman }',
        '      evaluasiKinerja: { method: { id: SKM }, frequency: yearly }',
        '      publication: { effectiveDate: "2025-01-02", adoptedBy: { office: { id: Kepala Dinas } } }',
      ].join('\n');
      writeFileSync(older, base.replace('VERSION', '1.0.0').replace('DAYS', '5'));
      writeFileSync(newer, base.replace('VERSION', '2.0.0').replace('DAYS', '3'));
      const r = cli('diff', older, newer);
      expect(r.code).toBe(0);
      expect(r.out).toContain(
        'kota.izin: 1.0.0 → 2.0.0 (1 perubahan, perlu kenaikan versi: major)',
      );
      expect(r.out).toContain(
        '- Jangka waktu pelayanan: berubah dari 5 hari kerja menjadi 3 hari kerja',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built bin', () => {
  it('runs from dist with its shebang entry and exits 1 without a stack trace on broken input', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', broken], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('paspor.yaml:23:21');
    expect(r.stderr).not.toMatch(STACK);
  });
});
