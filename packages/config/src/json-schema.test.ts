import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MppConfigSchema, mppConfigJsonSchema } from './index.js';

const ajv = new Ajv2020({ strict: true, validateFormats: false });
const validate = ajv.compile(mppConfigJsonSchema());
const example = parse(
  readFileSync(new URL('../examples/mpp.config.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('mpp.config.yaml JSON Schema', () => {
  it('accepts the example, as zod does', () => {
    expect(validate(example), ajv.errorsText(validate.errors)).toBe(true);
    expect(MppConfigSchema.safeParse(example).success).toBe(true);
  });

  it('rejects what zod rejects', () => {
    const broken = [
      { ...example, timezone: 'Asia/Singapore' },
      { ...example, version: 2 },
      { ...example, extra: true },
      { ...example, loket: [] },
      { ...example, deployment: { environment: 'production' } },
    ];
    for (const doc of broken) {
      expect(MppConfigSchema.safeParse(doc).success).toBe(false);
      expect(validate(doc)).toBe(false);
    }
  });
});
