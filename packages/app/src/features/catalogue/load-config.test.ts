import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoConfigFile as demoFile } from '../../../test/support/app-process.js';
import { buildCatalogue } from './catalogue.js';
import { ConfigError, loadConfig, parseConfig } from './load-config.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('loadConfig (through @mpp-kit/config)', () => {
  it('loads the demo "MPP Kota Contoh": 9 agencies, 26 national services, 20 counters, 2 kiosks, 2 boards', async () => {
    const { config } = buildCatalogue(await loadConfig(demoFile));
    expect(config.instance.name).toBe('MPP Kota Contoh');
    expect(config.agencies).toHaveLength(9);
    const services = config.agencies.flatMap((a) => a.services);
    expect(services).toHaveLength(26);
    expect(services.every((s) => s.national)).toBe(true);
    expect(config.counters).toHaveLength(20);
    expect(config.kiosks.map((k) => k.id)).toEqual(['kios-lobi', 'kios-selatan']);
    expect(config.boards.map((b) => b.id)).toEqual(['layar-utara', 'layar-selatan']);
    expect(config.kiosks.map((k) => k.paperWidth)).toEqual([80, 58]);
    // layar-utara lists its languages; layar-selatan takes the default (Indonesian, then English).
    expect(config.boards.map((b) => b.languages)).toEqual([
      ['id', 'en'],
      ['id', 'en'],
    ]);
    expect(config.boards[0]?.agencies).toEqual(['dukcapil', 'polres', 'samsat', 'imigrasi']);
    expect(config.priorityClasses).toEqual(['disabilitas', 'lanjut-usia', 'ibu-hamil', 'anak']);
  });

  it("speaks a board's own languages in its order, and only Indonesian where English is not offered", async () => {
    const source = await readFile(demoFile, 'utf8');
    const own = source.replace(
      'zones: [utara], languages: [id, en] }',
      'zones: [utara], languages: [en, id] }',
    );
    expect(buildCatalogue(parseConfig(own, demoFile)).config.boards[0]?.languages).toEqual([
      'en',
      'id',
    ]);
    const indonesianOnly = own.replace(/available: \[[^\]]*\]/, 'available: [id]');
    expect(indonesianOnly).not.toBe(own);
    expect(
      buildCatalogue(parseConfig(indonesianOnly, demoFile)).config.boards.map((b) => b.languages),
    ).toEqual([['en', 'id'], ['id']]);
  });

  it('names file, line, column and path of a bad value, in both languages', async () => {
    const source = (await readFile(demoFile, 'utf8')).replace(
      '{ number: 5, zone: utara, tenant: polres',
      '{ number: 5, zone: utara, tenant: polisi',
    );
    const line = source.split('\n').findIndex((l) => l.includes('tenant: polisi')) + 1;
    try {
      parseConfig(source, 'mpp.config.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(
        new RegExp(`mpp\\.config\\.yaml:${line}:\\d+ loket\\[4\\]\\.tenant: .+ / .+`),
      );
    }
  });

  it('takes a logo file next to the config, and refuses one that is not there, naming branding.logo', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mpp-logo-config-'));
    try {
      const file = path.join(dir, 'mpp.config.yaml');
      const withLogo = (await readFile(demoFile, 'utf8')).replace(
        /^branding:\n/m,
        'branding:\n  logo: ./merek/logo.png\n',
      );
      expect(withLogo).toContain('logo: ./merek/logo.png');
      await writeFile(file, withLogo);
      await expect(loadConfig(file)).rejects.toThrow(/branding\.logo: .*logo file not found/);
      await mkdir(path.join(dir, 'merek'));
      await writeFile(path.join(dir, 'merek', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const { config } = buildCatalogue(await loadConfig(file));
      expect(config.logo).toEqual({
        kind: 'file',
        path: path.join(dir, 'merek', 'logo.png'),
        mediaType: 'image/png',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseConfig('version: 1\nidentity: [unclosed\n')).toThrow(
      /mpp\.config\.yaml:\d+:\d+/,
    );
  });

  it('reports a missing file clearly', async () => {
    await expect(loadConfig('/nonexistent/mpp.config.yaml')).rejects.toThrow(
      /tidak dapat dibaca \/ the configuration file cannot be read/,
    );
  });

  it('the built app prints the errors and exits 1 before the database starts', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mpp-bad-config-'));
    try {
      const bad = path.join(dir, 'mpp.config.yaml');
      await writeFile(
        bad,
        (await readFile(demoFile, 'utf8')).replace('ticketPrefix: G', 'ticketPrefix: A'),
      );
      const run = promisify(execFile)(process.execPath, [path.join(root, 'dist/cli.js'), 'start'], {
        env: {
          ...process.env,
          MPP_CONFIG: bad,
          MPP_DATA_DIR: path.join(dir, 'data'),
          DATABASE_URL: '',
        },
      });
      const failure = (await run.then(
        () => expect.unreachable(),
        (e: unknown) => e,
      )) as { code: number; stderr: string };
      expect(failure.code).toBe(1);
      expect(failure.stderr).toMatch(/mpp\.config\.yaml:\d+:\d+ tenants\[1\]\.services\[0\]/);
      expect(existsSync(path.join(dir, 'data'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
