import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CatalogueFileSchema, jsonSchemaFiles } from './index.js';
import { collectYamlFiles, NATIONAL_CATALOGUE_DIR } from './node.js';

// Formats are left to the patterns that zod also writes into the schema, so both sides check
// the same rule; a format-aware validator would add its own (different) opinion of e-mails.
const ajv = new Ajv2020({ strict: true, allErrors: false, validateFormats: false });
const validate = ajv.compile(jsonSchemaFiles()['catalogue-file.schema.json'] as object);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// Small valid documents: the agency list, and each national service in a file of its own.
const seeds: Json[] = collectYamlFiles([NATIONAL_CATALOGUE_DIR]).files.flatMap((f) => {
  const doc = parse(readFileSync(f, 'utf8')) as { penyelenggara?: Json[]; layanan?: Json[] };
  return [
    ...(doc.penyelenggara ? [{ penyelenggara: doc.penyelenggara.slice(0, 3) }] : []),
    ...(doc.layanan ?? []).map((l) => ({ layanan: [l] })),
  ];
});

/** Every path to a value inside a document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation =
  | { kind: 'delete' }
  | { kind: 'set'; value: Json }
  | { kind: 'add-key'; key: string; value: Json };

function mutate(doc: Json, path: (string | number)[], m: Mutation): Json {
  const copy = structuredClone(doc);
  if (path.length === 0) return m.kind === 'set' ? m.value : copy;
  let parent: Json = copy;
  for (const seg of path.slice(0, -1))
    parent = (parent as Record<string | number, Json>)[seg] as Json;
  const last = path[path.length - 1] as string | number;
  const target = parent as Record<string | number, Json>;
  if (m.kind === 'delete') {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete target[last];
  } else if (m.kind === 'set') {
    target[last] = m.value;
  } else {
    const node = target[last];
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) node[m.key] = m.value;
  }
  return copy;
}

// Values that are near the edge of the rules: plausible strings, codes, versions, dates, numbers.
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    '',
    ' ',
    'x',
    'Paspor',
    'dukcapil.ktp-el',
    'Bad Code',
    '1.0.0',
    '1.0',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    'https://example.go.id/a',
    'ftp://example.go.id',
    'ops@kota.go.id',
    'not-an-email',
    'working-days',
    'weeks',
    'kementerian',
    'original',
    'sp4n-lapor',
    true,
    false,
    null,
    0,
    1,
    -1,
    1.5,
    1945,
    1944,
    2101,
    100000,
    1e12,
    1e13,
    [],
    {},
    [{ id: 'x' }],
    { id: 'x' },
    { id: ' ' },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  edgeValue.map((value): Mutation => ({ kind: 'set', value })),
  fc
    .tuple(fc.constantFrom('bogus', 'en', 'id', 'note', 'optional', 'formula'), edgeValue)
    .map(([key, value]): Mutation => ({ kind: 'add-key', key, value })),
);

const mutatedDocument = fc
  .record({
    seed: fc.nat(),
    pick: fc.nat(),
    mutations: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 0, maxLength: 3 }),
  })
  .map(({ seed, mutations }) => {
    let doc = seeds[seed % seeds.length] as Json;
    for (const [pick, m] of mutations) {
      const all = paths(doc);
      doc = mutate(doc, all[pick % all.length] as (string | number)[], m);
    }
    return doc;
  });

describe('generated JSON Schema', () => {
  it('agrees with zod on valid and invalid catalogue documents', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 4, arbitrary: mutatedDocument },
          { weight: 1, arbitrary: fc.jsonValue() as fc.Arbitrary<Json> },
        ),
        (doc) => {
          const byZod = CatalogueFileSchema.safeParse(doc).success;
          const byAjv = validate(doc);
          if (byZod) valid++;
          else invalid++;
          expect(byAjv, JSON.stringify(ajv.errorsText(validate.errors))).toBe(byZod);
        },
      ),
      { numRuns: 1000 },
    );
    // Both verdicts must be exercised for the agreement to mean anything.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(50);
  }, 120_000);
});
