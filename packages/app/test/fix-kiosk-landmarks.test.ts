// Every piece of the kiosk screens is inside a landmark (axe best-practice rule `region`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, removeDataDir, startApp } from './support/app-process.js';
import { axe, launchChromium } from './support/browser.js';

describe('kiosk landmarks', () => {
  let app: AppProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ env: { MPP_DEMO_HISTORY: 'false' } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  it('the kiosk start, service and ticket screens pass axe with best-practice rules', async () => {
    const issued = await fetch(`${app.base}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'ktp-el', channel: 'kiosk', kioskId: 'kios-lobi' }),
    });
    expect(issued.status).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: { code: string } };
    const paths = [
      '/kiosk/kios-lobi',
      '/kiosk/kios-lobi/layanan/ktp-el',
      `/kiosk/kios-lobi/cetak/${ticket.code}`,
      '/kiosk/kios-selatan',
    ];
    const failures: string[] = [];
    // axe needs scripts to run; the kiosk frame is a React island, so this is the hydrated screen
    for (const javaScriptEnabled of [true]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      for (const path of paths) {
        const step = `${javaScriptEnabled ? 'js' : 'no-js'} ${path}`;
        const started = Date.now();
        await page.goto(`${app.base}${path}`, { timeout: 15_000 }).catch((error: Error) => {
          throw new Error(`${step}: page did not load: ${error.message}`);
        });
        // hydrated: the kiosk frame marks how long an untouched screen stays
        if (javaScriptEnabled)
          await page
            .waitForSelector('html[data-idle-reset]', { state: 'attached', timeout: 15_000 })
            .catch((error: Error) => {
              throw new Error(`${step}: kiosk frame did not hydrate: ${error.message}`);
            });
        console.info(`${step}: ready in ${Date.now() - started} ms`);
        for (const v of await axe(page, ['best-practice']))
          failures.push(
            `${javaScriptEnabled ? 'js' : 'no-js'} ${path}: ${v.id} (${v.help}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
      }
      await context.close();
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('without JavaScript the kiosk bar (name, language switch) is already a header landmark', async () => {
    for (const path of ['/kiosk/kios-lobi', '/kiosk/kios-lobi/layanan/ktp-el']) {
      const html = await (await fetch(`${app.base}${path}`)).text();
      expect(html, path).toMatch(/<header class="mpp-kiosk__bar">/);
      expect(html, path).not.toMatch(/<div class="mpp-kiosk__bar">/);
    }
  });
});
