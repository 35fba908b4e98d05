import { z } from 'zod';
import { JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, type RespondentProfile } from './profile.js';
import { type ExtraQuestion, type Questionnaire, SKM_2017 } from './questionnaire.js';
import { UNSUR_CODES, type UnsurCode } from './unsur.js';

/** An answer to one unsur: 1 (worst) to 4 (best). */
export type Answer = 1 | 2 | 3 | 4;

/** One validated survey response. */
export interface SkmResponse {
  /** Version of the questionnaire answered; defaults to the 2017 questionnaire. */
  questionnaire: string;
  /** Answers by unsur code; a missing or `null` entry is an unanswered unsur. */
  answers: Partial<Record<UnsurCode, Answer | null>>;
  /** Service (*jenis layanan*) the respondent used. */
  service?: string;
  /** Agency (*instansi*) that delivered the service. */
  agency?: string;
  /** The MPP (public service mall). */
  mpp?: string;
  /** Day of the response, `YYYY-MM-DD`. */
  date?: string;
  profile?: RespondentProfile;
  /** Free-text suggestion (*saran*). */
  saran?: string;
  /** Answers to the unit's extra questions; never part of the IKM. */
  extra?: Record<string, string | number>;
}

/** One problem found in an input, located by path (field names / array indexes). */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Thrown when input does not match the schema; `issues` lists every problem found. */
export class SkmValidationError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(
      `Respons SKM tidak sah / invalid SKM response:\n${issues
        .map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'SkmValidationError';
  }
}

/** Message for an answer outside 1–4; shared with the CSV reader so both say the same. */
export const ANSWER_MESSAGE =
  'jawaban harus bilangan bulat 1–4 atau kosong / answer must be a whole number 1–4 or empty';

const answer = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], {
  error: ANSWER_MESSAGE,
});

const text = (max: number) =>
  z
    .string({ error: 'harus teks / must be text' })
    .max(max, { error: `paling banyak ${max} karakter / at most ${max} characters` });

const name = text(200).regex(/\S/, { error: 'tidak boleh kosong / must not be empty' });

const enumOf = (values: readonly string[]) =>
  z.enum(values as [string, ...string[]], {
    error: `harus salah satu dari ${values.join(', ')} / must be one of ${values.join(', ')}`,
  });

export const profileSchema = z.strictObject(
  {
    jenisKelamin: enumOf(JENIS_KELAMIN).optional(),
    usia: z
      .int({ error: 'usia harus bilangan bulat / age must be a whole number' })
      .min(10, { error: 'usia minimal 10 tahun / age must be at least 10' })
      .max(120, { error: 'usia maksimal 120 tahun / age must be at most 120' })
      .optional(),
    pendidikan: enumOf(PENDIDIKAN).optional(),
    pekerjaan: enumOf(PEKERJAAN).optional(),
  },
  { error: unknownKeyMessage },
);

function unknownKeyMessage(issue: { code?: string; keys?: readonly string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue.keys ?? []).join(', ');
    return `kolom/kode tidak dikenal: ${keys} / unknown field or code: ${keys}`;
  }
  return 'harus objek / must be an object';
}

function extraSchema(questions: readonly ExtraQuestion[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions) {
    shape[q.id] = (
      q.kind === 'scale'
        ? z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
            error: ANSWER_MESSAGE,
          })
        : q.kind === 'choice'
          ? enumOf(q.options ?? [])
          : text(1000)
    ).optional();
  }
  return z.strictObject(shape, { error: unknownKeyMessage });
}

const answersShape = Object.fromEntries(UNSUR_CODES.map((c) => [c, answer.optional()])) as Record<
  UnsurCode,
  z.ZodOptional<typeof answer>
>;

const schemaCache = new WeakMap<Questionnaire, z.ZodType<SkmResponse>>();

/** The zod schema of a response to `questionnaire` (the 2017 questionnaire by default). */
export function responseSchema(questionnaire: Questionnaire = SKM_2017): z.ZodType<SkmResponse> {
  const cached = schemaCache.get(questionnaire);
  if (cached) return cached;
  const schema = z
    .strictObject(
      {
        questionnaire: z
          .literal(questionnaire.version, {
            error: `versi kuesioner harus "${questionnaire.version}" / questionnaire version must be "${questionnaire.version}"`,
          })
          .default(questionnaire.version),
        answers: z.strictObject(answersShape, { error: unknownKeyMessage }),
        service: name.optional(),
        agency: name.optional(),
        mpp: name.optional(),
        date: z.iso
          .date({ error: 'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD' })
          .optional(),
        profile: profileSchema.optional(),
        saran: text(2000).optional(),
        extra: extraSchema(questionnaire.extraQuestions).optional(),
      },
      { error: unknownKeyMessage },
    )
    .transform((r) => r as SkmResponse);
  schemaCache.set(questionnaire, schema as z.ZodType<SkmResponse>);
  return schema as z.ZodType<SkmResponse>;
}

/** Issues of a zod error in the package's form. */
export function toIssues(
  error: z.ZodError,
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

/**
 * Validates one response against `questionnaire`.
 *
 * @throws {SkmValidationError} listing every problem (unknown codes, answers outside 1–4, a
 *   response made on another questionnaire version, …).
 */
export function parseResponse(
  input: unknown,
  questionnaire: Questionnaire = SKM_2017,
): SkmResponse {
  const result = responseSchema(questionnaire).safeParse(input);
  if (!result.success) throw new SkmValidationError(toIssues(result.error));
  return result.data;
}

/** Validates many responses; issues are located by array index first. */
export function parseResponses(
  input: unknown,
  questionnaire: Questionnaire = SKM_2017,
): SkmResponse[] {
  if (!Array.isArray(input)) {
    throw new SkmValidationError([{ path: [], message: 'harus array / must be an array' }]);
  }
  const schema = responseSchema(questionnaire);
  const out: SkmResponse[] = [];
  const issues: ValidationIssue[] = [];
  input.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else issues.push(...toIssues(r.error, [index]));
  });
  if (issues.length > 0) throw new SkmValidationError(issues);
  return out;
}
