import { type Answer, SKM_2017_VERSION, type SkmResponse, UNSUR_CODES } from '../src/index.js';

/** A response answering every unsur with `value`. */
export function uniform(value: Answer, extra: Partial<SkmResponse> = {}): SkmResponse {
  return {
    questionnaire: SKM_2017_VERSION,
    answers: Object.fromEntries(UNSUR_CODES.map((c) => [c, value])),
    ...extra,
  };
}

/** `high` responses of all `value + 1` and `total - high` of all `value`: every NRR = value + high/total. */
export function mix(value: Answer, high: number, total: number): SkmResponse[] {
  const out: SkmResponse[] = [];
  for (let i = 0; i < total; i++) out.push(uniform((i < high ? value + 1 : value) as Answer));
  return out;
}
