import type { APIRoute } from 'astro';
import { notFound } from '../../../../../shared/errors.js';
import { authorize, endpoint, json, requireSession } from '../../../../../shared/http/respond.js';

export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const agencyId = context.params.agencyId ?? '';
  if (!context.locals.app.catalogue.agency(agencyId)) throw notFound('Instansi / agency');
  await authorize(context, session, 'audit:view', agencyId, 'view_audit', agencyId);
  return json(await context.locals.app.audit.list(agencyId));
});
