// Forms post without JavaScript: a server-rendered page (no script at all) is filled in and
// submitted in Chromium with JavaScript disabled, and the server receives every field.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Form,
  I18nProvider,
  NikInput,
  PhoneInput,
  Radios,
  Select,
  Textarea,
  TextInput,
} from '../src/index.js';
import { launchChromium } from './chromium.js';

const css = readFileSync(new URL('../dist/styles.css', import.meta.url), 'utf8');

function page(errors: boolean): string {
  const body = renderToString(
    <I18nProvider locale="id">
      <main className="mpp-root mpp-width-container">
        <Form action="/permohonan">
          {errors ? (
            <ErrorSummary errors={[{ fieldId: 'nik', text: 'NIK harus 16 digit' }]} />
          ) : null}
          <TextInput id="nama" label="Nama lengkap" />
          <NikInput id="nik" label="NIK" error={errors ? 'NIK harus 16 digit' : undefined} />
          <DateInput id="lahir" legend="Tanggal lahir" />
          <PhoneInput id="telepon" label="Telepon" />
          <Select
            id="instansi"
            label="Instansi"
            options={[{ value: 'imigrasi', text: 'Imigrasi' }]}
          />
          <Radios
            id="sesi"
            name="sesi"
            legend="Sesi"
            items={[
              { value: 'pagi', label: 'Pagi' },
              { value: 'siang', label: 'Siang' },
            ]}
          />
          <Checkboxes
            id="bantuan"
            name="bantuan"
            legend="Bantuan"
            items={[
              { value: 'kursi-roda', label: 'Kursi roda' },
              { value: 'pendamping', label: 'Pendamping' },
            ]}
          />
          <Textarea id="catatan" label="Catatan" maxLength={100} />
          <Button>Kirim</Button>
        </Form>
      </main>
    </I18nProvider>,
  );
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Permohonan</title><style>${css}</style></head><body>${body}</body></html>`;
}

let server: Server;
let browser: Browser;
let origin = '';
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === 'POST') {
      let data = '';
      request.on('data', (chunk) => {
        data += chunk;
      });
      request.on('end', () => {
        received.push(data);
        response.writeHead(303, { location: '/?errors=1' }).end();
      });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page(request.url?.includes('errors=1') ?? false));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('forms without JavaScript', () => {
  it('server HTML has no script and the form posts every field', async () => {
    expect(page(false)).not.toContain('<script');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(origin);
    await tab.getByLabel('Nama lengkap').fill('Siti Aminah');
    await tab.getByLabel('NIK').fill('3602041211870001');
    await tab.getByLabel('Tanggal', { exact: true }).fill('12');
    await tab.getByLabel('Bulan').fill('11');
    await tab.getByLabel('Tahun').fill('1987');
    await tab.getByLabel('Telepon').fill('081234567890');
    await tab.getByLabel('Instansi').selectOption('imigrasi');
    await tab.getByLabel('Siang').check();
    await tab.getByLabel('Kursi roda').check();
    await tab.getByLabel('Pendamping').check();
    await tab.getByLabel('Catatan').fill('Membawa anak');
    // Without JavaScript the character count is a static line, still readable.
    await expect(
      tab.getByText('Anda dapat mengetik hingga 100 karakter').isVisible(),
    ).resolves.toBe(true);
    await tab.getByRole('button', { name: 'Kirim' }).click();
    await tab.waitForURL(/errors=1/);
    const fields = new URLSearchParams(received.at(-1));
    expect(Object.fromEntries(fields)).toMatchObject({
      nama: 'Siti Aminah',
      nik: '3602041211870001',
      'lahir-day': '12',
      'lahir-month': '11',
      'lahir-year': '1987',
      telepon: '081234567890',
      instansi: 'imigrasi',
      sesi: 'siang',
      catatan: 'Membawa anak',
    });
    expect(fields.getAll('bantuan')).toEqual(['kursi-roda', 'pendamping']);
    // The error summary link works as a plain anchor.
    await tab.getByRole('link', { name: 'NIK harus 16 digit' }).click();
    expect(tab.url()).toMatch(/#nik$/);
    await context.close();
  }, 30_000);
});
