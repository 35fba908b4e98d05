// The README's examples are the files in test/readme/, byte for byte (checked here), and they
// run: the server page renders and validates, the island hydrates in Chromium.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { BoardIsland } from './readme/board-island.js';
import { renderNikPage } from './readme/server-page.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = (name: string) =>
  readFileSync(new URL(`./readme/${name}`, import.meta.url), 'utf8');

describe('README examples', () => {
  it('are the tested files, verbatim', () => {
    const blocks = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toContain(example('server-page.tsx'));
    expect(blocks).toContain(example('board-island.tsx'));
  });

  it('server page: plain HTML, no script, errors with the title prefix and kept value', () => {
    const fresh = renderNikPage('id');
    expect(fresh).not.toContain('<script');
    expect(fresh).toContain('<title>NIK – MPP Kota Contoh</title>');
    const failed = renderNikPage('id', '3602041211');
    expect(failed).toContain('<title>Kesalahan: NIK – MPP Kota Contoh</title>');
    expect(failed).toContain('NIK harus 16 digit');
    expect(failed).toContain('value="3602041211"');
    expect(renderNikPage('en', 'abc')).toContain('NIK must contain only numbers');
  });
});

describe('README client island', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';
  const calls = [{ id: 'c1', ticket: 'A012', counter: '3' }];

  beforeAll(async () => {
    const bundle = await build({
      stdin: {
        contents: `import { mountBoard } from './readme/board-island.tsx';
          mountBoard(document.getElementById('island'), ${JSON.stringify(calls)});`,
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'tsx',
      },
      bundle: true,
      write: false,
      format: 'esm',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      alias: { '@mpp-kit/ui': new URL('../src/index.ts', import.meta.url).pathname },
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    const html = renderToString(<BoardIsland calls={calls} />);
    server = createServer((request, response) => {
      if (request.url === '/island.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
        return;
      }
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="id"><head><title>Papan</title></head><body><div id="island">${html}</div><script type="module" src="/island.js"></script></body></html>`,
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('hydrates without errors and shows the sound activation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(origin);
    // The server HTML has no button; it appears only once the island has hydrated.
    await page.getByRole('button', { name: 'Aktifkan suara' }).waitFor({ timeout: 10_000 });
    await expect(page.getByText('A012', { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);
});
