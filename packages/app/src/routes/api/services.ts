import { defineEndpoint } from '../../api/define-endpoint.js';
import { CATALOGUE_API } from '../../features/catalogue/api.js';
import { json } from '../../shared/http/respond.js';

export const GET = defineEndpoint(CATALOGUE_API.services, async ({ app }) =>
  json(
    app.catalogue.agencies.flatMap((agency) =>
      agency.services.map((s) => ({
        id: s.id,
        agencyId: agency.id,
        prefix: s.prefix,
        name: s.name,
      })),
    ),
  ),
);
