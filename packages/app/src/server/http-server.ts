import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AppContext } from '../features/app-context.js';
import type { EventHub } from '../features/queue/event-hub.js';
import type { QueueEvent } from '../features/queue/queue-service.js';
import { agencyScope, can } from '../features/staff/access-policy.js';
import { LOGO_PATH } from '../shared/brand-style.js';
import { parseCookies, SESSION_COOKIE } from '../shared/http/cookies.js';
import type { createMetrics } from './metrics.js';
import { replayPoint, type SseConnections, serveEventStream } from './sse.js';
import { serveLogo, serveStatic } from './static-files.js';

type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
  locals: object,
) => Promise<void> | void;

/** Events a display board follows. */
const BOARD_KINDS = new Set<QueueEvent['kind']>([
  'called',
  'recalled',
  'resumed',
  'finished',
  'no_show',
  'parked',
  'transferred',
]);

export interface HttpServerOptions {
  /** The context of the site a request is for, by its Host header. */
  siteFor: (host: string | undefined) => AppContext;
  logger: Logger;
  hub: EventHub;
  connections: SseConnections;
  metrics: ReturnType<typeof createMetrics>;
  astro: AstroHandler;
  clientDir: string;
  isReady: () => Promise<boolean>;
}

/** Route groups for metrics and logs: never the raw path, which may hold a ticket code. */
function routeGroup(pathname: string): string {
  const [, first = '', second = ''] = pathname.split('/');
  if (first === 'api') return `/api/${second}`;
  if (first === '_astro') return '/_astro';
  return `/${first}`;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The process's HTTP server: operations endpoints, SSE streams, static files, then Astro. */
export function createHttpServer(options: HttpServerOptions): Server {
  const { hub, connections, metrics, logger } = options;
  return createServer(async (req, res) => {
    const app = options.siteFor(req.headers.host);
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeGroup(url.pathname);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe(
        { method: req.method ?? 'GET', route, status: res.statusCode },
        seconds,
      );
      if (route !== '/_astro' && route !== '/healthz' && route !== '/metrics') {
        logger.info(
          { method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
          'request',
        );
      }
    });
    try {
      if (url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (url.pathname === '/readyz') {
        const ready = await options.isReady();
        res
          .writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' })
          .end(ready ? 'ready' : 'not ready');
        return;
      }
      if (url.pathname === '/metrics') {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
        return;
      }
      if (url.pathname.startsWith('/api/events/') && req.method === 'GET') {
        await serveEvents(app, req, res, url);
        return;
      }
      if (url.pathname === LOGO_PATH && req.method === 'GET') {
        await serveLogo(app.catalogue.config.logo, res);
        return;
      }
      if (req.method === 'GET' && (await serveStatic(options.clientDir, url.pathname, res))) return;
      // a path Astro cannot decode (`/layanan/%E0%A4%A`) matches no page: the 404 page, quietly
      // (Astro would log an error for every such request)
      if (!decodable(url.pathname)) req.url = '/404';
      await options.astro(
        req,
        res,
        () => {
          // no page matched: render the app's own 404 page (with its locals) instead
          req.url = '/404';
          void options.astro(
            req,
            res,
            () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
            { app },
          );
        },
        { app },
      );
    } catch (error) {
      logger.error({ err: (error as Error).message, route }, 'request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    }
  });

  async function serveEvents(
    app: AppContext,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const [, , , kind = '', id = ''] = url.pathname.split('/');
    const since = replayPoint(req, url);
    const base = { hub, queue: app.queue, connections, since };
    if (kind === 'board') {
      const board = app.catalogue.config.boards.find((b) => b.id === id);
      if (!board) return notFound(res);
      const agencies = new Set(board.agencies);
      await serveEventStream(req, res, {
        ...base,
        replayAgencies: board.agencies,
        // calls, and what frees a counter (its row on the board goes blank)
        accepts: (e) => agencies.has(e.agencyId) && BOARD_KINDS.has(e.kind),
      });
      return;
    }
    if (kind === 'ticket') {
      const ticket = await app.queue.byCode(id);
      if (!ticket) return notFound(res);
      // Any change in the ticket's service may move it; its own events follow it on transfer.
      let serviceId = ticket.serviceId;
      await serveEventStream(req, res, {
        ...base,
        replayAgencies: null,
        accepts: (e) => {
          if (e.ticketId === ticket.id) {
            serviceId = e.serviceId;
            return true;
          }
          return e.serviceId === serviceId;
        },
      });
      return;
    }
    if (kind === 'agency') {
      const session = await app.auth.session(parseCookies(req.headers.cookie)[SESSION_COOKIE]);
      if (!session) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"error":{"code":"unauthenticated"}}');
        return;
      }
      if (!app.catalogue.agency(id)) return notFound(res);
      if (!can(session.staff, 'queue:view', agencyScope(id))) {
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end('{"error":{"code":"forbidden"}}');
        return;
      }
      await serveEventStream(req, res, {
        ...base,
        replayAgencies: [id],
        accepts: (e) => e.agencyId === id,
      });
      return;
    }
    notFound(res);
  }
}

function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  id: string,
  en: string,
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ error: { code, message: { id, en } } }));
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, 'not_found', 'Tidak ditemukan', 'Not found');
}
