import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { ADMIN_API } from '../../../../features/admin/api.js';
import { notFound } from '../../../../shared/errors.js';

/** The latest imported catalogue revision as one YAML file (re-importable). */
export const GET = defineEndpoint(ADMIN_API.catalogueExport, async ({ app }) => {
  const yaml = await app.catalogueAdmin.exportLatest();
  if (yaml === null) throw notFound('Katalog / catalogue');
  return new Response(yaml, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="katalog.yaml"',
      'cache-control': 'no-store',
    },
  });
});
