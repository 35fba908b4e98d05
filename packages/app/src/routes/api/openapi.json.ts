import type { APIRoute } from 'astro';
import { json } from '../../shared/http/respond.js';
import { buildOpenApi } from '../../api/openapi.js';

export const GET: APIRoute = ({ locals }) =>
  json(buildOpenApi(locals.app.catalogue.config.instance.name));
