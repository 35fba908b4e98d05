import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@mpp-kit/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, formatLeaks, templateSourceOf } from '../src/index.js';
import { MONOREPO_ROOT, runCli, SURABAYA, tempDir } from './helpers.js';

describe('create-mpp writes a standalone project', () => {
  let cwd: string;
  let project: string;
  let stdout: string;

  beforeAll(async () => {
    cwd = tempDir();
    project = join(cwd, 'mpp-surabaya');
    const result = await runCli(['mpp-surabaya', ...SURABAYA, '--profile', 'medium'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    stdout = result.stdout;
  });

  it('reports its progress and the next steps', () => {
    expect(stdout).toContain('• Menyalin templat / copying the template');
    expect(stdout).toMatch(/✔ \d+ berkas ditulis di \/ files written to /);
    expect(stdout).toContain('cd mpp-surabaya');
  });

  it('has no workspace: range and no path back into the monorepo', () => {
    const leaks = findLeaks(project, {
      monorepoRoot: MONOREPO_ROOT,
      sourceOf: templateSourceOf(MONOREPO_ROOT),
    });
    expect(formatLeaks(leaks)).toBe('');
    const manifest = readFileSync(join(project, 'package.json'), 'utf8');
    expect(manifest).not.toContain('workspace:');
    expect(manifest).not.toContain('link:');
    expect(manifest).not.toContain('file:');
  });

  it('writes an mpp.config.yaml that @mpp-kit/config accepts, from the answers', async () => {
    const loaded = await loadConfig(join(project, 'mpp.config.yaml'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors, null, 2));
    const { config, services } = loaded.data;
    expect(config.identity).toMatchObject({
      regionCode: '35.78',
      province: 'Jawa Timur',
      regency: 'Kota Surabaya',
      name: { id: 'MPP Kota Surabaya' },
    });
    expect(config.timezone).toBe('Asia/Jakarta');
    expect(config.deployment).toMatchObject({
      size: 'medium',
      alarmEmail: 'ops@surabaya.go.id',
      domain: 'mpp.surabaya.go.id',
    });
    expect(services.length).toBeGreaterThan(0);
    expect(new Set(services.map((s) => s.ticketPrefix)).size).toBe(services.length);
  });

  it('names the packages after the folder and restores dotfiles', () => {
    const app = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    const infra = JSON.parse(readFileSync(join(project, 'infra', 'package.json'), 'utf8'));
    expect(app.name).toBe('mpp-surabaya');
    expect(infra.name).toBe('mpp-surabaya-infra');
    expect(existsSync(join(project, '.gitignore'))).toBe(true);
    expect(existsSync(join(project, '_gitignore'))).toBe(false);
    for (const script of ['build', 'test', 'start']) expect(app.scripts[script]).toBeTruthy();
  });

  it('holds only files git would commit from the template folders, plus its own', () => {
    const sourceOf = templateSourceOf(MONOREPO_ROOT);
    const committable = new Set(
      ['templates/mpp', 'infra/aws'].flatMap((dir) =>
        execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
          cwd: join(MONOREPO_ROOT, dir),
          encoding: 'utf8',
        })
          .split('\n')
          .filter(Boolean)
          .map((file) => join(MONOREPO_ROOT, dir, file)),
      ),
    );
    const own = new Set(['mpp.config.yaml', 'README.md', 'biome.json', '.gitignore']);
    const stray = listFiles(project).filter(
      (file) => !own.has(file) && !committable.has(sourceOf(file)),
    );
    expect(stray).toEqual([]);
  });

  it('writes a README for the region', () => {
    const readme = readFileSync(join(project, 'README.md'), 'utf8');
    expect(readme).toMatch(/^# MPP Kota Surabaya/);
    expect(readme).toContain('`35.78`');
    expect(readme).toContain('Jawa Timur');
    expect(readme).toContain('pulumi up');
    expect(readme).toContain('pulumi stack init kota-surabaya-production');
  });

  it('declares the build tools the monorepo root used to provide', () => {
    const app = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    const all = { ...app.dependencies, ...app.devDependencies };
    expect(all.typescript).toBeDefined();
    expect(all.vitest).toBeDefined();
  });
});

describe('create-mpp never overwrites', () => {
  it('refuses a non-empty folder and leaves it as it was', async () => {
    const cwd = tempDir();
    const target = join(cwd, 'mine');
    mkdirSync(target);
    writeFileSync(join(target, 'catatan.txt'), 'punya saya');
    const result = await runCli(['mine', ...SURABAYA], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sudah ada dan tidak kosong (catatan.txt)');
    expect(result.stderr).toContain('exists and is not empty (catatan.txt)');
    expect(readdirSync(target)).toEqual(['catatan.txt']);
    expect(readFileSync(join(target, 'catatan.txt'), 'utf8')).toBe('punya saya');
  });

  it('refuses a file in the way', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'mpp'), 'x');
    const result = await runCli(['mpp', ...SURABAYA], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('exists and is not a folder');
  });

  it('uses an existing empty folder', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'kosong'));
    const result = await runCli(['kosong', ...SURABAYA], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'kosong', 'mpp.config.yaml'))).toBe(true);
  });

  it('rejects an invalid answer before writing anything', async () => {
    const cwd = tempDir();
    const result = await runCli(
      [
        'baru',
        '--yes',
        '--region-code',
        '35.78',
        '--regency',
        'Kota Surabaya',
        '--admin-email',
        'x',
      ],
      cwd,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('adminEmail: "x" bukan alamat email yang sah');
    expect(result.stderr).toContain('adminEmail: "x" is not a valid email address');
    expect(existsSync(join(cwd, 'baru'))).toBe(false);
  });
});

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(root, join(dir, entry.name))
      : [join(dir, entry.name).slice(root.length + 1)],
  );
}
