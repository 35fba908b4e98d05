import { describe, expect, it } from 'vitest';
import {
  accumulate,
  defineQuestionnaire,
  parseResponse,
  parseResponses,
  SKM_2017,
  SkmAccumulator,
  SkmValidationError,
  scoreResponses,
  UNSUR_CODES,
  unsurDefinition,
} from '../src/index.js';
import { uniform } from './helpers.js';

describe('the 2017 questionnaire as data', () => {
  it('has the nine unsur under stable codes, in the regulation order', () => {
    expect(SKM_2017.unsur.map((u) => u.code)).toEqual([...UNSUR_CODES]);
    expect(SKM_2017.unsur.map((u) => u.regulationNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('records that the model questionnaire swaps pengaduan and sarana', () => {
    expect(unsurDefinition(SKM_2017, 'sarana').questionnaireNumber).toBe(8);
    expect(unsurDefinition(SKM_2017, 'pengaduan').questionnaireNumber).toBe(9);
  });

  it('carries the answer labels of the model questionnaire, 1 to 4, in both languages', () => {
    const labels = (code: (typeof UNSUR_CODES)[number]) =>
      unsurDefinition(SKM_2017, code).labels.map((l) => l.id);
    expect(labels('biaya')).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(labels('sarana')).toEqual(['Buruk', 'Cukup', 'Baik', 'Sangat baik']);
    expect(labels('pengaduan')).toEqual([
      'Tidak ada',
      'Ada tetapi tidak berfungsi',
      'Berfungsi kurang maksimal',
      'Dikelola dengan baik',
    ]);
    for (const u of SKM_2017.unsur) {
      expect(u.labels).toHaveLength(4);
      for (const l of [u.question, u.name, ...u.labels]) {
        expect(l.id.trim()).not.toBe('');
        expect(l.en.trim()).not.toBe('');
      }
    }
  });

  it('asks the respondent profile and an optional saran', () => {
    expect(SKM_2017.profile).toEqual(['jenisKelamin', 'usia', 'pendidikan', 'pekerjaan']);
    expect(SKM_2017.saran.id).toMatch(/Saran/);
  });
});

describe('validation', () => {
  const valid = {
    answers: { persyaratan: 4, prosedur: null, waktu: 3 },
    profile: { jenisKelamin: 'P', usia: 41, pendidikan: 'S1', pekerjaan: 'PNS' },
    service: 'Paspor',
    date: '2025-06-30',
    saran: 'Tambah kursi',
  };

  it('accepts a valid response and defaults the questionnaire version', () => {
    expect(parseResponse(valid).questionnaire).toBe(SKM_2017.version);
  });

  it('rejects answers outside 1–4, unknown codes and bad profile values, naming each field', () => {
    try {
      parseResponse({
        ...valid,
        answers: { persyaratan: 5, waktu: 2.5, kepuasan: 4 },
        profile: { usia: 7, pekerjaan: 'Dokter' },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SkmValidationError);
      const issues = (error as SkmValidationError).issues.map((i) => i.path.join('.'));
      expect(issues).toEqual(
        expect.arrayContaining([
          'answers.persyaratan',
          'answers.waktu',
          'answers',
          'profile.usia',
          'profile.pekerjaan',
        ]),
      );
      expect((error as Error).message).toMatch(/answers: .*unknown field or code: kepuasan/);
      expect((error as Error).message).toMatch(
        /answers.persyaratan: jawaban harus bilangan bulat 1–4/,
      );
    }
  });

  it('locates problems in a list by index', () => {
    expect(() => parseResponses([valid, { answers: { biaya: 0 } }])).toThrow(/1\.answers\.biaya/);
  });
});

describe('versions and extra questions', () => {
  const local = defineQuestionnaire({
    version: 'mpp-contoh-2025',
    extraQuestions: [
      {
        id: 'parkir',
        kind: 'scale',
        question: { id: 'Kemudahan parkir?', en: 'Ease of parking?' },
      },
      {
        id: 'kanal',
        kind: 'choice',
        options: ['loket', 'online'],
        question: { id: 'Kanal?', en: 'Channel?' },
      },
    ],
  });

  it('refuses to reuse a version or a reserved id', () => {
    expect(() => defineQuestionnaire({ version: SKM_2017.version, extraQuestions: [] })).toThrow(
      /version must be new/,
    );
    expect(() =>
      defineQuestionnaire({
        version: 'x',
        extraQuestions: [{ id: 'waktu', kind: 'text', question: { id: 'a', en: 'a' } }],
      }),
    ).toThrow(/extra question id is invalid or duplicated/);
  });

  it('validates extra answers but never lets them into the index', () => {
    const r = parseResponse(
      { ...uniform(4), questionnaire: local.version, extra: { parkir: 1, kanal: 'online' } },
      local,
    );
    const s = scoreResponses([r], { questionnaire: local });
    expect(s.ikmText).toBe('100.00');
    expect(() =>
      parseResponse(
        { ...uniform(4), questionnaire: local.version, extra: { kanal: 'pos' } },
        local,
      ),
    ).toThrow(/extra.kanal/);
  });

  it('never scores a response made on another questionnaire version', () => {
    expect(() => parseResponse({ ...uniform(4) }, local)).toThrow(
      /questionnaire version must be "mpp-contoh-2025"/,
    );
    expect(() => accumulate([uniform(4)], local)).toThrow(/cannot be scored as "mpp-contoh-2025"/);
    expect(() => new SkmAccumulator(local).merge(new SkmAccumulator())).toThrow(/cannot merge/);
  });
});
