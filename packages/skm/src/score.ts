import { SkmAccumulator } from './accumulator.js';
import type { Bilingual } from './bilingual.js';
import { kinerja, type Mutu, mutuFromHundredths } from './grade.js';
import { type Questionnaire, SKM_2017 } from './questionnaire.js';
import {
  add,
  mul,
  type Rational,
  rational,
  roundScaled,
  toFixed,
  toRoundedNumber,
  ZERO,
} from './rational.js';
import type { SkmResponse } from './response.js';
import { UNSUR_CODES, UNSUR_COUNT, type UnsurCode } from './unsur.js';
import { unsurWeight, type WeightMode } from './weight.js';

/** Score of one unsur. */
export interface UnsurScore {
  readonly code: UnsurCode;
  /** Respondents who answered this unsur (*yang terisi*). */
  readonly answered: number;
  /** Sum of their answers (*total nilai persepsi*). */
  readonly sum: number;
  /** Respondents per answer 1, 2, 3, 4. */
  readonly distribution: readonly [number, number, number, number];
  /** NRR (*nilai rata-rata*) = sum / answered, exact; null when nobody answered. */
  readonly nrr: Rational | null;
  /** NRR × weight (*NRR tertimbang*), exact; null when nobody answered. */
  readonly nrrTertimbang: Rational | null;
}

/** Options for scoring. */
export interface ScoreOptions {
  /** Weight mode; `exact` (1/9) unless reproducing a legacy report. */
  readonly weight?: WeightMode;
}

/** The survey result: exact values plus their rounded, graded output form. */
export interface SkmScore {
  readonly questionnaire: string;
  readonly weight: WeightMode;
  readonly respondents: number;
  readonly unsur: readonly UnsurScore[];
  /** Unsur no respondent answered; they are left out of the index (see the README). */
  readonly unsurWithoutAnswers: readonly UnsurCode[];
  /** Index value (*nilai indeks*, NI, 1–4) = Σ NRR tertimbang, exact; null without answers. */
  readonly indexValue: Rational | null;
  /** IKM = NI × 25, exact; null without answers. */
  readonly ikm: Rational | null;
  /** IKM rounded half-up to two decimals, as text ("88.31"); null without answers. */
  readonly ikmText: string | null;
  /** IKM rounded half-up to two decimals, as a number; null without answers. */
  readonly ikmRounded: number | null;
  /** Grade from the rounded IKM; null without answers. */
  readonly mutu: Mutu | null;
  /** Performance label of the grade; null without answers. */
  readonly kinerja: Bilingual | null;
}

const TWENTY_FIVE = rational(25n);

/** Scores an accumulator. */
export function scoreAccumulator(acc: SkmAccumulator, options: ScoreOptions = {}): SkmScore {
  const weightMode = options.weight ?? 'exact';
  const raw: {
    code: UnsurCode;
    answered: number;
    sum: number;
    dist: [number, number, number, number];
  }[] = [];
  for (let u = 0; u < UNSUR_COUNT; u++) {
    const dist: [number, number, number, number] = [
      acc.count(u, 1),
      acc.count(u, 2),
      acc.count(u, 3),
      acc.count(u, 4),
    ];
    raw.push({
      code: UNSUR_CODES[u] as UnsurCode,
      answered: dist[0] + dist[1] + dist[2] + dist[3],
      sum: dist[0] + 2 * dist[1] + 3 * dist[2] + 4 * dist[3],
      dist,
    });
  }
  const filled = raw.filter((r) => r.answered > 0).length;
  const weight = filled > 0 ? unsurWeight(weightMode, filled) : ZERO;
  let index: Rational = ZERO;
  const unsur: UnsurScore[] = raw.map((r) => {
    if (r.answered === 0) {
      return {
        code: r.code,
        answered: 0,
        sum: 0,
        distribution: r.dist,
        nrr: null,
        nrrTertimbang: null,
      };
    }
    const nrr = rational(BigInt(r.sum), BigInt(r.answered));
    const nrrTertimbang = mul(nrr, weight);
    index = add(index, nrrTertimbang);
    return {
      code: r.code,
      answered: r.answered,
      sum: r.sum,
      distribution: r.dist,
      nrr,
      nrrTertimbang,
    };
  });
  const base = {
    questionnaire: acc.questionnaire,
    weight: weightMode,
    respondents: acc.respondents,
    unsur,
    unsurWithoutAnswers: raw.filter((r) => r.answered === 0).map((r) => r.code),
  };
  if (filled === 0) {
    return {
      ...base,
      indexValue: null,
      ikm: null,
      ikmText: null,
      ikmRounded: null,
      mutu: null,
      kinerja: null,
    };
  }
  const ikm = mul(index, TWENTY_FIVE);
  const mutu = mutuFromHundredths(Number(roundScaled(ikm, 2)));
  return {
    ...base,
    indexValue: index,
    ikm,
    ikmText: toFixed(ikm, 2),
    ikmRounded: toRoundedNumber(ikm, 2),
    mutu,
    kinerja: kinerja(mutu),
  };
}

/**
 * Scores validated responses in one go (batch). Same result as folding them into an
 * {@link SkmAccumulator} and calling {@link scoreAccumulator}.
 */
export function scoreResponses(
  responses: Iterable<SkmResponse>,
  options: ScoreOptions & { questionnaire?: Questionnaire | string } = {},
): SkmScore {
  const acc = new SkmAccumulator(options.questionnaire ?? SKM_2017);
  for (const r of responses) acc.add(r);
  return scoreAccumulator(acc, options);
}
