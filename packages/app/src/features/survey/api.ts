import { JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, UNSUR_CODES } from '@mpp-kit/skm';
import { z } from 'zod';
import { apiRoute } from '../api-route.js';
import { readSurveyForm } from './survey-form.js';

/** The SKM survey: one anonymous answer per served ticket. */

// a form sends every answer as text, JSON as a number: both are accepted
const answer = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.enum(['1', '2', '3', '4'])],
  {
    error: (issue) =>
      issue.input === undefined
        ? 'pilih salah satu jawaban / choose one answer'
        : 'jawaban harus 1–4 / answer must be 1–4',
  },
);

/**
 * The questionnaire's fields (`u_<unsur>` 1–4 for each of the nine unsur, and the optional
 * respondent profile), then @mpp-kit/skm's own validation of the whole response, which also
 * packs it in the stored shape.
 */
export const surveyBodySchema = z
  .object({
    ...(Object.fromEntries(UNSUR_CODES.map((code) => [`u_${code}`, answer])) as Record<
      `u_${(typeof UNSUR_CODES)[number]}`,
      typeof answer
    >),
    jenisKelamin: z.enum(JENIS_KELAMIN).optional(),
    usia: z.union([z.int().min(10).max(120), z.string().regex(/^\d{1,3}$/)]).optional(),
    pendidikan: z.enum(PENDIDIKAN).optional(),
    pekerjaan: z.enum(PEKERJAAN).optional(),
    saran: z.string().max(1000).optional(),
  })
  .transform((fields, ctx) => {
    const read = readSurveyForm(fields);
    if (read.ok) return read.value;
    for (const issue of read.issues)
      ctx.addIssue({
        code: 'custom',
        path: issue.path === '(form)' ? [] : issue.path.split('.'),
        message: issue.message,
      });
    return z.NEVER;
  });

export const SURVEY_API = {
  answer: apiRoute({
    method: 'POST',
    path: '/api/survey/{code}',
    summary: 'Answers the SKM survey of a served ticket, once (anonymous)',
    access: 'public',
    params: z.object({ code: z.string().max(200).describe('the ticket code from its link or QR') }),
    query: { layar: '`tablet` when posted from the exit tablet (its own thank-you page)' },
    body: surveyBodySchema,
    forms: true,
    status: 201,
    errors: [400, 404, 409],
  }),
};
