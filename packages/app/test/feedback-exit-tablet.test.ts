// The survey tablet at the exit, in Chromium: scan (a QR scanner types the link) or type the
// ticket code → the questionnaire → thank you → back to the start after idle; axe on every screen.

import { UNSUR_CODES } from '@mpp-kit/skm';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketCodeFromScan } from '../src/features/survey/feedback-tablet.js';
import { type AppProcess, Client, removeDataDir, startApp } from './support/app-process.js';
import { axe, launchChromium } from './support/browser.js';

describe('reading a scanned or typed ticket code', () => {
  const codeArb = fc.stringMatching(/^[\w-]{1,64}$/);
  it('finds the code in a status or survey link, or takes a bare code', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.constantFrom('tiket', 'survei'),
        fc.constantFrom('', '?x=1', '#a', '/'),
        (code, kind, tail) => {
          expect(ticketCodeFromScan(`https://mpp.example.go.id/${kind}/${code}${tail}`)).toBe(code);
          expect(ticketCodeFromScan(`  ${code}\n`)).toBe(code);
        },
      ),
    );
  });
  it('never returns anything but a well-formed code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const code = ticketCodeFromScan(input);
        if (code !== undefined) expect(code).toMatch(/^[\w-]{1,64}$/);
      }),
    );
    expect(ticketCodeFromScan('')).toBeUndefined();
    expect(ticketCodeFromScan('https://mpp.example.go.id/hasil')).toBeUndefined();
    expect(ticketCodeFromScan('x'.repeat(3000))).toBeUndefined();
  });
});

describe('exit tablet in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  const password = (u: string) => app.logins.find((l) => l.username === u)?.password ?? '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ env: { MPP_DEMO_HISTORY: 'false' } }),
      launchChromium(),
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  async function ticket(serve: boolean): Promise<string> {
    const citizen = new Client(app.base);
    const issued = await citizen.fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId: 'ktp-el', priority: 'regular', channel: 'online' },
    });
    expect(issued.status).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: { code: string } };
    if (!serve) return ticket.code;
    const op = new Client(app.base);
    expect(await op.login('operator-dukcapil', password('operator-dukcapil'))).toBe(200);
    expect((await op.post('/api/staff/counter', { counterId: 'loket-01' })).status).toBeLessThan(
      400,
    );
    const called = (await (await op.post('/api/staff/counters/loket-01/call-next')).json()) as {
      ticket: { id: string };
    };
    expect((await op.post(`/api/staff/tickets/${called.ticket.id}/finish`)).status).toBe(200);
    return ticket.code;
  }

  async function expectNoAxe(page: Page) {
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }

  it('scan → survey → thank you → back to the start after idle; the same ticket cannot answer twice', async () => {
    const code = await ticket(true);
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${app.base}/survei/tablet`);
    await expectNoAxe(page);
    // a QR scanner is a keyboard: it types the receipt's link and presses Enter
    await page.fill('#kode', `${app.base}/tiket/${code}`);
    await page.press('#kode', 'Enter');
    await page.waitForURL(`${app.base}/survei/tablet/${code}`);
    await expectNoAxe(page);
    for (const u of UNSUR_CODES) await page.tap(`label[for=u_${u}_4]`);
    const submit = page.locator('form[data-testid=survey-form] button[type=submit]');
    expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await submit.tap();
    await page.waitForURL(`${app.base}/survei/tablet/terima-kasih`);
    await expectNoAxe(page);
    await page.waitForSelector('html[data-idle-reset="13"]', { state: 'attached' });
    for (let second = 0; second < 15; second++) {
      await page.clock.runFor(1000);
      await page.waitForTimeout(20);
    }
    await page.waitForURL(`${app.base}/survei/tablet`);

    // the same ticket again, typed by hand this time
    await page.fill('#kode', code);
    await page.press('#kode', 'Enter');
    await page.waitForURL(/\/survei\/tablet\?kode=/);
    expect(await page.textContent('[data-testid=tablet-problem]')).toMatch(/sudah diisi/);
    await expectNoAxe(page);
    await context.close();
  });

  it('without JavaScript too; unknown and not-yet-served tickets are explained', async () => {
    const served = await ticket(true);
    const waiting = await ticket(false);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.base}/survei/tablet`);
    await page.fill('#kode', 'tidak-ada');
    await page.click('form[data-testid=tablet-form] button[type=submit]');
    expect(await page.textContent('[data-testid=tablet-problem]')).toMatch(/tidak dikenal/);
    await page.fill('#kode', `${app.base}/survei/${waiting}`);
    await page.click('form[data-testid=tablet-form] button[type=submit]');
    expect(await page.textContent('[data-testid=tablet-problem]')).toMatch(/setelah Anda selesai/);
    // a not-served ticket cannot reach the form directly either
    await page.goto(`${app.base}/survei/tablet/${waiting}`);
    expect(page.url()).toContain('/survei/tablet?kode=');

    await page.goto(`${app.base}/survei/tablet`);
    await page.fill('#kode', served);
    await page.click('form[data-testid=tablet-form] button[type=submit]');
    await page.waitForURL(`${app.base}/survei/tablet/${served}`);
    // a missing answer comes back to the tablet's form with the error summary
    for (const u of UNSUR_CODES.slice(1)) await page.check(`#u_${u}_3`);
    await page.$eval('form[data-testid=survey-form]', (f) => f.setAttribute('novalidate', ''));
    await page.click('form[data-testid=survey-form] button[type=submit]');
    await page.waitForURL(new RegExp(`/survei/tablet/${served}\\?`));
    expect(await page.textContent('#error-summary')).toMatch(/u_persyaratan/);
    await page.check('#u_persyaratan_3');
    for (const u of UNSUR_CODES.slice(1)) await page.check(`#u_${u}_3`);
    await page.click('form[data-testid=survey-form] button[type=submit]');
    await page.waitForURL(`${app.base}/survei/tablet/terima-kasih`);
    expect(await page.textContent('[data-testid=survey-thanks]')).toBe('Terima kasih');
    await context.close();
  });
});
