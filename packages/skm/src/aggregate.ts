import { SkmAccumulator } from './accumulator.js';
import { PERIOD_KINDS, type PeriodKind, periodKey } from './period.js';
import { NOT_ANSWERED, PROFILE_FIELDS, type ProfileField, profileCategory } from './profile.js';
import { type Questionnaire, SKM_2017 } from './questionnaire.js';
import type { SkmResponse } from './response.js';
import { type ScoreOptions, type SkmScore, scoreAccumulator } from './score.js';

/**
 * What results can be grouped by: where the service was delivered (service, agency, mpp),
 * when (a period of the response date) or who answered (a respondent-profile field).
 */
export type Dimension = 'service' | 'agency' | 'mpp' | PeriodKind | ProfileField;

/** Every dimension, in the order the CLI lists them. */
export const DIMENSIONS: readonly Dimension[] = [
  'service',
  'agency',
  'mpp',
  ...PERIOD_KINDS,
  ...PROFILE_FIELDS,
];

/** True when `value` names a dimension. */
export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}

/** Group value of a response along one dimension; "-" when the response does not say. */
export function dimensionValue(response: SkmResponse, dimension: Dimension): string {
  switch (dimension) {
    case 'service':
    case 'agency':
    case 'mpp':
      return response[dimension] ?? NOT_ANSWERED;
    case 'month':
    case 'quarter':
    case 'semester':
    case 'year':
      return response.date === undefined ? NOT_ANSWERED : periodKey(response.date, dimension);
    default:
      return profileCategory(response.profile, dimension);
  }
}

/** A group's key: its value along each dimension. */
export type GroupKey = Readonly<Partial<Record<Dimension, string>>>;

/**
 * Accumulators per group. Memory grows with the number of distinct groups, never with the
 * number of responses.
 */
export class GroupedAccumulator {
  readonly groups = new Map<string, { key: GroupKey; acc: SkmAccumulator }>();
  readonly questionnaire: string;

  constructor(
    readonly by: readonly Dimension[],
    questionnaire: Questionnaire | string = SKM_2017,
  ) {
    this.questionnaire = typeof questionnaire === 'string' ? questionnaire : questionnaire.version;
  }

  /** The accumulator of the group with these dimension values (created when new). */
  group(values: readonly string[]): SkmAccumulator {
    const id = JSON.stringify(values);
    let entry = this.groups.get(id);
    if (entry === undefined) {
      const key: Partial<Record<Dimension, string>> = {};
      this.by.forEach((d, i) => {
        key[d] = values[i] as string;
      });
      entry = { key, acc: new SkmAccumulator(this.questionnaire) };
      this.groups.set(id, entry);
    }
    return entry.acc;
  }

  /** Folds one validated response into its group. */
  add(response: SkmResponse): this {
    this.group(this.by.map((d) => dimensionValue(response, d))).add(response);
    return this;
  }

  /** Adds another grouping's counts, group by group. */
  merge(other: GroupedAccumulator): this {
    if (other.by.join() !== this.by.join()) {
      throw new RangeError(`cannot merge groupings by ${other.by.join()} and ${this.by.join()}`);
    }
    for (const { key, acc } of other.groups.values()) {
      this.group(this.by.map((d) => key[d] as string)).merge(acc);
    }
    return this;
  }
}

/** Groups validated responses along `by` (may be empty: one group for everything). */
export function aggregate(
  responses: Iterable<SkmResponse>,
  by: readonly Dimension[],
  questionnaire: Questionnaire | string = SKM_2017,
): GroupedAccumulator {
  const grouped = new GroupedAccumulator(by, questionnaire);
  for (const r of responses) grouped.add(r);
  return grouped;
}

/** A group's key and score. */
export interface GroupScore {
  readonly key: GroupKey;
  readonly score: SkmScore;
}

/** Scores every group, sorted by key values (so periods come out in time order). */
export function scoreGroups(grouped: GroupedAccumulator, options: ScoreOptions = {}): GroupScore[] {
  const out = [...grouped.groups.values()].map(({ key, acc }) => ({
    key,
    score: scoreAccumulator(acc, options),
  }));
  const cmp = (a: GroupScore, b: GroupScore): number => {
    for (const d of grouped.by) {
      const x = a.key[d] as string;
      const y = b.key[d] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return out.sort(cmp);
}
