import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvRecordSink,
  CsvSyntaxError,
  CsvTokenizer,
  fieldText,
  formatRowError,
  readCsvResponses,
  readCsvResponsesStrict,
  SkmInputError,
  scoreAccumulator,
} from '../src/index.js';
import { chunked } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Tokenizes `text` (cut into chunks) into records of strings. */
function tokenize(
  text: string,
  cuts: readonly number[] = [],
): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const sink: CsvRecordSink = {
    record(buf, starts, ends, quoted, n, line) {
      const fields: string[] = [];
      for (let i = 0; i < n; i++) fields.push(fieldText(buf, starts, ends, quoted, i));
      out.push({ fields, line });
    },
  };
  const t = new CsvTokenizer(sink);
  for (const c of chunked(enc(text), cuts)) t.push(c);
  t.end();
  return out;
}

const HEADER = 'persyaratan,prosedur,waktu,biaya,produk,kompetensi,perilaku,pengaduan,sarana';

describe('CsvTokenizer', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3';
    expect(tokenize(text)).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['x, y', 'say "hi"', 'two\nlines'], line: 2 },
      { fields: ['1', '', '3'], line: 4 },
    ]);
  });

  it('round-trips any table of strings, whatever the chunking', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', '4'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 5 }),
        (rows, cuts) => {
          const quote = (s: string) =>
            /[",\r\n]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s;
          const text = `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
          expect(tokenize(text, cuts).map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });

  it('names the line of an unterminated quote', () => {
    expect(() => tokenize('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    expect(() => tokenize('a,b\n1,"open\n2,3\n')).toThrow(/line 2: unterminated quoted field/);
  });

  it('rejects text after a closing quote', () => {
    expect(() => tokenize('a,b\n"x"y,1\n')).toThrow(
      /line 2: unexpected character after a closing quote/,
    );
  });
});

describe('readCsvResponses', () => {
  it('scores a valid file with columns in any order', async () => {
    const text = `sarana,pengaduan,perilaku,kompetensi,produk,biaya,waktu,prosedur,persyaratan\n4,4,4,4,4,4,4,4,4\n1,1,1,1,1,1,1,1,1\n`;
    const r = await readCsvResponsesStrict([enc(text)]);
    const s = scoreAccumulator(r.grouped.group([]));
    expect(s.respondents).toBe(2);
    expect(s.ikmText).toBe('62.50');
  });

  it('reports each bad row with row, file line and column, and scores none of them', async () => {
    const text = [
      `${HEADER},date,usia,jenisKelamin,pendidikan`,
      '4,4,4,4,4,4,4,4,4,2025-01-01,30,L,S1',
      '4,4,0,4,4,4,4,4,4,2025-01-01,30,L,S1',
      '4,4,4,4,4,4,4,4,"4",2025-02-29,30,X,S1',
      '4,4,4,4,4,4,4,4',
      '4,4,4,4,4,4,4,4,4.0,,abc,,S3',
    ].join('\n');
    const r = await readCsvResponses([enc(text)]);
    expect(r.rows).toBe(5);
    expect(r.errorCount).toBe(4);
    expect(r.grouped.group([]).respondents).toBe(1);
    const brief = r.errors.map((e) => [e.row, e.line, e.column, e.value]);
    expect(brief).toEqual([
      [2, 3, 'waktu', '0'],
      [3, 4, 'date', '2025-02-29'],
      [3, 4, 'jenisKelamin', 'X'],
      [4, 5, null, undefined],
      [5, 6, 'sarana', '4.0'],
      [5, 6, 'usia', 'abc'],
      [5, 6, 'pendidikan', 'S3'],
    ]);
    expect(formatRowError(r.errors[0] as never)).toBe(
      'baris 2 (baris berkas 3) kolom waktu: "0" jawaban harus bilangan bulat 1–4 atau kosong / row 2 (file line 3) column waktu: "0" answer must be a whole number 1–4 or empty',
    );
    await expect(readCsvResponsesStrict([enc(text)])).rejects.toThrow(SkmInputError);
  });

  it('counts a quoted or padded answer and treats an empty cell as unanswered', async () => {
    const r = await readCsvResponsesStrict([enc(`${HEADER}\n"4", 3 ,,4,4,4,4,4,4\n`)]);
    const s = scoreAccumulator(r.grouped.group([]));
    expect(s.unsur.map((u) => u.answered)).toEqual([1, 1, 0, 1, 1, 1, 1, 1, 1]);
    expect(s.unsur[1]?.sum).toBe(3);
  });

  it('rejects unknown, duplicated and missing columns in the header (row 0)', async () => {
    const r = await readCsvResponses([enc('persyaratan,prosedur,prosedur,kepuasan\n1,1,1,1\n')]);
    const cols = r.errors.map((e) => [e.row, e.column]);
    expect(cols).toContainEqual([0, 'kepuasan']);
    expect(cols).toContainEqual([0, 'prosedur']);
    expect(cols).toContainEqual([0, 'sarana']);
    expect([...r.grouped.groups.values()].map((g) => g.acc.respondents)).toEqual([0]);
  });

  it('accepts extra.* columns, which never enter the index', async () => {
    const a = await readCsvResponsesStrict([enc(`${HEADER},extra.parkir\n4,4,4,4,4,4,4,4,4,1\n`)]);
    expect(scoreAccumulator(a.grouped.group([])).ikmText).toBe('100.00');
  });

  it('rejects rows answered on another questionnaire version', async () => {
    const r = await readCsvResponses([
      enc(`questionnaire,${HEADER}\nlama-2014,4,4,4,4,4,4,4,4,4\n`),
    ]);
    expect(r.errors[0]?.column).toBe('questionnaire');
  });

  it('reports an empty file', async () => {
    const r = await readCsvResponses([enc('')]);
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]?.message).toMatch(/no header row/);
  });

  it('groups by service, period and profile', async () => {
    const text = [
      `service,date,usia,${HEADER}`,
      'Paspor,2025-01-31,25,4,4,4,4,4,4,4,4,4',
      'Paspor,2025-07-01,25,1,1,1,1,1,1,1,1,1',
      'KTP,2025-03-15,65,3,3,3,3,3,3,3,3,3',
    ].join('\n');
    const r = await readCsvResponsesStrict([enc(text)], { by: ['service', 'semester', 'usia'] });
    const keys = [...r.grouped.groups.values()].map((g) => [g.key, g.acc.respondents]);
    expect(keys).toEqual([
      [{ service: 'Paspor', semester: '2025-S1', usia: '20-29' }, 1],
      [{ service: 'Paspor', semester: '2025-S2', usia: '20-29' }, 1],
      [{ service: 'KTP', semester: '2025-S1', usia: '60+' }, 1],
    ]);
  });
});
