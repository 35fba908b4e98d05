import { ADMIN_API } from '../features/admin/api.js';
import { ANALYTICS_API } from '../features/analytics/api.js';
import { type ApiRoute, apiRoute } from '../features/api-route.js';
import { CATALOGUE_API } from '../features/catalogue/api.js';
import { COMPLAINTS_API } from '../features/complaints/api.js';
import { QUEUE_API } from '../features/queue/api.js';
import { STAFF_API } from '../features/staff/api.js';
import { SURVEY_API } from '../features/survey/api.js';

/** The API's own description. */
export const OPENAPI_API = {
  document: apiRoute({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    access: 'public',
    errors: [],
  }),
};

/**
 * Every route under `src/routes/api/`, each feature's declarations collected: a new feature adds
 * its `api.ts` here. A test checks this list against the route files, both ways.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  OPENAPI_API,
  CATALOGUE_API,
  QUEUE_API,
  STAFF_API,
  SURVEY_API,
  COMPLAINTS_API,
  ANALYTICS_API,
  ADMIN_API,
].flatMap((feature) => Object.values(feature) as ApiRoute[]);
