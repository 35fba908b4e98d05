import type { z } from 'zod';
import { AppError } from '../errors.js';

/** One refused field: its path (`a.b.0`, or `(body)` for the whole body) and why. */
export interface InputIssue {
  path: string;
  message: string;
}

/** Bad input: a 400 whose message and `issues` name each field refused. */
export class InvalidInput extends AppError {
  constructor(readonly issues: InputIssue[]) {
    super(
      400,
      'invalid_input',
      `Masukan tidak valid: ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`,
      `Invalid input: ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`,
    );
  }
}

/** A form post from a page (answered with a redirect) rather than a JSON API call. */
export function isFormPost(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return (
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
  );
}

/** How deep a JSON body may nest; our widest schema nests three levels. */
export const MAX_JSON_DEPTH = 16;

/** A file sent in a multipart form field the route declares. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Which multipart fields carry files, and their limits (checked before a file is read). */
export interface FileFields {
  field: string;
  maxFiles: number;
  maxBytes: number;
}

const whole = (path: readonly (string | number)[]) => path.join('.') || '(body)';

/**
 * The fields of a request body before validation: a form (urlencoded or multipart; empty fields
 * and the CSRF field dropped, files only from the declared field) or JSON. Refuses unreadable
 * bodies, JSON nested deeper than {@link MAX_JSON_DEPTH} and NUL characters (PostgreSQL text
 * cannot hold them), each with the field's name.
 */
export async function readRawBody(
  request: Request,
  files?: FileFields,
): Promise<{ fields: unknown; files: UploadedFile[] }> {
  if (isFormPost(request)) {
    if (files) {
      // a generous ceiling for the whole body; each file is checked again when read
      const limit = files.maxFiles * files.maxBytes + 100_000;
      if (Number(request.headers.get('content-length') ?? 0) > limit)
        throw new AppError(400, 'too_large', 'Kiriman terlalu besar', 'The upload is too large');
    }
    const form = await request.formData().catch(() => undefined);
    if (!form)
      throw new InvalidInput([
        { path: '(body)', message: 'formulir tidak terbaca / unreadable form' },
      ]);
    const fields: Record<string, string> = {};
    const uploaded: UploadedFile[] = [];
    for (const [key, value] of form) {
      if (key === '_csrf') continue;
      if (typeof value === 'string') {
        if (value !== '') fields[key] = value;
      } else if (files && key === files.field && value.size > 0) {
        if (value.size > files.maxBytes) {
          const mb = Math.round(files.maxBytes / 1_000_000);
          throw new AppError(
            400,
            'file_size',
            `Lampiran "${value.name.slice(0, 80)}" lebih dari ${mb} MB`,
            `Attachment "${value.name.slice(0, 80)}" is over ${mb} MB`,
          );
        }
        uploaded.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
    }
    refuseNulAndDepth(fields);
    return { fields, files: uploaded };
  }
  const type = request.headers.get('content-type') ?? '';
  if (type !== '' && !type.startsWith('application/json') && !type.startsWith('text/plain'))
    throw new InvalidInput([
      { path: '(body)', message: 'kirim JSON atau formulir / send JSON or a form' },
    ]);
  const text = await request.text();
  let fields: unknown;
  try {
    fields = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new InvalidInput([{ path: '(body)', message: 'JSON tidak valid / invalid JSON' }]);
  }
  refuseNulAndDepth(fields);
  return { fields, files: [] };
}

/**
 * Walks a parsed body without recursion (a deeply nested body cannot exhaust the stack) and
 * refuses the first NUL character, in a key or a value, and any nesting past the limit.
 */
export function refuseNulAndDepth(body: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        throw new InvalidInput([
          {
            path: whole(path),
            message: 'karakter NUL tidak diizinkan / NUL character not allowed',
          },
        ]);
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= maxDepth)
        throw new InvalidInput([
          {
            path: whole(path),
            message: `bersarang lebih dari ${maxDepth} tingkat / nested deeper than ${maxDepth} levels`,
          },
        ]);
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.entries(value);
      for (const [key, inner] of entries) {
        if (typeof key === 'string' && key.includes('\u0000'))
          throw new InvalidInput([
            {
              path: whole(path),
              message: 'karakter NUL tidak diizinkan / NUL character not allowed',
            },
          ]);
        stack.push({ value: inner, path: [...path, key] });
      }
    }
  }
}

/** Validates input with a schema; every issue becomes one named field of a 400. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: string[] = [],
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInput(
    result.error.issues.map((i) => ({
      path: whole([...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]),
      message: i.message,
    })),
  );
}

/**
 * Reads a form or JSON body and validates it with `schema`: the one way the app reads a request
 * body. A form and the same JSON get the same 400 naming each field.
 */
export async function readBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  const { fields } = await readRawBody(request);
  return validate(schema, fields);
}
