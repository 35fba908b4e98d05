import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssue } from '@mpp-kit/service-standard';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './index.js';

const minimalPath = fileURLToPath(new URL('../test/fixtures/minimal.yaml', import.meta.url));
const minimal = readFileSync(minimalPath, 'utf8');

function errorsOf(text: string): string[] {
  const result = parseConfig(text, 'mpp.config.yaml');
  return result.ok ? [] : result.errors.map((e) => formatIssue(e));
}

describe('parseConfig', () => {
  it('returns typed data with defaults and resolved national services', async () => {
    const result = await loadConfig(minimalPath);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    const { config, services } = result.data;
    expect(config.deployment.region).toBe('ap-southeast-3');
    expect(config.deployment.backupRetentionDays).toBe(7);
    expect(config.openingHours.sunday).toEqual([]);
    expect(services[0]).toMatchObject({
      code: 'imigrasi.paspor-baru',
      tenant: 'imigrasi',
      ticketPrefix: 'P',
      origin: { kind: 'national', ref: 'imigrasi.paspor-baru@1.0.0' },
    });
    expect(services[0]?.layanan.standar.jangkaWaktu).toMatchObject({
      amount: 4,
      unit: 'working-days',
    });
    // The fixture pins the passport standard to 1.0.0; the catalogue has a newer one.
    expect(result.data.notices.map((n) => formatIssue(n, 'en'))).toEqual([
      expect.stringMatching(
        /minimal\.yaml:18:\d+ tenants\[0\]\.services\[0\]\.standard: a newer version is available: imigrasi\.paspor-baru@2\.0\.0/,
      ),
    ]);
  });

  it('reports schema errors with line, column and path', () => {
    const lines = errorsOf(minimal.replace('environment: staging', 'environment: prod'));
    expect(lines).toEqual([
      'mpp.config.yaml:24:16 deployment.environment: harus salah satu dari: "production", "staging", "development" / must be one of: "production", "staging", "development"',
    ]);
  });

  it('rejects an unknown national standard and an unknown version', () => {
    expect(errorsOf(minimal.replace('paspor-baru@1.0.0', 'paspor-baru@9.0.0'))[0]).toContain(
      "tenants[0].services[0].standard: standar 'imigrasi.paspor-baru' tidak punya versi 9.0.0; versi yang ada: 1.0.0",
    );
    expect(
      errorsOf(minimal.replace('imigrasi.paspor-baru@1.0.0', 'imigrasi.visa@1.0.0'))[0],
    ).toContain("national standard 'imigrasi.visa' is not in the catalogue");
  });

  it('rejects a timezone that does not match the province', () => {
    expect(errorsOf(minimal.replace('timezone: Asia/Jakarta', 'timezone: Asia/Makassar'))).toEqual([
      'mpp.config.yaml:7:11 timezone: zona waktu tidak sesuai provinsi: kode wilayah 35.99 memakai Asia/Jakarta / timezone does not match the province: region 35.99 uses Asia/Jakarta',
    ]);
  });

  it('rejects brand colours below WCAG AA', () => {
    const lines = errorsOf(minimal.replace('onPrimary: "#ffffff"', 'onPrimary: "#3a6f9a"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mpp\.config\.yaml:10:45 branding\.colours\.onPrimary: .*below WCAG AA 4\.5:1$/,
    );
  });

  it('rejects a counter serving a service its tenant does not offer, and duplicate numbers', () => {
    const text = minimal.replace(
      '  - { number: 1, zone: a, tenant: imigrasi, services: [imigrasi.paspor-baru] }',
      [
        '  - { number: 1, zone: a, tenant: imigrasi, services: [imigrasi.paspor-baru] }',
        '  - { number: 1, zone: a, tenant: imigrasi, services: [dukcapil.ktp-el] }',
      ].join('\n'),
    );
    const lines = errorsOf(text);
    expect(lines).toContain(
      "mpp.config.yaml:23:15 loket[1].number: nomor loket '1' dipakai lebih dari sekali / counter number '1' is used more than once",
    );
    expect(lines).toContain(
      "mpp.config.yaml:23:56 loket[1].services[0]: layanan 'dukcapil.ktp-el' tidak ditawarkan di MPP ini / service 'dukcapil.ktp-el' is not offered in this MPP",
    );
  });
});
