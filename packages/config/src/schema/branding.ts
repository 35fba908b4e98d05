import { BilingualTextSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { HexColourSchema, TextSchema } from './common.js';

/**
 * Brand colours. Pairs that carry text must reach WCAG 2.2 AA contrast (4.5:1):
 * `onPrimary` on `primary` and `text` on `background`; `primary` against `background`
 * must reach 3:1 (non-text contrast, SC 1.4.11).
 */
export const BrandColoursSchema = z.strictObject({
  primary: HexColourSchema,
  onPrimary: HexColourSchema,
  background: HexColourSchema.default('#ffffff'),
  text: HexColourSchema.default('#1a1a1a'),
});
/** Brand colours. */
export type BrandColours = z.infer<typeof BrandColoursSchema>;

/** Name, logo and colours shown on screens, tickets and the website. */
export const BrandingSchema = z.strictObject({
  name: BilingualTextSchema,
  /**
   * The logo, ideally SVG: a path relative to the config file (SVG, PNG, JPEG or WebP; the file must
   * exist) or an `https:` address.
   */
  logo: TextSchema.optional(),
  colours: BrandColoursSchema,
});
/** Branding. */
export type Branding = z.infer<typeof BrandingSchema>;
