import { readFileSync } from 'node:fs';
import { formatIssue } from '@mpp-kit/service-standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, resolveLogo } from './index.js';

const examplePath = new URL('../examples/mpp.config.yaml', import.meta.url).pathname;
const example = readFileSync(examplePath, 'utf8');

describe('branding.logo', () => {
  it('resolves the example logo next to the config file', () => {
    const result = parseConfig(example, examplePath);
    if (!result.ok) throw new Error(result.errors.map((e) => formatIssue(e, 'en')).join('\n'));
    expect(result.data.logo).toEqual({
      kind: 'file',
      path: new URL('../examples/branding/logo.svg', import.meta.url).pathname,
      mediaType: 'image/svg+xml',
    });
  });

  it('accepts an https address and keeps its origin for the pages’ image policy', () => {
    expect(
      resolveLogo('https://contoh.go.id/aset/logo.png', '/etc/mpp/mpp.config.yaml', () => false),
    ).toEqual({
      kind: 'url',
      url: 'https://contoh.go.id/aset/logo.png',
      origin: 'https://contoh.go.id',
    });
  });

  it.each([
    ['http://contoh.go.id/logo.svg', 'must be an https: address'],
    ['data:image/svg+xml,<svg/>', 'must be an https: address'],
    ['./branding/logo.gif', 'must be an SVG, PNG, JPEG or WebP file'],
    ['./branding/tidak-ada.svg', 'logo file not found: '],
  ])('reports %s at branding.logo with its line', (logo, message) => {
    const text = example.replace('logo: ./branding/logo.svg', `logo: "${logo}"`);
    const result = parseConfig(text, examplePath);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map((e) => formatIssue(e, 'en'));
    const line = text.split('\n').findIndex((l) => l.includes('logo:')) + 1;
    expect(lines).toEqual([expect.stringContaining(`mpp.config.yaml:${line}:`)]);
    expect(lines[0]).toContain('branding.logo:');
    expect(lines[0]).toContain(message);
  });

  it('never accepts a scheme other than https (property)', () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,8}$/).filter((s) => s !== 'https');
    fc.assert(
      fc.property(scheme, fc.webPath(), (s, rest) => {
        const checked = resolveLogo(`${s}:${rest}`, '/etc/mpp/mpp.config.yaml', () => true);
        expect('problem' in checked).toBe(true);
      }),
    );
  });
});
