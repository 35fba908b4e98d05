import { describe, expect, it } from 'vitest';
import {
  accumulate,
  buildReport,
  reportToHtml,
  reportToJson,
  reportToMarkdown,
  type SkmResponse,
  tableToCsv,
} from '../src/index.js';
import { uniform } from './helpers.js';

const data: SkmResponse[] = [
  uniform(4, { profile: { jenisKelamin: 'L', usia: 25, pendidikan: 'S1', pekerjaan: 'SWASTA' } }),
  uniform(3, { profile: { jenisKelamin: 'P', usia: 61 } }),
  { ...uniform(2), answers: { ...uniform(2).answers, sarana: 1 } },
];

describe('buildReport', () => {
  const report = buildReport(accumulate(data), { population: 100 });

  it('holds the regulation tables as data', () => {
    expect(report.tables.ringkasan.rows[0]).toMatchObject({ respondents: 3, mutu: 'C' });
    expect(report.tables.unsur.rows).toHaveLength(9);
    expect(report.tables.unsur.rows[8]).toMatchObject({
      code: 'sarana',
      answered: 3,
      sum: 8,
      nrr: '2.67',
    });
    const gender = report.tables.profil.rows.filter((r) => r.field === 'Jenis kelamin');
    expect(gender.map((r) => [r.category, r.count, r.percent])).toEqual([
      ['Laki-laki', 1, '33.33'],
      ['Perempuan', 1, '33.33'],
      ['Tidak diisi', 1, '33.33'],
    ]);
    expect(report.tables.prioritas.rows[0]).toMatchObject({ rank: 1, code: 'sarana' });
  });

  it('warns when the sample is too small', () => {
    expect(report.sample?.required).toBe(80);
    expect(report.warnings[0]).toMatch(/Sample too small: 3 respondents, 80 needed/);
  });

  it('renders CSV with quoting', () => {
    const csv = tableToCsv(report.tables.unsur);
    expect(csv.split('\n')[0]).toBe('no,code,name,answered,sum,nrr,nrrTertimbang');
    expect(csv).toContain('2,prosedur,"Sistem, mekanisme, dan prosedur",3,9,3.00,0.333');
  });

  it('renders Markdown and accessible HTML in either language', () => {
    const md = reportToMarkdown(report);
    expect(md).toContain(
      '| Jumlah responden | Nilai indeks | IKM | Mutu pelayanan | Kinerja unit pelayanan |',
    );
    expect(md).toContain('| 3 | 2.9630 | 74.07 | C | Kurang baik |');
    const html = reportToHtml(report, 'en');
    expect(html).toContain('<caption>Average score per unsur (NRR)</caption>');
    expect(html).toContain('<th scope="col" class="num">Respondents</th>');
    expect(html).not.toContain('<script');
  });

  it('publishes JSON open data with the exact IKM', () => {
    const j = JSON.parse(reportToJson(report));
    expect(j.ikm).toBe(74.07);
    expect(j.ikmExact).toBe('2000/27');
    expect(j.profile.usia['60+']).toBe(1);
    expect(j.priorities[0]).toBe('sarana');
  });
});
