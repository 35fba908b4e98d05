import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UNSUR_CODES } from '@mpp-kit/skm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  Client,
  removeDataDir,
  signedIn,
  startApp,
} from './support/app-process.js';
import { axe, launchChromium } from './support/browser.js';

// Issue 8 end to end in Chromium, on one app with its seeded demo history.
const catalogueDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@mpp-kit/service-standard/package.json')),
  'catalogue/national',
);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('survey, results, complaints and analytics in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let jsContext: BrowserContext;
  const password = (u: string) => app.logins.find((l) => l.username === u)?.password ?? '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    jsContext = await browser.newContext();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) await removeDataDir(app.dataDir);
  });

  const staff = (username: string) => signedIn(app, username);

  /** Takes a ticket online and has the operator call and finish it. */
  async function servedTicket(serviceId: string, counterId: string, operator: string) {
    const citizen = new Client(app.base);
    const issued = await citizen.fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId, priority: 'regular', channel: 'online' },
    });
    expect(issued.status).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: { code: string } };
    const op = await staff(operator);
    expect((await op.post('/api/staff/counter', { counterId })).status).toBeLessThan(400);
    const called = (await (await op.post(`/api/staff/counters/${counterId}/call-next`)).json()) as {
      ticket: { id: string };
    };
    expect((await op.post(`/api/staff/tickets/${called.ticket.id}/finish`)).status).toBe(200);
    return ticket.code;
  }

  async function signIn(page: Page, username: string) {
    await page.goto(`${app.base}/loket/masuk`);
    await page.fill('#username', username);
    await page.fill('#password', password(username));
    await page.click('button[type=submit]');
    await page.waitForURL(`${app.base}/loket`);
  }

  /** axe needs JavaScript: pages from a context without it are checked again in one with it. */
  async function expectNoAxeViolations(page: Page, reopen = false) {
    let checked = page;
    if (reopen) {
      checked = await jsContext.newPage();
      await checked.goto(page.url());
    }
    const violations = await axe(checked);
    if (checked !== page) await checked.close();
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }

  it('serve a ticket → answer the survey without JavaScript → the IKM changes; the link works once', async () => {
    const code = await servedTicket('ktp-el', 'loket-01', 'operator-dukcapil');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const row = '[data-testid=service-table] tr[data-service="ktp-el"]';
    await page.goto(`${app.base}/hasil?instansi=dukcapil`);
    const before = (await page.locator(`${row} td`).allTextContents()).map((s) => s.trim());

    // the ticket status page offers the survey once the ticket is served
    await page.goto(`${app.base}/tiket/${code}`);
    await page.click('[data-testid=survey-invite] a');
    await page.waitForURL(`${app.base}/survei/${code}`);
    await expectNoAxeViolations(page, true);
    for (const u of UNSUR_CODES) await page.check(`#u_${u}_1`);
    await page.check('#jk-P');
    await page.fill('#usia', '41');
    await page.click('form[data-testid=survey-form] button[type=submit]');
    await page.waitForURL(`${app.base}/survei/terima-kasih`);
    await expectNoAxeViolations(page, true);

    await page.goto(`${app.base}/hasil?instansi=dukcapil`);
    const after = (await page.locator(`${row} td`).allTextContents()).map((s) => s.trim());
    // respondents + 1 and a lower IKM for the service (the answer was all 1s)
    expect(Number(after[2]?.replace(/\D/g, ''))).toBe(Number(before[2]?.replace(/\D/g, '')) + 1);
    expect(Number(after[0])).toBeLessThan(Number(before[0]));

    // the same link again: the page says so and the API refuses
    await page.goto(`${app.base}/survei/${code}`);
    expect(await page.getAttribute('[data-testid=survey-state]', 'data-state')).toBe('answered');
    const again = await new Client(app.base).fetch(`/api/survey/${code}`, {
      method: 'POST',
      json: Object.fromEntries(UNSUR_CODES.map((u) => [`u_${u}`, 4])),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'already_answered',
    );
    await context.close();
  });

  it('refuses the survey before the ticket is served', async () => {
    const issued = await new Client(app.base).fetch('/api/tickets', {
      method: 'POST',
      json: { serviceId: 'skck', priority: 'regular', channel: 'online' },
    });
    const { ticket } = (await issued.json()) as { ticket: { code: string } };
    const res = await new Client(app.base).fetch(`/api/survey/${ticket.code}`, {
      method: 'POST',
      json: {},
    });
    expect(res.status).toBe(400);
    const page = await browser.newPage();
    await page.goto(`${app.base}/survei/${ticket.code}`);
    expect(await page.getAttribute('[data-testid=survey-state]', 'data-state')).toBe('not_served');
    await page.close();
  });

  it('shows every results chart with data, a table alternative, CSV and a printable report', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.base}/hasil`);
    await expectNoAxeViolations(page);
    expect(await page.textContent('[data-testid=ikm-value]')).toMatch(/^\d{2}\.\d{2}$/);
    expect(await page.locator('[data-testid=ikm-by-agency] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid=ikm-trend] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-testid=nrr-table] tr.priority').count()).toBe(3);
    await page.goto(`${app.base}/hasil?periode=quarter`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/hasil/cetak`);
    await expectNoAxeViolations(page);
    expect(await page.locator('[data-testid=print-report] table').count()).toBeGreaterThanOrEqual(
      4,
    );
    const csv = await fetch(`${app.base}/hasil/laporan.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toMatch(/NRR/);
    await page.close();
  });

  it('files a complaint with an attachment → tracked by code → verified, forwarded, answered, closed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const citizen = await context.newPage();
    await citizen.goto(`${app.base}/pengaduan`);
    await expectNoAxeViolations(citizen, true);
    // a script dressed as a picture is refused and nothing is filed
    await citizen.check('#cat-waktu');
    await citizen.selectOption('#agencyId', 'polres');
    await citizen.fill('#description', 'Antrean SKCK lebih dari dua jam tanpa informasi.');
    await citizen.setInputFiles('#attachments', {
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await citizen.click('form[data-testid=complaint-form] button[type=submit]');
    await citizen.waitForURL(/\/pengaduan\?error=file_type/);
    expect(await citizen.textContent('#error-summary')).toMatch(/JPEG, PNG atau PDF/);

    await citizen.selectOption('#agencyId', 'polres');
    await citizen.fill('#description', 'Antrean SKCK lebih dari dua jam tanpa informasi.');
    await citizen.fill('#contactEmail', 'warga@example.org');
    await citizen.setInputFiles('#attachments', {
      name: 'antrean.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await citizen.click('form[data-testid=complaint-form] button[type=submit]');
    await citizen.waitForURL(/\/pengaduan\/ADU-/);
    await expectNoAxeViolations(citizen, true);
    const code = (await citizen.textContent('[data-testid=tracking-code]'))?.trim() ?? '';
    expect(code).toMatch(/^ADU-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // tracking by code through the form, typed sloppily
    await citizen.goto(`${app.base}/pengaduan`);
    await citizen.fill('#kode', code.toLowerCase().replaceAll('-', ' '));
    await citizen.click('form[action="/pengaduan/lacak"] button');
    await citizen.waitForURL(`${app.base}/pengaduan/${code}`);
    expect(await citizen.getAttribute('[data-testid=complaint-status]', 'data-status')).toBe(
      'received',
    );

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin-polres');
    await admin.goto(`${app.base}/loket/pengaduan`);
    await expectNoAxeViolations(admin);
    await admin.click(`a:text("${code}")`);
    await expectNoAxeViolations(admin);
    const attachment = await admin.getAttribute('a[download]', 'href');
    const download = await admin.request.get(`${app.base}${attachment}`);
    expect(download.headers()['content-type']).toBe('image/png');
    expect(download.headers()['content-disposition']).toMatch(
      /^attachment; filename="antrean\.png"$/,
    );
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    for (const [to, note] of [
      ['verified', ''],
      ['forwarded', ''],
      ['answered', 'Petugas tambahan dijadwalkan pada jam sibuk.'],
      ['closed', ''],
    ] as const) {
      await admin.check(`#to-${to}`);
      if (note) await admin.fill('#note', note);
      await admin.click('form[data-testid=complaint-action] button[type=submit]');
      await admin.waitForSelector(`[data-testid=staff-complaint-status][data-status=${to}]`);
    }
    expect(await admin.locator('[data-testid=complaint-trail] tbody tr').count()).toBe(5);
    await admin.goto(`${app.base}/loket/audit?agency=polres`);
    expect(await admin.locator('td:text("move_complaint")').count()).toBeGreaterThanOrEqual(4);

    await citizen.goto(`${app.base}/pengaduan/${code}`);
    expect(await citizen.getAttribute('[data-testid=complaint-status]', 'data-status')).toBe(
      'closed',
    );
    expect(await citizen.textContent('[data-testid=complaint-answer]')).toContain(
      'Petugas tambahan',
    );
    // contact details never reach the public page
    expect(await citizen.content()).not.toContain('warga@example.org');
    await context.close();
    await adminContext.close();
  });

  it('shows the manager every analytics chart with data, passing axe, and exports CSV', async () => {
    const page = await browser.newPage();
    await signIn(page, 'manajer');
    await page.goto(`${app.base}/loket/analitik`);
    await expectNoAxeViolations(page);
    expect(
      Number((await page.textContent('[data-testid=total-arrivals]'))?.replace(/\D/g, '')),
    ).toBeGreaterThan(1000);
    const heat = (await page.locator('[data-testid=heatmap] tbody td').allTextContents()).map(
      Number,
    );
    expect(heat.filter((n) => n > 0).length).toBeGreaterThan(20);
    expect(await page.locator('[data-testid=service-figures] tbody tr').count()).toBeGreaterThan(
      20,
    );
    expect(await page.locator('[data-testid=forecast] tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=wait-distribution] tbody tr').count()).toBe(8);
    const csv = await page.request.get(`${app.base}/api/staff/analytics/export.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^layanan,instansi,kedatangan/);
    await page.close();
  });

  it('catalogue import: a broken file shows the loader errors and changes nothing; a good one is stored and exported', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'manajer');
    await page.goto(`${app.base}/loket/admin`);
    await expectNoAxeViolations(page);
    await page.goto(`${app.base}/loket/admin/katalog`);
    await expectNoAxeViolations(page);
    const before = await page.locator('[data-testid=revisions] tbody tr').count();
    const dukcapil = await readFile(path.join(catalogueDir, 'dukcapil.yaml'));
    const agencies = await readFile(path.join(catalogueDir, 'penyelenggara.yaml'));
    // services whose agency is missing, plus a file that is not even valid YAML
    await page.setInputFiles('#files', [
      { name: 'dukcapil.yaml', mimeType: 'text/yaml', buffer: dukcapil },
      {
        name: 'rusak.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from('layanan:\n  - code: [tidak\n'),
      },
    ]);
    await page.click('form[data-testid=catalogue-import] button[type=submit]');
    await page.waitForSelector('[data-testid=import-errors]');
    const errors = await page.locator('[data-testid=import-errors] li').allTextContents();
    expect(errors.some((e) => /rusak\.yaml:\d+:\d+/.test(e))).toBe(true);
    expect(errors.some((e) => /dukcapil\.yaml:\d+:\d+ layanan\[0\]\.penyelenggara/.test(e))).toBe(
      true,
    );
    expect(await page.locator('[data-testid=revisions] tbody tr').count()).toBe(before);
    await expectNoAxeViolations(page);
    expect((await page.request.get(`${app.base}/api/staff/admin/catalogue.yaml`)).status()).toBe(
      before === 0 ? 404 : 200,
    );

    await page.setInputFiles('#files', [
      { name: 'penyelenggara.yaml', mimeType: 'text/yaml', buffer: agencies },
      { name: 'dukcapil.yaml', mimeType: 'text/yaml', buffer: dukcapil },
    ]);
    await page.click('form[data-testid=catalogue-import] button[type=submit]');
    await page.waitForSelector('[data-testid=import-ok]');
    expect(await page.locator('[data-testid=revisions] tbody tr').count()).toBe(before + 1);
    const exported = await page.request.get(`${app.base}/api/staff/admin/catalogue.yaml`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toMatch(/dukcapil\.ktp-el/);

    // staff accounts: created with a one-time password that works, audited
    await page.goto(`${app.base}/loket/admin/petugas`);
    await expectNoAxeViolations(page);
    await page.fill('#username', 'operator-baru');
    await page.fill('#displayName', 'Operator Baru');
    await page.selectOption('#role', 'operator');
    await page.selectOption('#agencyId', 'samsat');
    await page.click('form[action="/loket/admin/petugas"] button[type=submit] >> nth=0');
    const created = (await page.textContent('[data-testid=staff-created] code'))?.trim() ?? '';
    expect(created.length).toBeGreaterThan(10);
    const newcomer = new Client(app.base);
    expect(await newcomer.login('operator-baru', created)).toBe(200);
    await page.goto(`${app.base}/loket/audit?agency=samsat`);
    expect(await page.locator('td:text("staff_create")').count()).toBe(1);
    await context.close();
  });

  it('exports and erases a person’s contact details on request (UU PDP)', async () => {
    const filed = await new Client(app.base).fetch('/api/complaints', {
      method: 'POST',
      json: {
        category: 'lainnya',
        agencyId: 'samsat',
        description: 'Mohon info pajak kendaraan.',
        contactEmail: 'pemilik@example.org',
      },
    });
    expect(filed.status).toBe(201);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'manajer');
    await page.goto(`${app.base}/loket/data-pribadi`);
    await expectNoAxeViolations(page);
    const exported = await page.request.post(`${app.base}/api/staff/admin/personal-data`, {
      form: {
        contact: 'pemilik@example.org',
        action: 'export',
        _csrf: (await context.cookies()).find((c) => c.name === 'mpp_csrf')?.value ?? '',
      },
    });
    const data = (await exported.json()) as { complaints: { email: string }[] };
    expect(data.complaints.map((c) => c.email)).toEqual(['pemilik@example.org']);
    await page.fill('#contact', 'pemilik@example.org');
    await page.check('#action-erase');
    await page.click('form[action="/api/staff/admin/personal-data"] button');
    await page.waitForSelector('[data-testid=erased]');
    const after = await page.request.post(`${app.base}/api/staff/admin/personal-data`, {
      form: {
        contact: 'pemilik@example.org',
        action: 'export',
        _csrf: (await context.cookies()).find((c) => c.name === 'mpp_csrf')?.value ?? '',
      },
    });
    expect(((await after.json()) as { complaints: unknown[] }).complaints).toEqual([]);
    await context.close();
  });
});
