// The project a region owns is a thin shell over @mpp-kit/app: few files, few lines, and a
// Dockerfile whose commands are the project's own scripts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MONOREPO_ROOT, runCli, SURABAYA, tempDir } from './helpers.js';

/** What the region owns and maintains: at most this many files and non-blank lines. */
const TARGET = { files: 15, lines: 200 };
/**
 * Not counted: the infrastructure program (a separate program, `infra/`), the configuration the
 * answers generate (`mpp.config.yaml`) and the README (prose). Everything else create-mpp writes
 * is counted, dotfiles included; `package-lock.json` does not exist until `npm install`.
 */
const NOT_COUNTED = (file: string) =>
  file.startsWith('infra/') || file === 'mpp.config.yaml' || file === 'README.md';

let project: string;
const read = (file: string) => readFileSync(join(project, file), 'utf8');

beforeAll(async () => {
  const cwd = tempDir();
  const result = await runCli(['mpp-kecil', ...SURABAYA], cwd);
  expect(result.stderr).toBe('');
  project = join(cwd, 'mpp-kecil');
});

describe('the project a region owns', () => {
  it(`is at most ${TARGET.files} files and ${TARGET.lines} lines of code`, () => {
    const owned = listFiles(project).filter((file) => !NOT_COUNTED(file));
    const lines = owned.map((file) => ({
      file,
      lines: read(file)
        .split('\n')
        .filter((line) => line.trim() !== '').length,
    }));
    const total = lines.reduce((sum, f) => sum + f.lines, 0);
    console.log(
      `region-owned project: ${owned.length} files, ${total} non-blank lines ` +
        `(target ≤ ${TARGET.files} files, ≤ ${TARGET.lines} lines; not counted: infra/, ` +
        `mpp.config.yaml, README.md)\n${lines.map((f) => `  ${String(f.lines).padStart(4)}  ${f.file}`).join('\n')}`,
    );
    expect(owned.length).toBeLessThanOrEqual(TARGET.files);
    expect(total).toBeLessThanOrEqual(TARGET.lines);
  });

  it('depends on @mpp-kit/app and astro by published range, and on nothing of the app itself', () => {
    const manifest = JSON.parse(read('package.json'));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@mpp-kit/app', 'astro']);
    const app = JSON.parse(readFileSync(join(MONOREPO_ROOT, 'packages/app/package.json'), 'utf8'));
    expect(manifest.dependencies['@mpp-kit/app']).toBe(`^${app.version}`);
    expect(manifest.dependencies.astro).toBe(app.peerDependencies.astro);
    expect(listFiles(project).filter((f) => /^(src\/(pages|routes)|migrations)\//.test(f))).toEqual(
      [],
    );
  });

  it('keeps its HomeIntro override and the test of it', () => {
    expect(read('astro.config.mjs')).toContain("HomeIntro: './src/overrides/HomeIntro.astro'");
    expect(read('test/home-intro.test.ts')).toContain('../src/overrides/HomeIntro.astro');
  });
});

describe('the Dockerfile', () => {
  const instructions = () =>
    read('Dockerfile')
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => /^[A-Z]+ /.test(line));
  const scripts = () => JSON.parse(read('package.json')).scripts as Record<string, string>;

  it('installs from the lockfile and builds with the project’s own build script', () => {
    const runs = instructions()
      .filter((line) => line.startsWith('RUN '))
      .map((line) => line.slice(4));
    expect(runs).toContain('npm ci');
    const copied = instructions().find((line) => line.includes('package-lock.json'));
    expect(copied, 'package-lock.json is copied before npm ci').toMatch(/^COPY /);
    const npmRuns = runs.flatMap((r) => [...r.matchAll(/npm run (\S+)/g)].map((m) => m[1]));
    expect(npmRuns).toEqual(['build']);
    for (const script of npmRuns) expect(scripts()).toHaveProperty(script ?? '');
    expect(read('.gitignore')).not.toMatch(/package-lock/);
  });

  it('starts the app as the start script does, with the mpp-app command of @mpp-kit/app', () => {
    const cmd = instructions().find((line) => line.startsWith('CMD '));
    const command = JSON.parse(cmd?.slice(4) ?? '[]') as string[];
    expect(command.join(' ')).toBe(scripts().start);
    const app = JSON.parse(readFileSync(join(MONOREPO_ROOT, 'packages/app/package.json'), 'utf8'));
    expect(Object.keys(app.bin)).toContain(command[0]);
    // the command is found without npx: the runtime stage puts the project's binaries on PATH
    expect(read('Dockerfile')).toMatch(/PATH=\/app\/node_modules\/\.bin:\$PATH/);
    expect(read('Dockerfile')).toContain(`\`${scripts().migrate}\``);
  });

  it('listens where it says and leaves out what is built inside or not needed', () => {
    const port = /PORT=(\d+)/.exec(read('Dockerfile'))?.[1];
    expect(instructions()).toContain(`EXPOSE ${port}`);
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', 'infra']) expect(ignored).toContain(entry);
  });
});

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(root, join(dir, entry.name))
        : [join(dir, entry.name).slice(root.length + 1)],
    )
    .sort();
}
