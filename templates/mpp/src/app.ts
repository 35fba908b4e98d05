import { createServer, type Server } from 'node:http';
import { renderHomePage } from './home-page.js';

/** Creates the HTTP server of the demo instance (not yet listening). */
export function createApp(): Server {
  const page = renderHomePage({ name: 'MPP Kota Contoh', regionCode: '35.99' });
  return createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
      return;
    }
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Halaman tidak ditemukan / Page not found');
  });
}
