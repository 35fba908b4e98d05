import { type Bilingual, bi } from './bilingual.js';
import { PROFILE_FIELDS, type ProfileField } from './profile.js';
import { UNSUR_CODES, type UnsurCode } from './unsur.js';

/** One of the nine scored elements, with its question and four answer labels (1 → 4). */
export interface UnsurDefinition {
  readonly code: UnsurCode;
  readonly name: Bilingual;
  readonly question: Bilingual;
  /** Labels of the answers 1, 2, 3 and 4, in that order. */
  readonly labels: readonly [Bilingual, Bilingual, Bilingual, Bilingual];
  /** Number in the regulation's list of unsur (U1–U9). */
  readonly regulationNumber: number;
  /** Number on the model questionnaire (sarana is 8 and pengaduan 9 there). */
  readonly questionnaireNumber: number;
}

/** A question a unit adds for its own use. Its answers are kept but never enter the IKM. */
export interface ExtraQuestion {
  readonly id: string;
  readonly question: Bilingual;
  /** `scale`: integer 1–4; `text`: free text up to 1000 characters; `choice`: one of `options`. */
  readonly kind: 'scale' | 'text' | 'choice';
  readonly options?: readonly string[];
}

/** A versioned questionnaire. Responses carry the version they were answered on. */
export interface Questionnaire {
  readonly version: string;
  readonly unsur: readonly UnsurDefinition[];
  readonly profile: readonly ProfileField[];
  /** Prompt for the optional free-text suggestion (*saran*). */
  readonly saran: Bilingual;
  readonly extraQuestions: readonly ExtraQuestion[];
}

const labels = (
  l1: Bilingual,
  l2: Bilingual,
  l3: Bilingual,
  l4: Bilingual,
): readonly [Bilingual, Bilingual, Bilingual, Bilingual] => [l1, l2, l3, l4];

const SESUAI = labels(
  bi('Tidak sesuai', 'Not appropriate'),
  bi('Kurang sesuai', 'Somewhat appropriate'),
  bi('Sesuai', 'Appropriate'),
  bi('Sangat sesuai', 'Very appropriate'),
);

const UNSUR_2017: readonly UnsurDefinition[] = [
  {
    code: 'persyaratan',
    name: bi('Persyaratan', 'Requirements'),
    question: bi(
      'Bagaimana pendapat Anda tentang kesesuaian persyaratan dengan jenis pelayanannya?',
      'How well do the requirements fit the service you used?',
    ),
    labels: SESUAI,
    regulationNumber: 1,
    questionnaireNumber: 1,
  },
  {
    code: 'prosedur',
    name: bi('Sistem, mekanisme, dan prosedur', 'System, mechanism and procedure'),
    question: bi(
      'Bagaimana pendapat Anda tentang kemudahan prosedur pelayanan?',
      'How easy was the service procedure?',
    ),
    labels: labels(
      bi('Tidak mudah', 'Not easy'),
      bi('Kurang mudah', 'Somewhat easy'),
      bi('Mudah', 'Easy'),
      bi('Sangat mudah', 'Very easy'),
    ),
    regulationNumber: 2,
    questionnaireNumber: 2,
  },
  {
    code: 'waktu',
    name: bi('Waktu penyelesaian', 'Completion time'),
    question: bi(
      'Bagaimana pendapat Anda tentang kecepatan waktu penyelesaian pelayanan?',
      'How fast was the service completed?',
    ),
    labels: labels(
      bi('Tidak cepat', 'Not fast'),
      bi('Kurang cepat', 'Somewhat fast'),
      bi('Cepat', 'Fast'),
      bi('Sangat cepat', 'Very fast'),
    ),
    regulationNumber: 3,
    questionnaireNumber: 3,
  },
  {
    code: 'biaya',
    name: bi('Biaya/tarif', 'Cost/fee'),
    question: bi(
      'Bagaimana pendapat Anda tentang kewajaran biaya/tarif pelayanan?',
      'How fair was the cost or fee of the service?',
    ),
    labels: labels(
      bi('Sangat mahal', 'Very expensive'),
      bi('Cukup mahal', 'Fairly expensive'),
      bi('Murah', 'Cheap'),
      bi('Gratis', 'Free'),
    ),
    regulationNumber: 4,
    questionnaireNumber: 4,
  },
  {
    code: 'produk',
    name: bi('Produk spesifikasi jenis pelayanan', 'Service product specification'),
    question: bi(
      'Bagaimana pendapat Anda tentang kesesuaian hasil pelayanan dengan yang tercantum dalam standar pelayanan?',
      'How well did the result match what the service standard promises?',
    ),
    labels: SESUAI,
    regulationNumber: 5,
    questionnaireNumber: 5,
  },
  {
    code: 'kompetensi',
    name: bi('Kompetensi pelaksana', 'Staff competence'),
    question: bi(
      'Bagaimana pendapat Anda tentang kemampuan petugas dalam memberikan pelayanan?',
      'How competent were the staff who served you?',
    ),
    labels: labels(
      bi('Tidak kompeten', 'Not competent'),
      bi('Kurang kompeten', 'Somewhat competent'),
      bi('Kompeten', 'Competent'),
      bi('Sangat kompeten', 'Very competent'),
    ),
    regulationNumber: 6,
    questionnaireNumber: 6,
  },
  {
    code: 'perilaku',
    name: bi('Perilaku pelaksana', 'Staff conduct'),
    question: bi(
      'Bagaimana pendapat Anda tentang kesopanan dan keramahan petugas?',
      'How polite and friendly were the staff?',
    ),
    labels: labels(
      bi('Tidak sopan dan ramah', 'Not polite or friendly'),
      bi('Kurang sopan dan ramah', 'Somewhat polite and friendly'),
      bi('Sopan dan ramah', 'Polite and friendly'),
      bi('Sangat sopan dan ramah', 'Very polite and friendly'),
    ),
    regulationNumber: 7,
    questionnaireNumber: 7,
  },
  {
    code: 'pengaduan',
    name: bi('Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
    question: bi(
      'Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?',
      'How are complaints from service users handled?',
    ),
    labels: labels(
      bi('Tidak ada', 'None'),
      bi('Ada tetapi tidak berfungsi', 'Exists but does not work'),
      bi('Berfungsi kurang maksimal', 'Works, but not fully'),
      bi('Dikelola dengan baik', 'Well managed'),
    ),
    regulationNumber: 8,
    questionnaireNumber: 9,
  },
  {
    code: 'sarana',
    name: bi('Sarana dan prasarana', 'Facilities and infrastructure'),
    question: bi(
      'Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?',
      'How good are the facilities and infrastructure?',
    ),
    labels: labels(
      bi('Buruk', 'Poor'),
      bi('Cukup', 'Fair'),
      bi('Baik', 'Good'),
      bi('Sangat baik', 'Very good'),
    ),
    regulationNumber: 9,
    questionnaireNumber: 8,
  },
];

/** Version tag of the questionnaire of PermenPANRB 14/2017. */
export const SKM_2017_VERSION = 'permenpanrb-14-2017';

/** The questionnaire of PermenPANRB 14/2017 with no extra questions. */
export const SKM_2017: Questionnaire = Object.freeze({
  version: SKM_2017_VERSION,
  unsur: UNSUR_2017,
  profile: PROFILE_FIELDS,
  saran: bi(
    'Saran dan masukan untuk perbaikan pelayanan (opsional)',
    'Suggestions to improve the service (optional)',
  ),
  extraQuestions: [],
});

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;
const RESERVED = new Set<string>([
  ...UNSUR_CODES,
  ...PROFILE_FIELDS,
  'saran',
  'service',
  'agency',
  'mpp',
  'date',
  'questionnaire',
]);

/**
 * A unit's own questionnaire: the nine unsur of `base` plus extra questions, under a new
 * version tag. The version must differ from the base so responses stay tied to the exact
 * form they answered.
 *
 * @throws {RangeError} on a reused version, a bad or duplicate question id, or a choice question without options.
 */
export function defineQuestionnaire(options: {
  version: string;
  extraQuestions: readonly ExtraQuestion[];
  base?: Questionnaire;
}): Questionnaire {
  const base = options.base ?? SKM_2017;
  if (options.version.trim() === '' || options.version === base.version) {
    throw new RangeError(
      `version harus baru dan tidak kosong / version must be new and non-empty (got "${options.version}")`,
    );
  }
  const seen = new Set<string>(base.extraQuestions.map((q) => q.id));
  for (const q of options.extraQuestions) {
    if (!ID_PATTERN.test(q.id) || RESERVED.has(q.id) || seen.has(q.id)) {
      throw new RangeError(
        `id pertanyaan tambahan tidak sah atau ganda: "${q.id}" / extra question id is invalid or duplicated: "${q.id}"`,
      );
    }
    if (q.kind === 'choice' && (q.options === undefined || q.options.length === 0)) {
      throw new RangeError(
        `pertanyaan pilihan "${q.id}" perlu options / choice question "${q.id}" needs options`,
      );
    }
    seen.add(q.id);
  }
  return Object.freeze({
    ...base,
    version: options.version,
    extraQuestions: [...base.extraQuestions, ...options.extraQuestions],
  });
}

/** The definition of one unsur in a questionnaire. */
export function unsurDefinition(q: Questionnaire, code: UnsurCode): UnsurDefinition {
  const def = q.unsur.find((u) => u.code === code);
  if (def === undefined) throw new RangeError(`unknown unsur ${code}`);
  return def;
}
