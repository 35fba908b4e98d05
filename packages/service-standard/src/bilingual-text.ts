import { z } from 'zod';

/** Text in Bahasa Indonesia (required) and English (optional), used everywhere text is shown. */
export const BilingualTextSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, { error: 'teks Bahasa Indonesia wajib diisi / Indonesian text is required' }),
  en: z.string().trim().min(1).optional(),
});

export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** The text in the requested language, falling back to Bahasa Indonesia when no English is given. */
export function localize(text: BilingualText, locale: 'id' | 'en'): string {
  return locale === 'en' && text.en !== undefined ? text.en : text.id;
}
