import { defineEndpoint } from '../../../../api/define-endpoint.js';
import { administer } from '../../../../features/admin/admin-change.js';
import { agenciesOff } from '../../../../features/admin/admin-overlay.js';
import { ADMIN_API } from '../../../../features/admin/api.js';
import { json } from '../../../../shared/http/respond.js';

/**
 * Agencies, services and counters as they run (the file with the administrators' changes,
 * decision 0066). Agency admins see their own agency; the manager and the auditor all.
 */
export const GET = defineEndpoint(ADMIN_API.config, async ({ app, session }) => {
  const own = session.staff.role === 'agency_admin' ? session.staff.agencyId : null;
  const { version, overlay } = await app.adminConfig.current();
  const off = agenciesOff(overlay);
  const catalogue = app.catalogue;
  return json({
    version,
    agencies: catalogue.agencies
      .filter((a) => own === null || a.id === own)
      .map((a) => ({
        id: a.id,
        name: a.name,
        off: off.has(a.id),
        services: a.services.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          offered: s.offered,
          dailyCap: s.dailyCap ?? null,
        })),
      })),
    counters: catalogue.config.counters
      .filter((c) => own === null || c.agency === own)
      .map((c) => ({
        id: c.id,
        number: c.number,
        label: c.label,
        agency: c.agency,
        zone: c.zone,
        floor: c.floor,
        priority: c.priority,
        services: c.services,
      })),
  });
});

/**
 * One change (`kind`: agency, agency-add, agency-state, service, counter, counter-remove, hours).
 * 200 with the new version; 400 with `errors` naming each field of the configuration when the
 * result would be invalid; 409 when a counter to remove holds a ticket or the last agency still
 * on would be switched off. Nothing is stored unless it was applied.
 */
export const POST = defineEndpoint(ADMIN_API.changeConfig, async ({ app, session, body }) => {
  const result = await administer(app, session, body);
  if (result.ok)
    return json({ version: result.version, before: result.before, after: result.after });
  return json(
    {
      error: {
        code:
          result.status !== 409
            ? 'invalid_config'
            : result.errors[0]?.path.startsWith('tenants.')
              ? 'last_agency'
              : 'counter_busy',
        message: {
          id: `Perubahan ditolak: ${result.errors.map((e) => `${e.path}: ${e.id}`).join('; ')}`,
          en: `Change refused: ${result.errors.map((e) => `${e.path}: ${e.en}`).join('; ')}`,
        },
        errors: result.errors,
      },
    },
    result.status,
  );
});
