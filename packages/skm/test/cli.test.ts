import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'skm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const U = 'persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana';
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

const csv = file(
  'survey.csv',
  [
    `service,date,jenisKelamin,${U}`,
    'Paspor,2025-01-10,L,4,4,4,4,4,4,4,4,4',
    'Paspor,2025-04-11,P,3,3,3,3,3,3,3,3,3',
    'KTP,2025-01-20,P,1,1,1,1,1,1,1,1,1',
  ].join('\n'),
);

describe('mpp-skm score', () => {
  it('prints respondents, ikm, mutu and unsur with --format json', async () => {
    const r = await cli('score', csv, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.respondents).toBe(3);
    expect(j.ikm).toBe(66.67);
    expect(j.ikmText).toBe('66.67');
    expect(j.mutu).toBe('C');
    expect(j.unsur).toHaveLength(9);
    expect(j.unsur[0]).toMatchObject({ code: 'persyaratan', nrr: 2.67 });
  });

  it('groups with --by into an array carrying the group keys', async () => {
    const r = await cli('score', csv, '--by', 'service,quarter', '--format', 'json');
    const j = JSON.parse(r.out);
    expect(
      j.map((g: { service: string; quarter: string; ikm: number }) => [
        g.service,
        g.quarter,
        g.ikm,
      ]),
    ).toEqual([
      ['KTP', '2025-Q1', 25],
      ['Paspor', '2025-Q1', 100],
      ['Paspor', '2025-Q2', 75],
    ]);
  });

  it('reads "period" in --by as the length given by --period (month by default)', async () => {
    const q = JSON.parse(
      (await cli('score', csv, '--by', 'service,period', '--period', 'quarter', '--format', 'json'))
        .out,
    );
    expect(q.map((g: { quarter: string }) => g.quarter)).toEqual(['2025-Q1', '2025-Q1', '2025-Q2']);
    const m = JSON.parse((await cli('score', csv, '--by', 'period', '--format', 'json')).out);
    expect(m.map((g: { month: string }) => g.month)).toEqual(['2025-01', '2025-04']);
    expect((await cli('score', csv, '--by', 'period', '--period', 'week')).code).toBe(2);
  });

  it('applies --weight', async () => {
    const j = JSON.parse(
      (await cli('score', csv, '--by', 'service', '--weight', '0.11', '--format', 'json')).out,
    );
    expect(j.find((g: { service: string }) => g.service === 'Paspor').ikm).toBe(86.63);
  });

  it('prints a table and CSV', async () => {
    const table = (await cli('score', csv, '--by', 'jenisKelamin')).out;
    expect(table.split('\n')[0]).toMatch(/^jenisKelamin\s+responden\s+IKM\s+mutu\s+persyaratan/);
    expect(table).toMatch(/P\s+2\s+50\.00\s+D/);
    const out = (await cli('score', csv, '--by', 'service', '--format', 'csv')).out;
    expect(out.split('\n').slice(0, 2)).toEqual([
      `service,respondents,ikm,mutu,${U}`,
      'KTP,1,25.00,D,1.00,1.00,1.00,1.00,1.00,1.00,1.00,1.00,1.00',
    ]);
  });

  it('reads JSON input', async () => {
    const json = file(
      'survey.json',
      JSON.stringify([Object.fromEntries(U.split(',').map((c) => [c, 4]))]),
    );
    const j = JSON.parse((await cli('score', json, '--format', 'json')).out);
    expect([j.respondents, j.ikm, j.mutu]).toEqual([1, 100, 'A']);
  });

  it('reports bad CSV rows with row and column, prints no result and exits 1', async () => {
    const bad = file('bad.csv', `${U}\n4,4,4,4,4,4,4,4,4\n4,4,9,4,4,4,4,4,4\n`);
    const r = await cli('score', bad, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /row 2 \(file line 3\) column waktu: "9" answer must be a whole number 1–4/,
    );
    expect(r.err).toMatch(/baris 2 \(baris berkas 3\) kolom waktu/);
  });

  it('with --skip-invalid scores the rest and still lists what it left out', async () => {
    const bad = file('bad2.csv', `${U}\n4,4,4,4,4,4,4,4,4\n4,4,9,4,4,4,4,4,4\n`);
    const r = await cli('score', bad, '--format', 'json', '--skip-invalid');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).respondents).toBe(1);
    expect(r.err).toMatch(/1 of 2 rows invalid and NOT scored/);
  });

  it('reports a CSV syntax error with its line instead of crashing', async () => {
    const bad = file('quote.csv', `${U}\n4,4,4,4,4,4,4,4,4\n"4,4,4,4,4,4,4,4,4\n`);
    const r = await cli('score', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 2 \(file line 3\): unterminated quoted field/);
    // The rest of the file was never read, so --skip-invalid cannot give a result either.
    expect((await cli('score', bad, '--skip-invalid')).code).toBe(1);
  });

  it('reports bad JSON with line and column', async () => {
    const bad = file('bad.json', '[\n {"persyaratan": 4,,}\n]');
    const r = await cli('score', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid JSON \(line 2, column \d+\)/);
  });

  it('warns when the sample is below Krejcie–Morgan for --population', async () => {
    const r = await cli('score', csv, '--population', '1000', '--format', 'json');
    expect(r.err).toMatch(/Sample too small: 3 respondents, 278 needed/);
    expect(JSON.parse(r.out).sample.required).toBe(278);
  });

  it('rejects bad options with exit code 2', async () => {
    expect((await cli('score', csv, '--weight', '0.1')).code).toBe(2);
    expect((await cli('score', csv, '--by', 'kota')).err).toMatch(/unknown dimension "kota"/);
    expect((await cli('score', csv, '--format', 'xml')).code).toBe(2);
    expect((await cli('score', join(dir, 'missing.csv'))).err).toMatch(/file not found/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});

describe('mpp-skm report', () => {
  it('prints the report tables as Markdown, HTML, JSON or CSV', async () => {
    const md = await cli('report', csv, '--population', '50');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| 3 | 2.6667 | 66.67 | C | Kurang baik |');
    expect(md.out).toContain('### Profil responden');
    expect(md.err).toMatch(/Sample too small: 3 respondents, 44 needed/);
    const html = (await cli('report', csv, '--format', 'html', '--lang', 'en')).out;
    expect(html).toContain('<caption>Improvement priorities (lowest NRR)</caption>');
    expect(JSON.parse((await cli('report', csv, '--format', 'json')).out).ikmExact).toBe('200/3');
    expect((await cli('report', csv, '--format', 'csv')).out).toMatch(
      /^Jumlah responden,Nilai indeks,IKM/,
    );
    expect((await cli('report', csv, '--format', 'pdf')).code).toBe(2);
  });
});

describe('mpp-skm sample', () => {
  it('prints the Krejcie–Morgan sample size and margin of error', async () => {
    const r = await cli('sample', '1000', '--respondents', '278', '--format', 'json');
    const j = JSON.parse(r.out);
    expect(j.required).toBe(278);
    expect(j.marginOfError).toBeCloseTo(0.05, 3);
    expect((await cli('sample', '1000')).out).toMatch(/required sample \(Krejcie–Morgan\): 278/);
    expect((await cli('sample', 'lots')).code).toBe(2);
  });
});

describe('the built bin', () => {
  it('runs as an executable with a shebang', () => {
    const bin = join(import.meta.dirname, '..', 'dist', 'cli.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const out = execFileSync(process.execPath, [bin, 'score', csv, '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).ikm).toBe(66.67);
  });
});
