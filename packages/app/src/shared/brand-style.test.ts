import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandStyle, contrastRatio, imageSources, LOGO_PATH, logoSrc } from './brand-style.js';

const hex = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 3, maxLength: 3 })
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('brand colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#0b4f8a', '#ffffff')).toBeGreaterThan(4.5);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const r = contrastRatio(a, b);
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(21);
        expect(contrastRatio(b, a)).toBeCloseTo(r, 10);
      }),
    );
  });

  it('gives links the brand colour only when it is readable as text', () => {
    const readable = brandStyle({
      primary: '#0b4f8a',
      onPrimary: '#ffffff',
      background: '#ffffff',
      text: '#1a1a1a',
    });
    expect(readable).toContain('--link: #0b4f8a');
    expect(readable).toContain('--on-brand: #ffffff');
    // an orange that passes 3:1 for fills but not 4.5:1 for text
    const orange = brandStyle({
      primary: '#d9730d',
      onPrimary: '#000000',
      background: '#ffffff',
      text: '#1a1a1a',
    });
    expect(orange).toContain('--link: #1a1a1a');
    expect(orange).toContain('--brand: #d9730d');
  });

  it('shows the logo from its https address or from the app’s own copy of the file', () => {
    const remote = {
      kind: 'url',
      url: 'https://contoh.go.id/logo.svg',
      origin: 'https://contoh.go.id',
    } as const;
    const file = { kind: 'file', path: '/etc/mpp/logo.png', mediaType: 'image/png' } as const;
    expect(logoSrc(remote)).toBe('https://contoh.go.id/logo.svg');
    expect(logoSrc(file)).toBe(LOGO_PATH);
    expect(logoSrc(undefined)).toBeUndefined();
    // the pages' image policy admits the remote logo's site and nothing else
    expect(imageSources(remote)).toBe("'self' data: https://contoh.go.id");
    expect(imageSources(file)).toBe("'self' data:");
    expect(imageSources(undefined)).toBe("'self' data:");
  });
});
