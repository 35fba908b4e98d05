import type { APIRoute } from 'astro';
import { buildOpenApi } from '../../api/openapi.js';
import { json } from '../../shared/http/respond.js';

export const GET: APIRoute = ({ locals }) =>
  json(buildOpenApi(locals.app.catalogue.config.instance.name));
