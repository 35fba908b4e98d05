import { describe, expect, it } from 'vitest';
import {
  readJsonResponses,
  readJsonResponsesStrict,
  SkmInputError,
  scoreAccumulator,
} from '../src/index.js';

const all = (v: number | null) => ({
  persyaratan: v,
  prosedur: v,
  waktu: v,
  biaya: v,
  produk: v,
  kompetensi: v,
  perilaku: v,
  pengaduan: v,
  sarana: v,
});

describe('readJsonResponses', () => {
  it('scores flat records, also under a "responses" key', () => {
    const text = JSON.stringify({ responses: [{ ...all(4), service: 'KTP', usia: 30 }, all(1)] });
    const r = readJsonResponsesStrict(text);
    expect(scoreAccumulator(r.grouped.group([])).ikmText).toBe('62.50');
  });

  it('gives line and column of a syntax error', () => {
    const r = readJsonResponses('[\n  {"persyaratan": 4,}\n]');
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]?.line).toBe(2);
    expect(r.errors[0]?.message).toMatch(/invalid JSON \(line 2, column \d+\)/);
  });

  it('gives the record number and field of every invalid value', () => {
    const text = JSON.stringify([
      all(4),
      { ...all(4), waktu: 5, kepuasan: 4 },
      { ...all(4), date: '2025-02-30', jenisKelamin: 'X' },
      { ...all(4), biaya: '4' },
      'not a record',
    ]);
    const r = readJsonResponses(text);
    expect(r.rows).toBe(5);
    expect(r.errorCount).toBe(4);
    expect(r.grouped.group([]).respondents).toBe(1);
    const brief = r.errors.map((e) => [e.row, e.column]);
    expect(brief).toEqual([
      [2, 'kepuasan'],
      [2, 'waktu'],
      [3, 'date'],
      [3, 'jenisKelamin'],
      [4, 'biaya'],
      [5, null],
    ]);
    expect(() => readJsonResponsesStrict(text)).toThrow(SkmInputError);
    expect(() => readJsonResponsesStrict(text)).toThrow(
      /row 2 column waktu: answer must be a whole number 1–4/,
    );
  });

  it('rejects a document that is not an array of records', () => {
    expect(readJsonResponses('{"x": 1}').errors[0]?.message).toMatch(
      /must be an array of responses/,
    );
  });
});
