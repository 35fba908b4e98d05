// The extension points a regional team uses without forking, checked on built and running
// projects: test/projects/extended (every override, a page and a migration of its own) and
// test/project (nothing changed), each started with `mpp-app start` in its own folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  Client,
  removeDataDir,
  signedIn,
  startApp,
} from './support/app-process.js';
import { launchChromium } from './support/browser.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extendedDir = path.join(packageDir, 'test/projects/extended');

let extended: AppProcess;
let standard: AppProcess;

beforeAll(async () => {
  // test/project is built by the package's test script; the extended project is built here
  const build = spawnSync(
    process.execPath,
    [
      path.join(packageDir, 'test/support/build-project.mjs'),
      'test/projects/extended',
      'test/project',
    ],
    { encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}${build.stderr}`);
  [extended, standard] = await Promise.all([startApp({ project: extendedDir }), startApp()]);
}, 300_000);

afterAll(async () => {
  for (const app of [extended, standard]) {
    if (!app) continue;
    await app.stop();
    await removeDataDir(app.dataDir);
  }
});

const page = async (app: AppProcess, pathname: string) => {
  const res = await fetch(`${app.base}${pathname}`);
  expect(res.status, pathname).toBe(200);
  return res.text();
};

/** Takes a ticket at a kiosk, as its form does, and returns the print page it is sent to. */
async function printedTicket(app: AppProcess): Promise<string> {
  const kiosk = new Client(app.base);
  await kiosk.fetch('/kiosk/kios-lobi/layanan/ktp-el');
  const res = await kiosk.fetch('/api/tickets', {
    method: 'POST',
    form: {
      _csrf: kiosk.csrf ?? '',
      serviceId: 'ktp-el',
      channel: 'kiosk',
      kioskId: 'kios-lobi',
      priority: 'regular',
    },
  });
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/kiosk\/kios-lobi\/cetak\//);
  return (await kiosk.fetch(location)).text();
}

/** The JavaScript of an island as the browser loads it: its module and every module it imports. */
async function islandCode(app: AppProcess, html: string, component: string): Promise<string> {
  const url = new RegExp(`component-url="(/_astro/${component}\\.[\\w-]+\\.js)"`).exec(html)?.[1];
  expect(url, `the ${component} island`).toBeDefined();
  const seen = new Set<string>();
  const load = async (href: string): Promise<string> => {
    if (seen.has(href)) return '';
    seen.add(href);
    const code = await page(app, href);
    const imports = [...code.matchAll(/(?:from|import)\s*\(?\s*"(\.\/[\w.-]+\.js)"/g)].map(
      (m) => new URL(m[1] as string, `http://x${href}`).pathname,
    );
    return [code, ...(await Promise.all(imports.map(load)))].join('\n');
  };
  return load(url as string);
}

describe('a project that uses every extension point', () => {
  it('serves its HomeIntro on the home page', async () => {
    const home = await page(extended, '/');
    expect(home).toContain('data-override="HomeIntro">Selamat datang di MPP Kota Contoh.');
  });

  it('serves its Header (wrapping the default) and its own Footer on every site page', async () => {
    const hours = await page(extended, '/jam-layanan?lang=en');
    expect(hours).toContain('data-override="Header">Layanan tutup pada 17 Agustus.');
    // the wrapped default header is still there, after the notice
    expect(hours.indexOf('data-override="Header"')).toBeLessThan(
      hours.indexOf('<header class="site no-print">'),
    );
    expect(hours).toContain('class="lang-switch"');
    expect(hours).toContain('data-override="Footer"');
    expect(hours).toContain('(021) 555-0100');
  });

  it('prints its TicketPrint at the kiosk', async () => {
    const print = await printedTicket(extended);
    expect(print).toContain('data-override="TicketPrint"');
    expect(print).toMatch(/class="city-ticket__number">[A-Z]+-?\d{3}</);
    // the default ticket's QR code image is not printed (its stylesheet still is, with the route)
    expect(print).not.toMatch(/<img[^>]*mpp-ticket__qr/);
  });

  it('frames the board with its BoardFrame, and ships its Announcement wording to the board in the browser', async () => {
    const board = await page(extended, '/board/layar-utara');
    expect(board).toContain('data-override="BoardFrame"');
    expect(board).toContain('Siapkan KTP-el Anda.');
    expect(board.indexOf('data-override="BoardFrame"')).toBeLessThan(
      board.indexOf('<astro-island'),
    );
    const code = await islandCode(extended, board, 'Board');
    expect(code).toContain('(Kota Contoh)');
    // the wrapped default wording comes along
    expect(code).toContain('silakan ke loket');
  });

  it('speaks a call on the board in Chromium with its Announcement wording, wrapping the default', async () => {
    const browser = await launchChromium();
    try {
      const board = await browser.newPage();
      // record what the board hands to the browser's speech engine (and still speak it)
      await board.addInitScript(() => {
        const w = window as unknown as { __spoken: string[] };
        w.__spoken = [];
        const synth = window.speechSynthesis;
        const speak = synth.speak.bind(synth);
        synth.speak = (u: SpeechSynthesisUtterance) => {
          w.__spoken.push(`${u.lang}|${u.text}`);
          speak(u);
        };
      });
      await board.goto(`${extended.base}/board/layar-utara?suara=1`);
      await board.waitForFunction(() => document.documentElement.dataset.boardReady === 'true');
      const issued = await fetch(`${extended.base}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 'skck' }),
      });
      expect(issued.status).toBe(201);
      const manager = await signedIn(extended, 'manajer');
      expect((await manager.post('/api/staff/counters/loket-05/call-next')).status).toBe(200);
      await board.waitForFunction(
        () => (window as unknown as { __spoken: string[] }).__spoken.length >= 2,
        null,
        { timeout: 15_000 },
      );
      const spoken = await board.evaluate(
        () => (window as unknown as { __spoken: string[] }).__spoken,
      );
      expect(spoken[0]).toMatch(
        /^id-ID\|Perhatian \(Kota Contoh\)\. Nomor antrean .*, silakan ke loket lima$/,
      );
      expect(spoken[1]).toMatch(
        /^en-US\|Attention please \(Kota Contoh\)\. Ticket .*, please go to counter/,
      );
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('serves a page of its own in the app layout', async () => {
    const map = await page(extended, '/denah');
    expect(map).toContain('data-page="denah">Denah gedung</h1>');
    expect(map).toContain('<title>Denah gedung · ');
    expect(map).toContain('data-override="Header"');
    expect(map).toContain('data-override="Footer"');
  });

  it('applies its own migration after the package’s, recorded as project/<file>', async () => {
    const client = new pg.Client({ connectionString: extended.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'select name from schema_migration order by applied_at, name',
      );
      const names = rows.map((r) => r.name);
      expect(names.at(-1)).toBe('project/0001_building_floor.sql');
      expect(names).toContain('0107_staff_removed.sql');
      const floors = await client.query('select counter_id, floor from building_floor');
      expect(floors.rows).toEqual([{ counter_id: 'loket-01', floor: 1 }]);
    } finally {
      await client.end();
    }
  });
});

describe('a project page at a URL of the app', () => {
  it('fails the build with a message naming the page', () => {
    const build = spawnSync(
      process.execPath,
      [path.join(packageDir, 'test/support/build-project.mjs'), 'test/projects/collision'],
      { encoding: 'utf8' },
    );
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toContain(
      'halaman proyek memakai alamat halaman aplikasi / project pages use URLs of the app:\n  /jam-layanan: src/pages/jam-layanan.astro ↔ @mpp-kit/app jam-layanan.astro',
    );
  });
});

describe('a project with no override', () => {
  it('serves the default header, home introduction and footer', async () => {
    const home = await page(standard, '/');
    expect(home).not.toContain('data-override');
    expect(home).toContain('<header class="site no-print">');
    expect(home).toMatch(/<h1>MPP Kota Contoh<\/h1>\s*<p>/);
    expect(home).toContain('<footer class="site">');
    expect((await fetch(`${standard.base}/denah`)).status).toBe(404);
  });

  it('prints the default ticket and draws the board without a frame', async () => {
    const print = await printedTicket(standard);
    expect(print).toMatch(/<img[^>]*mpp-ticket__qr/);
    expect(print).not.toContain('data-override');
    const board = await page(standard, '/board/layar-utara');
    expect(board).not.toContain('data-override');
    const code = await islandCode(standard, board, 'Board');
    expect(code).not.toContain('(Kota Contoh)');
  });
});
