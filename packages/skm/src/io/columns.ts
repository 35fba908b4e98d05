import { PROFILE_FIELDS } from '../profile.js';
import { UNSUR_CODES } from '../unsur.js';

/** Columns of a flat response record (a CSV row or a JSON object), besides `extra.*`. */
export const RECORD_COLUMNS: readonly string[] = [
  ...UNSUR_CODES,
  'service',
  'agency',
  'mpp',
  'date',
  ...PROFILE_FIELDS,
  'saran',
  'questionnaire',
];

/** Prefix of columns holding answers to a unit's extra questions (kept out of the index). */
export const EXTRA_PREFIX = 'extra.';

/** True for a known column or an `extra.*` column. */
export function isRecordColumn(name: string): boolean {
  return (
    RECORD_COLUMNS.includes(name) ||
    (name.startsWith(EXTRA_PREFIX) && name.length > EXTRA_PREFIX.length)
  );
}
