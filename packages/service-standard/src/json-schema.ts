import { z } from 'zod';
import { CatalogueFileSchema } from './schemas/catalogue.js';
import { LayananSchema } from './schemas/layanan.js';
import { StandarPelayananSchema } from './schemas/standar-pelayanan.js';

/**
 * JSON Schema (draft 2020-12) of a zod schema, describing documents as written (`io: 'input'`:
 * fields with defaults are optional). Every rule is a type, `enum`, `pattern` or bound, so any
 * JSON Schema validator reaches the same verdict as zod; cross-field rules are checked by the
 * loaders, not the schema.
 */
export function toJsonSchema(schema: z.ZodType, title?: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return title === undefined ? json : { ...json, title };
}

/** The JSON Schemas shipped in `dist/schema/`, by file name. */
export function jsonSchemaFiles(): Record<string, Record<string, unknown>> {
  return {
    'catalogue-file.schema.json': toJsonSchema(CatalogueFileSchema, 'MPP Kit catalogue file'),
    'layanan.schema.json': toJsonSchema(LayananSchema, 'Layanan'),
    'standar-pelayanan.schema.json': toJsonSchema(StandarPelayananSchema, 'StandarPelayanan'),
  };
}
