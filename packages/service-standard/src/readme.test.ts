// Mirrors README.md: the TypeScript example one to one, and the YAML and diff examples read
// straight from the README.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli/run.js';
import {
  findStandard,
  formatDuration,
  formatIssue,
  type Layanan,
  parseCatalogue,
  parseCatalogueFile,
  type StandarPelayanan,
} from './index.js';
import { loadCatalogue, NATIONAL_CATALOGUE_DIR, nationalCatalogue } from './node.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (m) => m[1] as string,
  );

describe('README', () => {
  it('the example standard is valid', () => {
    const yaml = blocks('yaml')[0] as string;
    const result = parseCatalogue([{ text: yaml, fileName: 'README.yaml' }]);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    expect(result.data.layanan[0]?.standar.biaya).toMatchObject({ free: false });
  });

  it('the diff output is what mpp-standard diff prints', () => {
    const v1 = blocks('yaml')[0] as string;
    const v2 = v1
      .replace('version: "1.0.0"', 'version: "2.0.0"')
      .replace('amount: 50000', 'amount: 75000')
      .replace(
        'jangkaWaktu: { amount: 5, unit: working-days }',
        'jangkaWaktu: { amount: 3, unit: working-days }',
      );
    const dir = mkdtempSync(join(tmpdir(), 'readme-diff-'));
    try {
      writeFileSync(join(dir, 'gudang-1.0.0.yaml'), v1);
      writeFileSync(join(dir, 'gudang-2.0.0.yaml'), v2);
      let out = '';
      const code = run(['diff', join(dir, 'gudang-1.0.0.yaml'), join(dir, 'gudang-2.0.0.yaml')], {
        out: (t) => (out += t),
        err: (t) => (out += t),
      });
      expect(code).toBe(0);
      const expected = blocks('text').find((b) => b.startsWith('kota-contoh.tanda-daftar-gudang'));
      expect(out).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the developer example runs', async () => {
    // The national catalogue, validated, typed.
    const paspor: Layanan | undefined = findStandard(
      nationalCatalogue(),
      'imigrasi.paspor-baru@1.0.0',
    );
    const standar: StandarPelayanan | undefined = paspor?.standar;
    expect(formatDuration((standar as StandarPelayanan).jangkaWaktu, 'id')).toBe('4 hari kerja');

    // Your own files: typed data, or every error.
    const result = await loadCatalogue([NATIONAL_CATALOGUE_DIR]);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));

    // Text you already hold (an upload, a test).
    const one = parseCatalogueFile('layanan: []', 'upload.yaml');
    expect(one.ok).toBe(true);
  });
});
