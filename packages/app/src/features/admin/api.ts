import { z } from 'zod';
import { apiRoute } from '../api-route.js';
import { overlayChangeSchema } from './admin-overlay.js';

/** Administration: the running configuration, the catalogue export, personal-data requests. */

export const personalDataSchema = z
  .object({
    contact: z.string().trim().min(5).max(200),
    action: z.enum(['export', 'erase']),
  })
  .strict();

export const ADMIN_API = {
  personalData: apiRoute({
    method: 'POST',
    path: '/api/staff/admin/personal-data',
    summary:
      'UU PDP: exports (JSON download) or erases the contact details of one person (manager)',
    access: { permission: 'admin:manage', scope: 'mpp', action: 'personal_data' },
    body: personalDataSchema,
    forms: true,
    errors: [400, 401, 403],
  }),
  catalogueExport: apiRoute({
    method: 'GET',
    path: '/api/staff/admin/catalogue.yaml',
    summary: 'The latest imported service catalogue revision as one YAML file (manager)',
    access: { permission: 'admin:manage', scope: 'mpp', action: 'catalogue_export' },
    response: { mediaType: 'application/yaml' },
    errors: [401, 403, 404],
  }),
  config: apiRoute({
    method: 'GET',
    path: '/api/staff/admin/config',
    summary:
      'Agencies, services and counters as they run: mpp.config.yaml with the administrators’ changes (manager, auditor; an agency admin sees their own agency)',
    access: { permission: 'config:view', scope: 'mpp', action: 'admin_view' },
    errors: [401, 403],
  }),
  changeConfig: apiRoute({
    method: 'POST',
    path: '/api/staff/admin/config',
    summary:
      'One change: an agency added, renamed or switched off/on, a service (open/closed, daily cap), a counter (add/change/remove) or the opening hours; validated by @mpp-kit/config and applied to the running queue; 400 lists the configuration paths refused, 409 when a counter to remove holds a ticket or the last agency would be switched off (manager; an agency admin for their own agency’s services and counters)',
    access: { permission: 'config:change' },
    body: overlayChangeSchema,
    errors: [400, 401, 403, 409],
  }),
};
