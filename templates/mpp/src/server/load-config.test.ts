import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../lib/catalogue.js';
import { ConfigError, loadConfig, parseConfig } from './load-config.js';

const demoFile = new URL('../../mpp.config.yaml', import.meta.url).pathname;

describe('loadConfig', () => {
  it('loads the demo "MPP Kota Contoh" with about 8 agencies, 30 services, 20 counters', async () => {
    const config = await loadConfig(demoFile);
    const catalogue = buildCatalogue(config);
    expect(config.instance.name).toBe('MPP Kota Contoh');
    expect(config.agencies).toHaveLength(8);
    expect(config.agencies.flatMap((a) => a.services)).toHaveLength(30);
    expect(config.counters).toHaveLength(20);
    expect(config.kiosks).toHaveLength(2);
    expect(config.boards).toHaveLength(2);
    // every service can be served by at least one counter
    for (const agency of config.agencies) {
      for (const s of agency.services)
        expect(catalogue.countersForService(s.id)).toBeGreaterThan(0);
    }
  });

  it('names the line and field of a bad value, in both languages', async () => {
    const source = (await readFile(demoFile, 'utf8')).replace(
      '{ id: loket-05, label: Loket 5, agency: polres',
      '{ id: loket-05, label: Loket 5, agency: polisi',
    );
    const line = source.split('\n').findIndex((l) => l.includes('agency: polisi')) + 1;
    try {
      parseConfig(source);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain(`baris/line ${line}, counters.4.agency`);
      expect(message).toContain('instansi tidak dikenal / unknown agency "polisi"');
    }
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseConfig('instance:\n  name: [unclosed\n')).toThrow(/baris\/line \d/);
  });

  it('reports a missing file clearly', async () => {
    await expect(loadConfig('/nonexistent/mpp.config.yaml')).rejects.toThrow(/cannot read file/);
  });
});
