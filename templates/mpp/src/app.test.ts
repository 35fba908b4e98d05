import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';

describe('demo app', () => {
  const server = createApp();
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the home page in Bahasa Indonesia with no script', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('MPP Kota Contoh');
    expect(html).not.toContain('<script');
  });

  it('answers unknown paths with 404 in both languages', async () => {
    const res = await fetch(`${base}/tidak-ada`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });
});
