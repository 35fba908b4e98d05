import { z } from 'zod';

/**
 * A string that holds at least one non-blank character. A pattern rather than `.trim()` keeps
 * the zod schema and the generated JSON Schema in exact agreement (JSON Schema cannot trim).
 */
export function nonBlank(message = 'wajib diisi / is required') {
  return z.string().regex(/\S/, { error: message });
}

/** Text in Bahasa Indonesia (required) and English (optional), used everywhere text is shown. */
export const BilingualTextSchema = z
  .strictObject({
    id: nonBlank('teks Bahasa Indonesia wajib diisi / Indonesian text is required'),
    en: nonBlank('teks Inggris tidak boleh kosong / English text must not be blank').optional(),
  })
  .meta({
    title: 'BilingualText',
    description: 'Text in Bahasa Indonesia (`id`, required) and English (`en`, optional).',
  });

/** Text in Bahasa Indonesia (required) and English (optional). */
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** The text in the requested language, falling back to Bahasa Indonesia when no English is given. */
export function localize(text: BilingualText, locale: 'id' | 'en'): string {
  return locale === 'en' && text.en !== undefined ? text.en : text.id;
}
