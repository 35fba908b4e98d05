import { fileURLToPath } from 'node:url';
import { formatIssue } from '@mpp-kit/service-standard';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.js';

const example = fileURLToPath(new URL('../examples/mpp.config.yaml', import.meta.url));

describe('examples/mpp.config.yaml', () => {
  it('is a valid configuration of a realistic MPP', async () => {
    const result = await loadConfig(example);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e)).join('\n'));
    const { config, services } = result.data;
    expect(config.identity.name.id).toBe('Mal Pelayanan Publik Kota Contoh');
    expect(config.tenants.length).toBeGreaterThanOrEqual(8);
    expect(services.length).toBe(28);
    expect(services.filter((s) => s.origin.kind === 'national')).toHaveLength(26);
    expect(config.loket.length).toBe(20);
    expect(config.devices.kiosks).toHaveLength(2);
    expect(config.devices.boards).toHaveLength(2);
    // National, inline-local and file-local services are all resolved.
    expect(new Set(services.map((s) => s.origin.kind))).toEqual(new Set(['national', 'local']));
    expect(services.find((s) => s.code === 'kota-contoh.sip-tenaga-kesehatan')?.origin).toEqual({
      kind: 'local',
      file: './layanan/sip-tenaga-kesehatan.yaml',
    });
    expect(result.data.notices).toEqual([]); // the example applies the newest standards
    expect(config.deployment).toMatchObject({
      provider: 'aws',
      region: 'ap-southeast-3',
      size: 'medium',
    });
  });
});
