import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MppConfigSchema, mppConfigJsonSchema } from './index.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// Formats are checked through the patterns zod also writes (see decision 0011).
const ajv = new Ajv2020({ strict: true, validateFormats: false });
const validate = ajv.compile(mppConfigJsonSchema());
const example = parse(
  readFileSync(new URL('../examples/mpp.config.yaml', import.meta.url), 'utf8'),
) as Json;

function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

const allPaths = paths(example);

function mutate(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(doc);
  let parent = copy as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

const edge: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    '',
    'x',
    'Asia/Jakarta',
    'Asia/Singapore',
    '35.78',
    '3578',
    '08:00',
    '24:00',
    '#0b4f8a',
    '#fff',
    'ap-southeast-3',
    'mars-1',
    'ops@kota.go.id',
    'ops@',
    'mpp.kota.go.id',
    'A',
    'AAA',
    'a',
    'imigrasi.paspor-baru@1.0.0',
    'imigrasi.paspor-baru',
    'krejcie-morgan',
    0,
    1,
    36,
    -1,
    2.5,
    true,
    null,
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
);

describe('mpp.config.yaml JSON Schema and zod', () => {
  it('reach the same verdict on mutated configurations', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(allPaths.length - 1), fc.option(edge, { nil: undefined })), {
          maxLength: 2,
        }),
        (edits) => {
          let doc = example;
          for (const [i, value] of edits) {
            const p = allPaths[i] as (string | number)[];
            // Paths of the original document may be gone after an earlier edit.
            if (paths(doc).some((q) => q.join('\u0000') === p.join('\u0000')))
              doc = mutate(doc, p, value);
          }
          const byZod = MppConfigSchema.safeParse(doc).success;
          if (byZod) valid++;
          else invalid++;
          expect(validate(doc), ajv.errorsText(validate.errors)).toBe(byZod);
        },
      ),
      { numRuns: 400 },
    );
    expect(valid).toBeGreaterThan(20);
    expect(invalid).toBeGreaterThan(20);
  }, 120_000);
});
