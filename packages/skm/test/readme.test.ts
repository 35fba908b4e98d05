// Runs every ```ts block of README.md, with `@mpp-kit/skm` pointing at the source. The blocks
// assert their own results, so a wrong example fails this test.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = join(root, 'test', '.readme-blocks');
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('block %i runs', async (i, code) => {
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, code.replaceAll("from '@mpp-kit/skm'", "from '../../src/index.js'"));
    await import(file);
  });
});
