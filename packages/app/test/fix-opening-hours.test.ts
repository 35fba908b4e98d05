// Tickets are issued only within the opening hours of mpp.config.yaml (less
// queue.ticketCutoffMinutes before each closing) and never on a configured holiday, in the
// instance's time zone: the API refuses with a bilingual 409, the form and kiosk pages say so.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { issuingClosed, localMoment } from '../src/features/queue/issuing-hours.js';
import { localDay } from '../src/shared/time/local-day.js';
import {
  type AppProcess,
  Client,
  demoConfigFile,
  removeDataDir,
  startApp,
} from './support/app-process.js';

const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ZONE = 'Asia/Jakarta';

const config = (
  hours: Record<string, { open: string; close: string }[]>,
  holidays: { date: string; name: { id: string; en?: string } }[] = [],
  ticketCutoffMinutes = 30,
) => ({ timezone: ZONE, openingHours: hours, holidays, queue: { ticketCutoffMinutes } });

describe('issuing hours (pure)', () => {
  // Monday 2026-03-02 in Jakarta (UTC+7)
  const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+07:00`);
  const monday = { monday: [{ open: '08:00', close: '15:00' }] };

  it('issues between opening and the cutoff before closing, in the site time zone', () => {
    expect(issuingClosed(config(monday), at('08:00'))).toBeUndefined();
    expect(issuingClosed(config(monday), at('14:29'))).toBeUndefined();
    expect(issuingClosed(config(monday), at('14:30'))?.code).toBe('outside_opening_hours');
    expect(issuingClosed(config(monday), at('07:59'))?.code).toBe('outside_opening_hours');
    expect(issuingClosed(config(monday), at('23:00'))?.code).toBe('outside_opening_hours');
    // 08:30 UTC is 15:30 in Jakarta: closed, although 08:30 is inside the hours as UTC
    expect(issuingClosed(config(monday), new Date('2026-03-02T08:30:00Z'))?.code).toBe(
      'outside_opening_hours',
    );
    expect(issuingClosed(config(monday, [], 0), at('14:59'))).toBeUndefined();
    expect(issuingClosed(config(monday, [], 0), at('15:00'))).toBeDefined();
  });

  it('respects several intervals a day and closed days', () => {
    const friday = {
      friday: [
        { open: '08:00', close: '11:30' },
        { open: '13:00', close: '14:30' },
      ],
    };
    const fri = (hhmm: string) => new Date(`2026-03-06T${hhmm}:00+07:00`);
    expect(issuingClosed(config(friday), fri('10:59'))).toBeUndefined();
    expect(issuingClosed(config(friday), fri('11:10'))).toBeDefined();
    expect(issuingClosed(config(friday), fri('13:10'))).toBeUndefined();
    const closed = issuingClosed(config(friday), at('10:00'));
    expect(closed?.id).toMatch(/tidak dibuka hari ini/);
    expect(closed?.en).toMatch(/No tickets are issued today/);
  });

  it('refuses on a holiday, naming it in both languages', () => {
    const holiday = issuingClosed(
      config(monday, [{ date: '2026-03-02', name: { id: 'Hari Libur Contoh', en: 'Sample Day' } }]),
      at('10:00'),
    );
    expect(holiday).toEqual({
      code: 'holiday',
      id: expect.stringContaining('Hari Libur Contoh'),
      en: expect.stringContaining('Sample Day'),
    });
  });
});

/** The demo config with other opening hours and holidays, written next to the data folder. */
async function configWith(
  dir: string,
  change: (doc: ReturnType<typeof parseDocument>) => void,
): Promise<string> {
  const doc = parseDocument(await readFile(demoConfigFile, 'utf8'));
  change(doc);
  const file = path.join(dir, 'mpp.config.yaml');
  await writeFile(file, doc.toString());
  return file;
}

async function startWith(change: (doc: ReturnType<typeof parseDocument>) => void) {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(path.join(tmpdir(), 'mpp-hours-'));
  const file = await configWith(dir, change);
  return startApp({
    env: { MPP_CONFIG: file, MPP_ISSUE_OUTSIDE_HOURS: 'false', MPP_DEMO_HISTORY: 'false' },
  });
}

async function expectRefused(app: AppProcess, code: string) {
  const res = await fetch(`${app.base}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'ktp-el' }),
  });
  expect(res.status).toBe(409);
  const body = (await res.json()) as {
    error: { code: string; message: { id: string; en: string } };
  };
  expect(body.error.code).toBe(code);
  expect(body.error.message.id).not.toBe('');
  expect(body.error.message.en).not.toBe('');
  // the form page, the kiosk's start screen and its service screen say so instead of a form
  for (const page of ['/ambil/ktp-el', '/kiosk/kios-lobi', '/kiosk/kios-lobi/layanan/ktp-el']) {
    const html = await (await fetch(`${app.base}${page}`)).text();
    expect(html, page).toContain('data-testid="issuing-closed"');
    expect(html, page).toContain(body.error.message.id.split(' (')[0]?.slice(0, 30));
  }
  // a form post without JavaScript comes back to the page with the message
  const client = new Client(app.base);
  await client.fetch('/ambil/ktp-el');
  const post = await client.fetch('/api/tickets', {
    method: 'POST',
    headers: { referer: `${app.base}/ambil/ktp-el` },
    form: { _csrf: client.csrf ?? '', serviceId: 'ktp-el', channel: 'online', priority: 'regular' },
  });
  expect(post.status).toBe(303);
  expect(post.headers.get('location')).toContain(`error=${code}`);
  // nothing was issued
  const db = new (await import('pg')).default.Client({ connectionString: app.databaseUrl });
  await db.connect();
  const count = await db.query('select count(*)::int as n from ticket_detail');
  await db.end();
  expect(count.rows[0].n).toBe(0);
}

describe('issuing outside the opening hours and on holidays (app)', () => {
  const apps: AppProcess[] = [];
  afterAll(async () => {
    for (const app of apps) {
      await app.stop();
      await removeDataDir(app.dataDir);
    }
  });

  it('refuses a ticket when the hours exclude the current time', async () => {
    // every day open for ten hours on the other half of the day from now (an hour's margin)
    const hour = Math.floor(localMoment(ZONE, new Date()).minute / 60);
    const interval =
      hour < 12 ? { open: '13:00', close: '23:00' } : { open: '01:00', close: '11:00' };
    const app = await startWith((doc) => {
      doc.set('openingHours', Object.fromEntries(WEEK.map((d) => [d, [interval]])));
      doc.set('holidays', []);
    });
    apps.push(app);
    await expectRefused(app, 'outside_opening_hours');
  }, 90_000);

  it('refuses a ticket on a holiday today', async () => {
    const app = await startWith((doc) => {
      doc.set(
        'openingHours',
        Object.fromEntries(WEEK.map((d) => [d, [{ open: '00:00', close: '23:59' }]])),
      );
      doc.setIn(['queue', 'ticketCutoffMinutes'], 0);
      doc.set('holidays', [
        { date: localDay(ZONE), name: { id: 'Libur Uji', en: 'Test Holiday' } },
      ]);
    });
    apps.push(app);
    await expectRefused(app, 'holiday');
  }, 90_000);
});
