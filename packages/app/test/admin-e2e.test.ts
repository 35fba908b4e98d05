import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  Client,
  removeDataDir,
  signedIn,
  startApp,
} from './support/app-process.js';
import { axe, launchChromium } from './support/browser.js';
import { storeCatalogueWithNewService } from './support/imported-catalogue.js';

// Issue 8's administration in Chromium, without JavaScript (decision 0066): a manager adds a
// counter and closes a service → the running queue uses them at once → both survive a restart;
// an invalid change shows its errors and changes nothing; axe finds nothing on the new pages.
describe('administration of counters and services in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let dataDir = '';
  const password = (u: string) => app.logins.find((l) => l.username === u)?.password ?? '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    dataDir = app.dataDir;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  const staff = (username: string) => signedIn(app, username);

  async function issue(serviceId: string): Promise<Response> {
    return new Client(app.base).fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId, priority: 'regular', channel: 'online' },
    });
  }

  async function expectNoAxeViolations(page: Page) {
    // axe needs JavaScript: the page is opened again in a context with it
    const context = await browser.newContext();
    const checked = await context.newPage();
    await checked.goto(page.url());
    const violations = await axe(checked);
    await context.close();
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }

  it('adds a counter and closes a service, applied to the queue at once and kept after a restart', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.base}/loket/masuk`);
    await page.fill('#username', 'manajer');
    await page.fill('#password', password('manajer'));
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.base}/loket`);

    // a new counter 42 for KIA
    await page.goto(`${app.base}/loket/admin/loket`);
    await expectNoAxeViolations(page);
    await page.fill('#number', '42');
    await page.fill('#labelId', 'Loket Uji');
    await page.selectOption('#tenant', 'dukcapil');
    await page.fill('#zone', 'utara');
    await page.check('#svc-kia');
    await page.click('form[data-testid=counter-form] button[type=submit]');
    await page.waitForSelector('[data-testid=admin-ok]');
    expect(await page.locator('[data-testid=counters]').textContent()).toContain('Loket Uji');
    await expectNoAxeViolations(page);

    // two KIA tickets, then KIA is closed: no new tickets, the waiting ones are still called
    const first = (await (await issue('kia')).json()) as { ticket: { code: string } };
    const second = (await (await issue('kia')).json()) as { ticket: { code: string } };
    const third = (await (await issue('kia')).json()) as { ticket: { code: string } };
    await page.goto(`${app.base}/loket/admin/layanan?kode=dukcapil.kia`);
    await expectNoAxeViolations(page);
    await page.uncheck('#offered');
    await page.click('form[data-testid=service-form] button[type=submit]');
    await page.waitForSelector('[data-testid=admin-ok]');
    expect((await issue('kia')).status).toBe(409);

    const op = await staff('operator-dukcapil');
    expect((await op.post('/api/staff/counter', { counterId: 'loket-42' })).status).toBeLessThan(
      400,
    );
    const calledCodes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const called = await op.post('/api/staff/counters/loket-42/call-next');
      expect(called.status).toBe(200);
      const { ticket } = (await called.json()) as { ticket: { id: string; code: string } };
      calledCodes.push(ticket.code);
      // removing a counter that holds a ticket is refused, in the page, with the reason
      if (i === 0) {
        await page.goto(`${app.base}/loket/admin/loket`);
        await page.click('button:has-text("Hapus loket 42")');
        await page.waitForSelector('[data-testid=admin-errors]');
        expect(await page.locator('[data-testid=admin-errors]').textContent()).toMatch(
          /memegang tiket/,
        );
        expect(await page.locator('[data-testid=counters]').textContent()).toContain('Loket Uji');
      }
      expect((await op.post(`/api/staff/tickets/${ticket.id}/finish`)).status).toBe(200);
    }
    expect(calledCodes.sort()).toEqual([first.ticket.code, second.ticket.code].sort());

    // an invalid change: a Dukcapil counter serving a police service, and a number that is not
    await page.goto(`${app.base}/loket/admin/loket`);
    await page.fill('#number', '43');
    await page.selectOption('#tenant', 'dukcapil');
    await page.fill('#zone', 'utara');
    await page.check('#svc-skck');
    await page.click('form[data-testid=counter-form] button[type=submit]');
    await page.waitForSelector('[data-testid=admin-errors]');
    const errors = await page.locator('[data-testid=admin-errors] li').allTextContents();
    expect(errors.some((e) => /loket\[\d+\]\.services\[0\]/.test(e))).toBe(true);
    expect(await page.locator('[data-testid=counters] tbody th').allTextContents()).not.toContain(
      '43',
    );
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin/jam`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin/instansi?kode=polres`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin/petugas`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin/loket`);
    await page.fill('#number', 'empat puluh');
    await page.fill('#zone', 'utara');
    await page.click('form[data-testid=counter-form] button[type=submit]');
    await page.waitForSelector('[data-testid=admin-errors] a[href="#number"]');
    await context.close();

    // restart on the same data: the counter and the closed service are still there
    await app.stop();
    app = await startApp({ dataDir });
    expect((await issue('kia')).status).toBe(409);
    const ticket = (await (await issue('ktp-el')).json()) as { ticket: { code: string } };
    expect(ticket.ticket.code).toBeTruthy();
    const manager = await staff('manajer');
    const config = (await (await manager.fetch('/api/staff/admin/config')).json()) as {
      counters: { number: number; label: string; services: string[] }[];
    };
    expect(config.counters.find((c) => c.number === 42)).toMatchObject({
      label: 'Loket Uji',
      services: ['kia'],
    });
    // the engine knows the counter after the restart too: a session opens and calls
    const op2 = await staff('operator-dukcapil');
    expect((await op2.post('/api/staff/counter', { counterId: 'loket-42' })).status).toBeLessThan(
      400,
    );
    const after = await op2.post('/api/staff/counters/loket-42/call-next');
    expect(after.status).toBe(200);
    // the KIA ticket still waiting from before the restart, though KIA takes no new ones
    expect(((await after.json()) as { ticket: { code: string } }).ticket.code).toBe(
      third.ticket.code,
    );
  }, 120_000);

  it('adds an agency, switches one off and on, sets a password and removes an account, without JavaScript', async () => {
    // an imported catalogue with a service no agency offers yet (what /loket/admin/katalog stores)
    await storeCatalogueWithNewService(app.databaseUrl);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.base}/loket/masuk`);
    await page.fill('#username', 'manajer');
    await page.fill('#password', password('manajer'));
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.base}/loket`);

    // adding an agency with a standard no catalogue holds: refused, the path named, nothing added
    await page.goto(`${app.base}/loket/admin/instansi`);
    await expectNoAxeViolations(page);
    const fillAgency = async (standards: string) => {
      await page.fill('#agency', 'kemenag');
      await page.selectOption('#agencyKind', 'kementerian');
      await page.fill('#nameId', 'Kementerian Agama');
      await page.fill('#nameEn', 'Ministry of Religious Affairs');
      await page.fill('#standards', standards);
      await page.fill('#number', '90');
      await page.fill('#floor', '2');
      await page.click('form[data-testid=agency-add-form] button[type=submit]');
    };
    await fillAgency('kemenag.tidak-ada@1.0.0');
    await page.waitForSelector('[data-testid=admin-errors]');
    const errors = await page.locator('[data-testid=admin-errors] li').allTextContents();
    expect(errors.some((e) => /tenants\[\d+\]\.services\[0\]/.test(e))).toBe(true);
    expect(await page.locator('[data-testid=agencies]').textContent()).not.toContain('kemenag');
    // the form keeps what was typed
    expect(await page.inputValue('#nameId')).toBe('Kementerian Agama');
    await expectNoAxeViolations(page);
    await page.fill('#standards', '');
    await fillAgency('kemenag.kia-uji@1.0.0');
    await page.waitForSelector('[data-testid=admin-ok]');
    expect(await page.locator('[data-testid=agencies]').textContent()).toContain('kemenag');
    expect((await issue('kia-uji')).status).toBe(201);

    // switching the police off: its services take no new tickets; on again, they do
    await page.click('button:has-text("Nonaktifkan polres")');
    await page.waitForSelector('[data-testid=admin-ok]');
    expect(await page.textContent('[data-testid=agency-state-polres]')).toMatch(/Nonaktif/);
    expect((await issue('skck')).status).toBe(409);
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Aktifkan polres")');
    await page.waitForSelector('[data-testid=admin-ok]');
    expect((await issue('skck')).status).toBe(201);

    // a new password for operator-samsat: its open session ends, the new password works
    const held = await staff('operator-samsat');
    await page.goto(`${app.base}/loket/admin/petugas`);
    await expectNoAxeViolations(page);
    const reset = page.locator('form:has(button:has-text("Ganti kata sandi operator-samsat"))');
    await reset.locator('input[name=newPassword]').fill('kata-sandi-baru-2026');
    await reset.locator('button[name=resetPassword]').click();
    await page.waitForSelector('[data-testid=staff-done]');
    expect((await held.fetch('/api/staff/admin/config')).status).toBe(401);
    expect(await new Client(app.base).login('operator-samsat', 'kata-sandi-baru-2026')).toBe(200);
    await expectNoAxeViolations(page);

    // removing admin-samsat: it can no longer sign in and is listed as removed
    await page.click('button:has-text("Hapus akun admin-samsat")');
    await page.waitForSelector('[data-testid=staff-done]');
    expect(await new Client(app.base).login('admin-samsat', password('admin-samsat'))).toBe(401);
    const row = page.locator('[data-testid=staff-list] tr:has(th:text-is("admin-samsat"))');
    expect(await row.textContent()).toMatch(/Dihapus/);
    await context.close();
  }, 120_000);
});
