import type { APIRoute } from 'astro';
import { administer } from '../../../../features/admin/admin-change.js';
import { agenciesOff, overlayChangeSchema } from '../../../../features/admin/admin-overlay.js';
import { canAdminister } from '../../../../features/admin/admin-policy.js';
import { forbidden } from '../../../../shared/errors.js';
import { endpoint, json, readBody, requireSession } from '../../../../shared/http/respond.js';

/**
 * Agencies, services and counters as they run (the file with the administrators' changes,
 * decision 0066). Agency admins see their own agency; the manager and the auditor all.
 */
export const GET: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const { app } = context.locals;
  if (!canAdminister(session.staff, 'config:view', null)) {
    await app.audit.record(session.staff, 'admin_view', null, 'denied');
    throw forbidden();
  }
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
export const POST: APIRoute = endpoint(async (context) => {
  const session = requireSession(context);
  const change = await readBody(context.request, overlayChangeSchema);
  const result = await administer(context.locals.app, session, change);
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
