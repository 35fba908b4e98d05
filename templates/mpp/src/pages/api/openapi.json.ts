import type { APIRoute } from 'astro';
import { json } from '../../app/respond.js';
import { buildOpenApi } from '../../lib/openapi.js';

export const GET: APIRoute = ({ locals }) =>
  json(buildOpenApi(locals.app.catalogue.config.instance.name));
