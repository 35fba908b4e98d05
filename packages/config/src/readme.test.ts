// Mirrors the examples of README.md one to one; keep both in step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatIssue } from '@mpp-kit/service-standard';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigOrThrow, parseConfig } from './index.js';

const path = fileURLToPath(new URL('../examples/mpp.config.yaml', import.meta.url));

describe('README examples', () => {
  it('loads a config and reads typed data', async () => {
    const result = await loadConfig(path);
    if (!result.ok) {
      throw new Error(result.errors.map((issue) => formatIssue(issue)).join('\n'));
    }
    const { config, services } = result.data;
    expect(config.deployment.region).toBe('ap-southeast-3');
    expect(services[0]?.layanan.standar.jangkaWaktu).toEqual({
      amount: 1,
      unit: 'working-days',
      note: { id: 'Sejak berkas dinyatakan lengkap', en: 'From a complete application' },
    });
  });

  it('gives a Pulumi program the deployment section', async () => {
    const { config } = await loadConfigOrThrow(path);
    const { region, size, environment, domain, alarmEmail, backupRetentionDays } =
      config.deployment;
    expect({ region, size, environment, domain, alarmEmail, backupRetentionDays }).toEqual({
      region: 'ap-southeast-3',
      size: 'medium',
      environment: 'production',
      domain: 'mpp.kotacontoh.go.id',
      alarmEmail: 'it-mpp@kotacontoh.go.id',
      backupRetentionDays: 14,
    });
  });

  it('throws a ConfigError listing every issue', async () => {
    await expect(loadConfigOrThrow('does-not-exist.yaml')).rejects.toThrow(
      /does-not-exist.yaml:1:1: berkas konfigurasi tidak dapat dibaca/,
    );
  });

  it('the smallest file in the README is valid and takes the defaults', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const yaml = /```yaml\n(version: 1[\s\S]*?)```/.exec(readme)?.[1];
    const result = parseConfig(yaml ?? '', 'README.yaml');
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    expect(result.data.config.deployment).toMatchObject({
      region: 'ap-southeast-3',
      size: 'small',
    });
    expect(result.data.config.queue.interleave).toEqual({ priority: 1, regular: 2 });
  });

  it('rejects a file of the wrong format version', () => {
    expect(parseConfig('version: 2', 'x.yaml')).toMatchObject({ ok: false });
  });
});
