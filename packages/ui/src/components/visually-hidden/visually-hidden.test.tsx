import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VisuallyHidden } from './visually-hidden.js';

describe('VisuallyHidden', () => {
  it('renders its text on the server inside the hiding class', () => {
    const html = renderToString(<VisuallyHidden>nomor antrean</VisuallyHidden>);
    expect(html).toBe('<span class="mpp-visually-hidden">nomor antrean</span>');
  });
  it('can render another element', () => {
    expect(renderToString(<VisuallyHidden as="h2">Judul</VisuallyHidden>)).toContain('<h2');
  });
});
