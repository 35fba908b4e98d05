import { defineEndpoint } from '../../api/define-endpoint.js';
import { buildOpenApi } from '../../api/openapi.js';
import { OPENAPI_API } from '../../api/routes.js';
import { json } from '../../shared/http/respond.js';

export const GET = defineEndpoint(OPENAPI_API.document, async ({ app }) =>
  json(buildOpenApi(app.catalogue.config.instance.name)),
);
