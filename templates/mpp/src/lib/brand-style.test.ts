import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandStyle, contrastRatio, logoSource } from './brand-style.js';

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

  it('shows a logo only from a path the app serves (the CSP allows no other site)', () => {
    expect(logoSource('https://contoh.go.id/logo.svg')).toBeUndefined();
    expect(logoSource('//contoh.go.id/logo.svg')).toBeUndefined();
    expect(logoSource('/logo.svg')).toBe('/logo.svg');
    expect(logoSource('logo.svg')).toBeUndefined();
    expect(logoSource('http://insecure.example/logo.svg')).toBeUndefined();
    expect(logoSource(undefined)).toBeUndefined();
  });
});
