const BRAND = Symbol.for('mpp-kit.template.AppError');

/**
 * A refusal the API reports as 4xx with a message in both languages. Recognised by a global
 * symbol, not `instanceof`: the server bundle and the Astro bundle each hold a copy of this class.
 */
export class AppError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 423 | 429,
    readonly code: string,
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

export const notFound = (what: string) =>
  new AppError(404, 'not_found', `${what} tidak ditemukan`, `${what} not found`);
export const forbidden = () =>
  new AppError(
    403,
    'forbidden',
    'Anda tidak berwenang untuk tindakan ini',
    'You are not allowed to do this',
  );

export function isAppError(error: unknown): error is AppError {
  return typeof error === 'object' && error !== null && BRAND in error;
}
