import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LogoSource } from '@mpp-kit/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLogo } from './static-files.js';

describe('serveLogo', () => {
  let dir: string;
  let server: Server;
  let logo: LogoSource | undefined;
  let base: string;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'mpp-logo-'));
    await writeFile(path.join(dir, 'logo.svg'), svg);
    server = createServer((_req, res) => void serveLogo(logo, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the configured file with its checked type, sandboxed so an SVG runs no script', async () => {
    logo = { kind: 'file', path: path.join(dir, 'logo.svg'), mediaType: 'image/svg+xml' };
    const response = await fetch(base);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toBe(svg);
  });

  it('answers 404 when no file logo is configured or the file has gone', async () => {
    for (const value of [
      undefined,
      { kind: 'url', url: 'https://contoh.go.id/logo.svg', origin: 'https://contoh.go.id' },
      { kind: 'file', path: path.join(dir, 'gone.svg'), mediaType: 'image/svg+xml' },
    ] as const) {
      logo = value;
      const response = await fetch(base);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
  });
});
