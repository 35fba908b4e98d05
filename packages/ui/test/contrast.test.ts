// Every colour pair the kit draws meets its WCAG contrast minimum in every theme of tokens.css.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colorPairs } from '../src/index.js';

const css = readFileSync(new URL('../src/foundations/tokens.css', import.meta.url), 'utf8');

/** Colour tokens per theme; other themes inherit the default ones they do not set. */
function themes(): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const block of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selector = block[1] ?? '';
    const body = block[2] ?? '';
    const name =
      selector
        .match(/data-mpp-theme=["']([\w-]+)["']/g)
        ?.at(-1)
        ?.match(/["']([\w-]+)["']/)?.[1] ?? 'default';
    const tokens = new Map(result.get('default') ?? []);
    for (const [, token, value] of body.matchAll(/--mpp-color-([\w-]+):\s*(#[0-9a-f]{6})/gi)) {
      tokens.set(token as string, (value as string).toLowerCase());
    }
    result.set(name, tokens);
  }
  return result;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('token contrast', () => {
  it('computes WCAG ratios correctly', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  const all = themes();
  it('finds the three themes', () => {
    expect([...all.keys()].sort()).toEqual(['default', 'high-contrast', 'large-text']);
  });

  for (const [theme, tokens] of all) {
    for (const pair of colorPairs) {
      if (pair.themes && !pair.themes.includes(theme)) continue;
      it(`${theme}: ${pair.foreground} on ${pair.background} (${pair.usage}) ≥ ${pair.minimum}:1`, () => {
        const fg = tokens.get(pair.foreground);
        const bg = tokens.get(pair.background);
        expect(fg, `--mpp-color-${pair.foreground} in ${theme}`).toBeDefined();
        expect(bg, `--mpp-color-${pair.background} in ${theme}`).toBeDefined();
        expect(contrast(fg as string, bg as string)).toBeGreaterThanOrEqual(pair.minimum);
      });
    }
  }
});
