import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const dir = join(import.meta.dirname, '.readme');

describe('README examples', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('has examples', () => {
    if (blocks.length === 0) throw new Error('README has no ts blocks');
  });
  for (const [i, code] of blocks.entries()) {
    it(`block ${i + 1} runs`, async () => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `example-${i + 1}.generated.ts`);
      writeFileSync(file, code.replaceAll("from '@mpp-kit/queue'", "from '../../src/index.js'"));
      await import(file);
    });
  }
});
