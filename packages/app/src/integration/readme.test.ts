// Keeps README.md true: each example marked `<!-- example: <file> -->` is that file of the test
// project that test/extension-points.test.ts builds and serves, and the README's tables list
// exactly the overrides, commands and environment variables the code has.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OVERRIDES } from './overrides.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(packageDir, file), 'utf8');
const readme = read('README.md');

const examples = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map(
  ([, file, code]) => ({ file: file as string, code: code as string }),
);

/** The first column of the README table whose header row starts with `| <header> |`. */
function tableColumn(header: string): string[] {
  const table = new RegExp(`\\| ${header} +\\|.*\\n\\|[- |]+\\|\\n((?:\\|.*\\n)+)`).exec(
    readme,
  )?.[1];
  expect(table, `the README table "${header}"`).toBeDefined();
  return (table as string)
    .trim()
    .split('\n')
    .map((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? '');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.(ts|tsx|astro)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('README', () => {
  it('shows an example of each extension point, each a file of the tested project', () => {
    expect(examples.map((e) => path.basename(e.file))).toEqual([
      'astro.config.mjs',
      'Header.astro',
      'announcement.ts',
      'TicketPrint.astro',
      'denah.astro',
      '0001_building_floor.sql',
    ]);
    for (const { file, code } of examples) expect(code, file).toBe(read(file));
  });

  it('lists every override, whose example config uses each one with its contract', () => {
    expect(tableColumn('name')).toEqual(Object.keys(OVERRIDES));
    const config = examples.find((e) => e.file.endsWith('astro.config.mjs'))?.code ?? '';
    for (const name of Object.keys(OVERRIDES)) expect(config).toMatch(new RegExp(`\\b${name}: '`));
    const contracts = read('src/overridable/contracts.ts');
    for (const row of readme.matchAll(/^\| `\w+` +\| .* \| `(\w+)` +\|$/gm))
      expect(contracts).toContain(`export interface ${row[1]} `);
  });

  it('gives the smallest astro.config.mjs as the one the default test project uses', () => {
    const smallest = /```js\n(import mpp[\s\S]*?)```/.exec(readme)?.[1];
    const code = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('//'))
        .join('\n');
    expect(code(smallest ?? '')).toBe(code(read('test/project/astro.config.mjs')));
  });

  it('documents the commands of mpp-app', () => {
    const commands = /const COMMANDS = \[([^\]]*)\]/.exec(read('src/server/cli.ts'))?.[1];
    expect(tableColumn('command')).toEqual(
      (commands ?? '').split(',').map((c) => `mpp-app ${c.trim().replaceAll("'", '')}`),
    );
  });

  it('documents exactly the environment variables the app reads', () => {
    const used = new Set<string>();
    for (const file of sources(path.join(packageDir, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\bdays\('([A-Z][A-Z0-9_]+)'/g))
        used.add((m[1] ?? m[2]) as string);
    }
    expect(new Set(tableColumn('variable'))).toEqual(used);
  });
});
