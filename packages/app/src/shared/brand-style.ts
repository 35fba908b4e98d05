import type { BrandColours, LogoSource } from '@mpp-kit/config';

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The MPP's brand colours as the CSS custom properties the pages use. `@mpp-kit/config` has
 * already checked the text pairs (onPrimary on primary, text on background: 4.5:1) and primary
 * on background (3:1, for borders and fills); links are text, so they take the primary colour
 * only when it reaches 4.5:1 on the background, and the text colour (underlined) otherwise.
 */
export function brandStyle(colours: BrandColours): string {
  const link =
    contrastRatio(colours.primary, colours.background) >= 4.5 ? colours.primary : colours.text;
  return [
    `--brand: ${colours.primary}`,
    `--brand-dark: ${colours.primary}`,
    `--on-brand: ${colours.onPrimary}`,
    `--paper: ${colours.background}`,
    `--ink: ${colours.text}`,
    `--link: ${link}`,
    `--mpp-color-primary-500: ${colours.primary}`,
    `--mpp-color-primary-contrast: ${colours.onPrimary}`,
  ].join('; ');
}

/** Where the app serves a logo file named in the configuration (see static-files.ts). */
export const LOGO_PATH = '/merek/logo';

/** The address pages load the logo from: its https address, or the app's own copy of the file. */
export function logoSrc(logo: LogoSource | undefined): string | undefined {
  if (!logo) return undefined;
  return logo.kind === 'url' ? logo.url : LOGO_PATH;
}

/** The pages' `img-src`: the app itself, data: URLs (QR codes) and the logo's site when remote. */
export function imageSources(logo: LogoSource | undefined): string {
  return ["'self'", 'data:', ...(logo?.kind === 'url' ? [logo.origin] : [])].join(' ');
}
