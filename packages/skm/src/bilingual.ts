/** A text in Bahasa Indonesia (`id`, the default) and English (`en`). */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

/** Shorthand for a {@link Bilingual} text. */
export function bi(id: string, en: string): Bilingual {
  return { id, en };
}
