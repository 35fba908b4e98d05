import type { z } from 'zod';
import type { FileFields } from '../shared/http/body.js';
import type { Permission } from './staff/access-policy.js';

/**
 * Who may call a route: anyone; any signed-in staff member; or staff holding a permission (the
 * handler authorises the scope it finds, or the route declares `scope: 'mpp'`).
 */
export type Access =
  | 'public'
  | 'staff'
  | {
      permission: Permission;
      /** Set when the route always concerns the whole MPP: authorised before the body is read. */
      scope?: 'mpp';
      /** The audit log's action for a refusal at the door (with `scope: 'mpp'`). */
      action?: string;
    };

/**
 * One API route, declared once: the endpoint validates its path parameters and body with these
 * schemas (through `defineEndpoint`), and the OpenAPI document is generated from the same
 * declaration, so the two cannot drift (decision 0118).
 */
export interface ApiRoute<
  Params extends z.ZodObject = z.ZodObject,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: 'GET' | 'POST';
  /** The URL with `{name}` for each path parameter, as OpenAPI writes it. */
  path: `/api/${string}`;
  summary: string;
  access: Access;
  /** Path parameters; each field's `.describe()` documents it. A value refused is a 404. */
  params?: Params;
  /** Query parameters the route reads, documented only (each reader falls back on bad values). */
  query?: Record<string, string>;
  body?: Body;
  /** Multipart file fields the body may carry besides `body`. */
  files?: FileFields;
  /** True when a browser form may post here (answered with a 303 redirect). */
  forms?: boolean;
  /** Status of success; 200 unless the route creates something. */
  status?: 200 | 201;
  /** JSON answer of success; or the media type of a download. */
  response?: z.ZodType | { mediaType: string };
  /** Status codes this route may answer besides success (documented for clients and fuzzing). */
  errors: readonly number[];
}

/** Declares a route, keeping its schemas' types for the endpoint that implements it. */
export function apiRoute<
  Params extends z.ZodObject,
  Body extends z.ZodType | undefined = undefined,
>(route: ApiRoute<Params, Body>): ApiRoute<Params, Body> {
  return route;
}
