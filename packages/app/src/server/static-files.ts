import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { LogoSource } from '@mpp-kit/config';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves Astro's client build (hashed `/_astro/*` files are immutable). Returns false when
 * the path is not a file there, so the request goes on to the pages.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root + path.sep)) return false;
  const type = TYPES[path.extname(file)];
  if (!type) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': type,
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'cache-control': pathname.startsWith('/_astro/')
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
  return true;
}

/**
 * Serves the logo file named in the configuration at `LOGO_PATH`, with the content type checked by
 * @mpp-kit/config. An SVG opened on its own must not run scripts in the app's origin, so it is
 * sandboxed by its own content security policy.
 */
export async function serveLogo(logo: LogoSource | undefined, res: ServerResponse): Promise<void> {
  const info = logo?.kind === 'file' ? await stat(logo.path).catch(() => undefined) : undefined;
  if (logo?.kind !== 'file' || !info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': logo.mediaType,
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'cache-control': 'public, max-age=3600',
  });
  createReadStream(logo.path).pipe(res);
}
