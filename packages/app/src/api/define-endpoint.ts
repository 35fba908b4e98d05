import type { APIContext, APIRoute } from 'astro';
import type { z } from 'zod';
import type { ApiRoute } from '../features/api-route.js';
import type { AppContext } from '../features/app-context.js';
import {
  agencyScope,
  type Permission,
  type Scope,
  WHOLE_MPP,
} from '../features/staff/access-policy.js';
import type { StaffSession } from '../features/staff/auth-service.js';
import { authorize } from '../features/staff/authorize.js';
import { AppError } from '../shared/errors.js';
import { readRawBody, type UploadedFile, validate } from '../shared/http/body.js';
import { errorResponse } from '../shared/http/respond.js';

/** What a handler receives: the request already read, validated and (for staff) signed in. */
export interface EndpointInput<R extends ApiRoute> {
  context: APIContext;
  app: AppContext;
  params: z.output<NonNullable<R['params']>>;
  body: [NonNullable<R['body']>] extends [never] ? undefined : z.output<NonNullable<R['body']>>;
  files: UploadedFile[];
  session: R['access'] extends 'public' ? StaffSession | null : StaffSession;
  /**
   * Requires the route's permission (or `permission`) on an agency or the whole MPP; a refusal
   * is audited under `action` and `target` and answered 403.
   */
  authorize(
    scope: Scope | string,
    audited: { action: string; target: string | null },
    permission?: Permission,
  ): Promise<void>;
}

const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');

/**
 * The one shape of an API endpoint: signs in (401), reads the path parameters (404 naming the
 * one refused) and the body (form or JSON, 400 naming each field) with the route's declared
 * schemas, authorises with `can` when the route's scope is the whole MPP, runs the handler, and
 * answers an AppError with 4xx JSON, or with a redirect to `back` for a form post.
 */
export function defineEndpoint<R extends ApiRoute>(
  route: R,
  handler: (input: EndpointInput<R>) => Promise<Response>,
  options: { back?: (context: APIContext) => string } = {},
): APIRoute {
  const declared = typeof route.access === 'object' ? route.access : undefined;
  return async (context) => {
    try {
      const app = context.locals.app;
      const session = context.locals.session;
      if (route.access !== 'public' && !session) throw unauthenticated();
      const params = readParams(route, context.params);
      const staffAuthorize: EndpointInput<R>['authorize'] = async (scope, audited, permission) => {
        const wanted = permission ?? declared?.permission;
        if (!session || !wanted) throw new Error(`${route.path}: no permission to authorise`);
        await authorize(
          app.audit,
          session.staff,
          wanted,
          typeof scope === 'string' ? agencyScope(scope) : scope,
          audited,
        );
      };
      if (declared?.scope === 'mpp')
        await staffAuthorize(WHOLE_MPP, {
          action: declared.action ?? auditAction(route),
          target: null,
        });
      let body: unknown;
      let files: UploadedFile[] = [];
      if (route.body) {
        const raw = await readRawBody(context.request, route.files);
        body = validate(route.body, raw.fields);
        files = raw.files;
      }
      return await handler({
        context,
        app,
        params: params as EndpointInput<R>['params'],
        body: body as EndpointInput<R>['body'],
        files,
        session: session as EndpointInput<R>['session'],
        authorize: staffAuthorize,
      });
    } catch (error) {
      return errorResponse(context, error, options.back?.(context));
    }
  };
}

function readParams(route: ApiRoute, raw: Record<string, string | undefined>): unknown {
  if (!route.params) return {};
  const result = route.params.safeParse(raw);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0] ?? 'path');
  throw new AppError(404, 'not_found', `${name} tidak ditemukan`, `${name} not found`);
}

/** The audit action of a refusal at the door: the route's last static path segment. */
function auditAction(route: ApiRoute): string {
  const segments = route.path.split('/').filter((s) => s && !s.startsWith('{'));
  return `${route.method.toLowerCase()}_${(segments.at(-1) ?? 'api').replace(/\W+/g, '_')}`;
}
