import type { APIRoute } from 'astro';
import { CatalogueAdmin } from '../../../../features/admin/catalogue-admin.js';
import {
  endpoint,
  forbiddenUnless,
  requireSession,
} from '../../../../features/staff/respond-staff.js';
import { notFound } from '../../../../shared/errors.js';

/** The latest imported catalogue revision as one YAML file (re-importable). */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  await forbiddenUnless(context, session, 'admin:manage', null, 'catalogue_export', null);
  const yaml = await new CatalogueAdmin(context.locals.app.pool).exportLatest();
  if (yaml === null) throw notFound('Katalog / catalogue');
  return new Response(yaml, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="katalog.yaml"',
      'cache-control': 'no-store',
    },
  });
});
