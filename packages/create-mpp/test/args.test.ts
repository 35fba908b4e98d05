import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, CreateMppError, FLAGS, helpText, parseCliArgs } from '../src/index.js';
import { PACKAGE_DIR, runCli, tempDir } from './helpers.js';

describe('parseCliArgs', () => {
  it('reads the folder and every answer flag', () => {
    const request = parseCliArgs([
      'mpp-sby',
      '--name',
      'MPP Kota Surabaya',
      '--region-code',
      '35.78',
      '--province',
      'Jawa Timur',
      '--regency',
      'Kota Surabaya',
      '--timezone',
      'Asia/Jakarta',
      '--agencies',
      'imigrasi,polri',
      '--agencies',
      'djp',
      '--admin-email',
      'ops@surabaya.go.id',
      '--profile',
      'medium',
      '--domain',
      'mpp.surabaya.go.id',
      '-y',
      '--install',
    ]);
    expect(request).toEqual({
      answers: {
        directory: 'mpp-sby',
        name: 'MPP Kota Surabaya',
        regionCode: '35.78',
        province: 'Jawa Timur',
        regency: 'Kota Surabaya',
        timezone: 'Asia/Jakarta',
        agencies: ['imigrasi', 'polri', 'djp'],
        adminEmail: 'ops@surabaya.go.id',
        profile: 'medium',
        domain: 'mpp.surabaya.go.id',
      },
      yes: true,
      install: true,
      help: false,
      version: false,
    });
  });

  it('accepts --flag=value and leaves unset answers out', () => {
    const request = parseCliArgs(['--region-code=35.78', '--help']);
    expect(request.answers).toEqual({ regionCode: '35.78' });
    expect(request.help).toBe(true);
    expect(request.yes).toBe(false);
  });

  it('rejects an unknown flag with a bilingual error', () => {
    expect(() => parseCliArgs(['--regoin-code', '35.78'])).toThrowError(CreateMppError);
    expect(() => parseCliArgs(['--regoin-code', '35.78'])).toThrow(
      /argumen tidak dikenal.*\/ unknown or incomplete argument/s,
    );
  });

  it('rejects a flag without its value and a second folder', () => {
    expect(() => parseCliArgs(['--region-code'])).toThrow(/unknown or incomplete argument/);
    expect(() => parseCliArgs(['one', 'two'])).toThrow(/give only one folder, not 2: one two/);
  });
});

describe('--help', () => {
  it('has a flag for every answer', () => {
    const flags = new Set(FLAGS.map((f) => f.name));
    const flagOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const key of Object.keys(CHECKS).filter((k) => k !== 'directory'))
      expect(flags, key).toContain(flagOf(key));
    expect(flags).toContain('agencies');
  });

  it('documents every flag in both languages, from the real CLI', async () => {
    const { code, stdout } = await runCli(['--help'], tempDir());
    expect(code).toBe(0);
    expect(stdout).toBe(`${helpText(readVersion())}\n`);
    for (const flag of FLAGS) {
      expect(stdout).toContain(`--${flag.name}`);
      expect(stdout).toContain(flag.id);
      expect(stdout).toContain(flag.en);
    }
  });

  it('is mirrored by the README flag table', () => {
    const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
    for (const flag of FLAGS) expect(readme, flag.name).toContain(`\`--${flag.name}`);
  });

  it('prints the version', async () => {
    const { stdout } = await runCli(['--version'], tempDir());
    expect(stdout.trim()).toBe(readVersion());
  });
});

function readVersion(): string {
  return JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
}
