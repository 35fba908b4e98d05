// Checks shared by story play functions. They run in the real browser of the Vitest run.
import { expect } from 'storybook/test';

/** Fails unless every element is at least `min` CSS px wide and tall (WCAG 2.5.8; 44–48 on kiosks). */
export function expectTargetSize(elements: Iterable<Element>, min: number): void {
  let count = 0;
  for (const element of elements) {
    count += 1;
    const box = element.getBoundingClientRect();
    const name =
      element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName;
    expect(Math.round(box.width), `width of "${name}"`).toBeGreaterThanOrEqual(min);
    expect(Math.round(box.height), `height of "${name}"`).toBeGreaterThanOrEqual(min);
  }
  expect(count, 'targets measured').toBeGreaterThan(0);
}

/**
 * Fails when the page scrolls sideways (WCAG 1.4.10 Reflow), and checks that the run's
 * conditions really apply: 320 px in the narrow project, 32 px root text in the 200% project.
 */
export function expectReflow(canvasElement: HTMLElement, globals: Record<string, unknown>): void {
  const doc = canvasElement.ownerDocument;
  const win = doc.defaultView as Window;
  expect(doc.documentElement.scrollWidth, 'page width vs viewport').toBeLessThanOrEqual(
    win.innerWidth,
  );
  if (Number(globals.textSize) === 200) {
    expect(win.getComputedStyle(doc.documentElement).fontSize).toBe('32px');
  }
  if (win.innerWidth <= 320) {
    expect(
      win.matchMedia('(forced-colors: active)').matches,
      'forced colours on in the narrow run',
    ).toBe(true);
  }
}

/** The text of the kit's pre-mounted live region of the given politeness. */
export function liveRegion(politeness: 'polite' | 'assertive'): HTMLElement {
  const region = document.querySelector<HTMLElement>(`[data-mpp-live="${politeness}"]`);
  if (!region) throw new Error(`no ${politeness} live region mounted`);
  return region;
}

/** Records every text a live region shows, including the empty state between repeats. */
export function recordRegion(region: HTMLElement): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const observer = new MutationObserver(() => texts.push(region.textContent ?? ''));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { texts, stop: () => observer.disconnect() };
}
