/**
 * The foreground/background token pairs the kit actually draws, with the WCAG 2.2 contrast each
 * needs: 4.5:1 for text (SC 1.4.3), 3:1 for borders, focus rings and chart marks (SC 1.4.11).
 * `test/contrast.test.ts` checks every pair in every theme of `tokens.css`.
 */
export interface ColorPair {
  foreground: string;
  background: string;
  minimum: 4.5 | 3;
  usage: string;
  /** Themes the pair applies to; all themes when absent. */
  themes?: readonly string[];
}

export const colorPairs: readonly ColorPair[] = [
  {
    foreground: 'content-primary',
    background: 'surface-primary',
    minimum: 4.5,
    usage: 'body text',
  },
  { foreground: 'content-secondary', background: 'surface-primary', minimum: 4.5, usage: 'hints' },
  {
    foreground: 'content-primary',
    background: 'surface-secondary',
    minimum: 4.5,
    usage: 'footer text',
  },
  {
    foreground: 'content-secondary',
    background: 'surface-secondary',
    minimum: 4.5,
    usage: 'footer hints',
  },
  { foreground: 'content-link', background: 'surface-primary', minimum: 4.5, usage: 'links' },
  {
    foreground: 'content-link',
    background: 'surface-secondary',
    minimum: 4.5,
    usage: 'footer links',
  },
  {
    foreground: 'content-link-visited',
    background: 'surface-primary',
    minimum: 4.5,
    usage: 'visited links',
  },
  {
    foreground: 'content-inverse',
    background: 'surface-brand',
    minimum: 4.5,
    usage: 'header text',
  },
  {
    foreground: 'primary-contrast',
    background: 'primary-500',
    minimum: 4.5,
    usage: 'primary button',
  },
  {
    foreground: 'primary-contrast',
    background: 'primary-700',
    minimum: 4.5,
    usage: 'hovered button',
  },
  {
    foreground: 'content-primary',
    background: 'secondary-surface',
    minimum: 4.5,
    usage: 'secondary button',
  },
  { foreground: 'danger-contrast', background: 'danger', minimum: 4.5, usage: 'warning button' },
  { foreground: 'error', background: 'surface-primary', minimum: 4.5, usage: 'error messages' },
  {
    foreground: 'success-contrast',
    background: 'success',
    minimum: 4.5,
    usage: 'success banner title, panel',
  },
  { foreground: 'success', background: 'surface-primary', minimum: 4.5, usage: 'success tag text' },
  {
    foreground: 'warning-content',
    background: 'warning-surface',
    minimum: 4.5,
    usage: 'warning tag',
  },
  {
    foreground: 'content-primary',
    background: 'info-surface',
    minimum: 4.5,
    usage: 'info tag, banner body',
  },
  { foreground: 'focus-content', background: 'focus', minimum: 4.5, usage: 'focused link' },
  { foreground: 'stroke-primary', background: 'surface-primary', minimum: 3, usage: 'borders' },
  { foreground: 'stroke-input', background: 'surface-primary', minimum: 3, usage: 'input borders' },
  // The ring is two layers; the one that contrasts with the page differs per theme.
  {
    foreground: 'focus-content',
    background: 'surface-primary',
    minimum: 3,
    usage: 'focus ring edge',
    themes: ['default'],
  },
  {
    foreground: 'focus',
    background: 'surface-primary',
    minimum: 3,
    usage: 'focus ring',
    themes: ['high-contrast'],
  },
  { foreground: 'chart-1', background: 'surface-primary', minimum: 3, usage: 'chart bars' },
  { foreground: 'chart-2', background: 'surface-primary', minimum: 3, usage: 'chart bars' },
];
