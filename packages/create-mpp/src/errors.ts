/**
 * An error the user can act on, worded in Bahasa Indonesia and English. `field` names the
 * flag or answer at fault so that scripts can tell errors apart.
 */
export class CreateMppError extends Error {
  /** Stable machine-readable code, e.g. `invalid-answer` or `target-not-empty`. */
  readonly code: string;
  /** The answer or flag at fault, when there is one. */
  readonly field: string | undefined;
  /** The message in Bahasa Indonesia. */
  readonly id: string;
  /** The message in English. */
  readonly en: string;

  constructor(code: string, message: { id: string; en: string }, field?: string) {
    super(`${message.id} / ${message.en}`);
    this.name = 'CreateMppError';
    this.code = code;
    this.field = field;
    this.id = message.id;
    this.en = message.en;
  }
}

/** An answer or flag value that fails validation. */
export function invalidAnswer(field: string, id: string, en: string): CreateMppError {
  return new CreateMppError(
    'invalid-answer',
    { id: `${field}: ${id}`, en: `${field}: ${en}` },
    field,
  );
}
