import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulate,
  compare,
  packResponse,
  readCsvResponses,
  SkmAccumulator,
  scoreAccumulator,
  scoreResponses,
  UNSUR_CODES,
} from '../src/index.js';
import { chunked, responseArb, toCsv, uniform } from './helpers.js';

const responses = fc.array(responseArb, { minLength: 1, maxLength: 60 });

/** The parts of a score that must agree exactly. */
const essence = (acc: SkmAccumulator) => {
  const s = scoreAccumulator(acc);
  return {
    ikm: s.ikm,
    text: s.ikmText,
    mutu: s.mutu,
    unsur: s.unsur,
    n: s.respondents,
    state: acc.toJSON(),
  };
};

describe('packResponse', () => {
  it('packs responses into the bytes addPacked folds to the same state as add', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const answers = new Uint8Array(rs.length * 9);
        const profiles = new Uint8Array(rs.length * 4);
        rs.forEach((r, i) => {
          const p = packResponse(r);
          answers.set(p.answers, i * 9);
          profiles.set(p.profile, i * 4);
        });
        const packed = new SkmAccumulator().addPacked(answers, 0, rs.length, profiles);
        expect(packed.toJSON()).toEqual(accumulate(rs).toJSON());
      }),
    );
  });
});

describe('scoring properties', () => {
  it('IKM stays within [25, 100]', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const s = scoreResponses(rs);
        if (s.ikmRounded === null) return; // every answer left blank
        expect(s.ikmRounded).toBeGreaterThanOrEqual(25);
        expect(s.ikmRounded).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('does not depend on the order of responses', () => {
    fc.assert(
      fc.property(
        responses.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([rs, shuffled]) => {
          expect(essence(accumulate(shuffled))).toEqual(essence(accumulate(rs)));
        },
      ),
    );
  });

  it('merge(acc(a), acc(b)) equals acc(a ++ b)', () => {
    fc.assert(
      fc.property(fc.array(responseArb), fc.array(responseArb), (a, b) => {
        const merged = accumulate(a).merge(accumulate(b));
        expect(essence(merged)).toEqual(essence(accumulate([...a, ...b])));
        // and a state round-trip through JSON changes nothing
        const revived = SkmAccumulator.fromJSON(JSON.parse(JSON.stringify(merged.toJSON())));
        expect(essence(revived)).toEqual(essence(merged));
      }),
    );
  });

  it('adding an all-4 response never lowers the IKM', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const before = scoreResponses(rs);
        const after = scoreResponses([...rs, uniform(4)]);
        if (before.ikm === null) return;
        expect(after.ikm).not.toBeNull();
        expect(compare(after.ikm ?? before.ikm, before.ikm)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('batch equals incremental, packed and streamed-CSV scoring', async () => {
    await fc.assert(
      fc.asyncProperty(
        responses,
        fc.array(fc.nat({ max: 4000 }), { maxLength: 6 }),
        async (rs, cuts) => {
          const batch = scoreResponses(rs);
          // one at a time
          const inc = new SkmAccumulator();
          for (const r of rs) inc.add(r);
          expect(scoreAccumulator(inc)).toEqual(batch);
          // packed bytes, in two calls
          const packed = new Uint8Array(rs.length * 9);
          rs.forEach((r, i) => {
            UNSUR_CODES.forEach((c, u) => {
              packed[i * 9 + u] = r.answers[c] ?? 0;
            });
          });
          const half = Math.floor(rs.length / 2);
          const fromPacked = new SkmAccumulator()
            .addPacked(packed, 0, half)
            .addPacked(packed, half);
          const p = scoreAccumulator(fromPacked);
          expect([p.ikm, p.unsur, p.respondents]).toEqual([
            batch.ikm,
            batch.unsur,
            batch.respondents,
          ]);
          // CSV bytes cut into arbitrary chunks, with CRLF
          const bytes = new TextEncoder().encode(toCsv(rs, '\r\n'));
          const read = await readCsvResponses(chunked(bytes, cuts));
          expect(read.errorCount).toBe(0);
          const fromCsv = read.grouped.group([]);
          expect(essence(fromCsv)).toEqual(essence(accumulate(rs)));
        },
      ),
    );
  });
});
