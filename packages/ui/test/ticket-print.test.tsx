// The ticket's print stylesheet in Chromium: printed alone, at the thermal paper's width.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaperWidth, TicketCard } from '../src/index.js';
import { launchChromium } from './chromium.js';

const css = readFileSync(new URL('../dist/styles.css', import.meta.url), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

const MM = 96 / 25.4;

describe('TicketCard print', () => {
  for (const paper of ['58mm', '80mm'] as PaperWidth[]) {
    it(`prints only the ticket, ${paper} wide, number as text`, async () => {
      const html = renderToString(
        <div className="mpp-root">
          <h1>Halaman kiosk</h1>
          <TicketCard
            ticketNumber="A012"
            serviceName="Paspor"
            issuedAt={new Date('2026-11-23T01:30:00Z')}
            statusUrl="https://mpp.contoh.go.id/antrean/A012"
            paperWidth={paper}
          />
        </div>,
      );
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><html lang="id"><head><style>${css}</style></head><body>${html}</body></html>`,
      );
      await page.emulateMedia({ media: 'print' });
      const width = await page
        .locator('.mpp-ticket')
        .evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeCloseTo(Number.parseInt(paper, 10) * MM, 0);
      await expect(
        page.locator('h1').evaluate((el) => getComputedStyle(el).visibility),
      ).resolves.toBe('hidden');
      await expect(page.locator('.mpp-ticket__number-value').textContent()).resolves.toBe('A012');
      // The QR image decodes and fits on the paper.
      const qr = await page.locator('.mpp-ticket__qr').evaluate((img: HTMLImageElement) => ({
        loaded: img.complete && img.naturalWidth > 0,
        width: img.getBoundingClientRect().width,
      }));
      expect(qr.loaded).toBe(true);
      expect(qr.width).toBeLessThan(width);
      await page.close();
    }, 30_000);
  }
});
