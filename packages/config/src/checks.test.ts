import { readFileSync } from 'node:fs';
import { formatIssue } from '@mpp-kit/service-standard';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseConfig } from './index.js';

const example = readFileSync(new URL('../examples/mpp.config.yaml', import.meta.url), 'utf8');
const examplePath = new URL('../examples/mpp.config.yaml', import.meta.url).pathname;

function errorsOf(text: string, options = {}): string[] {
  const result = parseConfig(text, examplePath, options);
  return result.ok ? [] : result.errors.map((e) => formatIssue(e, 'en'));
}

describe('cross-field checks on the example', () => {
  it('flags duplicate tenant codes and ticket prefixes', () => {
    const text = example
      .replace('  - code: bpn\n', '  - code: samsat\n')
      .replace('ticketPrefix: V }', 'ticketPrefix: A }');
    const lines = errorsOf(text);
    expect(
      lines.some((l) => /tenants\[9\]\.code: tenant code 'samsat' is used more than once$/.test(l)),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /tenants\[9\]\.services\[0\]\.ticketPrefix: ticket prefix 'A' is used more than once$/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it("flags a counter of one tenant serving another tenant's service", () => {
    const text = example.replace(
      '{ number: 20, floor: 2, zone: c, tenant: bpn, services: [bpn.pengecekan-sertipikat] }',
      '{ number: 20, floor: 2, zone: c, tenant: bpn, services: [bpn.pengecekan-sertipikat, polri.skck] }',
    );
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(
        /mpp\.config\.yaml:\d+:\d+ loket\[19\]\.services\[1\]: counter 20 of 'bpn' cannot serve 'polri\.skck', which 'polres' offers$/,
      ),
    ]);
  });

  it('flags unknown zones on boards, unserved services and bad opening hours', () => {
    const text = example
      .replace('zones: [c] }', 'zones: [c, z] }')
      .replace(
        'services: [bpjs-ketenagakerjaan.klaim-jht]',
        'services: [bpjs-ketenagakerjaan.pendaftaran-bpu]',
      )
      .replace(
        'saturday: [{ open: "08:00", close: "12:00" }]',
        'saturday: [{ open: "12:00", close: "08:00" }]',
      );
    const lines = errorsOf(text);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/devices\.boards\[1\]\.zones\[1\]: zone 'z' has no counter/);
    expect(lines.join('\n')).toMatch(
      /service 'bpjs-ketenagakerjaan\.klaim-jht' is not served by any counter/,
    );
    expect(lines.join('\n')).toMatch(
      /openingHours\.saturday\[0\]\.close: closing time 08:00 must be after opening time 12:00/,
    );
  });

  it('reads the kiosk paper width and the languages a board speaks', () => {
    const result = parseConfig(example, examplePath);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e, 'en')).join('\n'));
    const { kiosks, boards } = result.data.config.devices;
    expect(kiosks.map((k) => k.paperWidth)).toEqual([80, 58]);
    expect(boards.map((b) => b.languages)).toEqual([['id', 'en'], undefined]);
  });

  it('refuses a paper width other than 58 or 80 mm and a language spoken twice', () => {
    const text = example
      .replace('zone: c, paperWidth: 58 }', 'zone: c, paperWidth: 70 }')
      .replace('languages: [id, en] }', 'languages: [id, en, id] }');
    const lines = errorsOf(text);
    expect(lines).toEqual([
      expect.stringMatching(
        /mpp\.config\.yaml:\d+:\d+ devices\.kiosks\[1\]\.paperWidth: paper width is 58 or 80 \(mm\)$/,
      ),
    ]);
    // Cross-field checks run once the schema holds, so the repeated language shows on its own.
    expect(errorsOf(example.replace('languages: [id, en] }', 'languages: [id, en, id] }'))).toEqual(
      [
        expect.stringMatching(
          /mpp\.config\.yaml:\d+:\d+ devices\.boards\[0\]\.languages\[2\]: language 'id' is used more than once$/,
        ),
      ],
    );
  });

  it('reports errors in a local service file at their place in that file', () => {
    const broken = readFileSync(
      new URL('../examples/layanan/sip-tenaga-kesehatan.yaml', import.meta.url),
      'utf8',
    ).replace(
      'jangkaWaktu: { amount: 3, unit: working-days }',
      'jangkaWaktu: { amount: 3, unit: fortnights }',
    );
    const lines = errorsOf(example, { readFile: () => broken });
    expect(lines).toEqual([
      expect.stringMatching(
        /^\.\/layanan\/sip-tenaga-kesehatan\.yaml:\d+:\d+ layanan\[0\]\.standar\.jangkaWaktu\.unit: must be one of/,
      ),
    ]);
  });

  it('reports an unreadable local service file at the config entry', () => {
    const lines = errorsOf(example, {
      readFile: () => {
        throw new Error('ENOENT');
      },
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /mpp\.config\.yaml:\d+:\d+ tenants\[7\]\.services\[0\]\.file: file '\.\/layanan\/sip-tenaga-kesehatan\.yaml' cannot be read$/,
      ),
    ]);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
