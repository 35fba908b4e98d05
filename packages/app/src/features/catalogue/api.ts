import { z } from 'zod';
import { apiRoute } from '../api-route.js';

export const serviceSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  prefix: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
});

/** What the MPP offers, publicly. */
export const CATALOGUE_API = {
  services: apiRoute({
    method: 'GET',
    path: '/api/services',
    summary: 'Services offered, with their agency',
    access: 'public',
    response: z.array(serviceSummarySchema),
    errors: [],
  }),
};
