import type { APIRoute } from 'astro';
import { json } from '../../shared/http/respond.js';

export const GET: APIRoute = ({ locals }) =>
  json(
    locals.app.catalogue.agencies.flatMap((agency) =>
      agency.services.map((s) => ({
        id: s.id,
        agencyId: agency.id,
        prefix: s.prefix,
        name: s.name,
      })),
    ),
  );
