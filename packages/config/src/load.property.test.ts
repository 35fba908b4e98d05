import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './index.js';

const example = readFileSync(new URL('../examples/mpp.config.yaml', import.meta.url), 'utf8');
const exampleLines = example.split('\n');

describe('parseConfig on arbitrary input', () => {
  it('never throws, and every error has a position inside the file', () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      // The example with a few lines dropped, duplicated or cut: near-valid documents.
      fc
        .array(fc.tuple(fc.nat(exampleLines.length - 1), fc.constantFrom('drop', 'dup', 'cut')), {
          minLength: 1,
          maxLength: 4,
        })
        .map((edits) => {
          const lines = [...exampleLines];
          for (const [i, kind] of edits) {
            const line = lines[i] ?? '';
            if (kind === 'drop') lines.splice(i, 1);
            else if (kind === 'dup') lines.splice(i, 0, line);
            else lines[i] = line.slice(0, Math.floor(line.length / 2));
          }
          return lines.join('\n');
        }),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        const result = parseConfig(text, 'mpp.config.yaml', { readFile: () => '' });
        if (result.ok) return;
        const lineCount = text.split('\n').length;
        for (const e of result.errors) {
          if (e.file !== 'mpp.config.yaml') continue;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lineCount);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.message.id.length).toBeGreaterThan(0);
          expect(e.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
