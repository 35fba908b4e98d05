import { type Bilingual, bi } from './bilingual.js';

/**
 * Respondent profile (*profil responden*) as asked by the model questionnaire of
 * PermenPANRB 14/2017: jenis kelamin, usia, pendidikan, pekerjaan.
 * Categories are stable codes; labels are for display only.
 */
export const PROFILE_FIELDS = ['jenisKelamin', 'usia', 'pendidikan', 'pekerjaan'] as const;

/** Name of one profile field. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Gender codes: L = laki-laki, P = perempuan. */
export const JENIS_KELAMIN = ['L', 'P'] as const;
/** Education codes, lowest to highest, as grouped on the model questionnaire. */
export const PENDIDIKAN = ['SD', 'SMP', 'SMA', 'D1-D4', 'S1', 'S2+'] as const;
/** Occupation codes of the model questionnaire. */
export const PEKERJAAN = ['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'] as const;
/**
 * Age groups used when a report or aggregation groups by *usia*. The questionnaire
 * asks for the age in years; grouping keeps the accumulator's memory bounded.
 */
export const USIA_GROUPS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;

/** Category of a profile field after grouping (age in years becomes an age group). */
export type ProfileCategory = Record<ProfileField, readonly string[]>;

/** Allowed categories per profile field (usia already grouped). */
export const PROFILE_CATEGORIES: ProfileCategory = {
  jenisKelamin: JENIS_KELAMIN,
  usia: USIA_GROUPS,
  pendidikan: PENDIDIKAN,
  pekerjaan: PEKERJAAN,
};

/** Marker for a profile question left blank; counted so report totals add up. */
export const NOT_ANSWERED = '-';

/** Display labels for profile fields and categories. */
export const PROFILE_LABELS: Record<
  ProfileField,
  { field: Bilingual; categories: Record<string, Bilingual> }
> = {
  jenisKelamin: {
    field: bi('Jenis kelamin', 'Gender'),
    categories: { L: bi('Laki-laki', 'Male'), P: bi('Perempuan', 'Female') },
  },
  usia: {
    field: bi('Usia', 'Age'),
    categories: {
      '<20': bi('di bawah 20 tahun', 'under 20'),
      '20-29': bi('20–29 tahun', '20–29'),
      '30-39': bi('30–39 tahun', '30–39'),
      '40-49': bi('40–49 tahun', '40–49'),
      '50-59': bi('50–59 tahun', '50–59'),
      '60+': bi('60 tahun ke atas', '60 and over'),
    },
  },
  pendidikan: {
    field: bi('Pendidikan', 'Education'),
    categories: {
      SD: bi('SD ke bawah', 'Primary or less'),
      SMP: bi('SMP/SLTP', 'Junior secondary'),
      SMA: bi('SMA/SLTA', 'Senior secondary'),
      'D1-D4': bi('Diploma (D1–D4)', 'Diploma (D1–D4)'),
      S1: bi('Sarjana (S1)', "Bachelor's"),
      'S2+': bi('S2 ke atas', "Master's or higher"),
    },
  },
  pekerjaan: {
    field: bi('Pekerjaan', 'Occupation'),
    categories: {
      PNS: bi('PNS', 'Civil servant'),
      TNI: bi('TNI', 'Armed forces'),
      POLRI: bi('POLRI', 'Police'),
      SWASTA: bi('Pegawai swasta', 'Private employee'),
      WIRAUSAHA: bi('Wirausaha', 'Self-employed'),
      LAINNYA: bi('Lainnya', 'Other'),
    },
  },
};

/** Age group of an age in whole years. */
export function usiaGroup(age: number): (typeof USIA_GROUPS)[number] {
  if (age < 20) return '<20';
  if (age < 30) return '20-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60+';
}

/** A respondent's profile; every field is optional because respondents may leave it blank. */
export interface RespondentProfile {
  jenisKelamin?: (typeof JENIS_KELAMIN)[number];
  /** Age in whole years. */
  usia?: number;
  pendidikan?: (typeof PENDIDIKAN)[number];
  pekerjaan?: (typeof PEKERJAAN)[number];
}

/** Category of a profile field for grouping, or {@link NOT_ANSWERED}. */
export function profileCategory(
  profile: RespondentProfile | undefined,
  field: ProfileField,
): string {
  const value = profile?.[field];
  if (value === undefined) return NOT_ANSWERED;
  return field === 'usia' ? usiaGroup(value as number) : String(value);
}
