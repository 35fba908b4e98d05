import { z } from 'zod';
import { apiRoute } from '../api-route.js';

/** Staff sign-in and the audit log. */

export const loginSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const auditSchema = z.array(
  z.object({
    id: z.number(),
    at: z.string(),
    username: z.string(),
    role: z.string(),
    agencyId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'failed']),
  }),
);

export const STAFF_API = {
  login: apiRoute({
    method: 'POST',
    path: '/api/staff/login',
    summary: 'Staff sign-in; sets the session cookie',
    access: 'public',
    body: loginSchema,
    forms: true,
    errors: [400, 401, 403, 423, 429],
  }),
  logout: apiRoute({
    method: 'POST',
    path: '/api/staff/logout',
    summary: 'Ends the session',
    access: 'staff',
    forms: true,
    errors: [401, 403],
  }),
  audit: apiRoute({
    method: 'GET',
    path: '/api/staff/agencies/{agencyId}/audit',
    summary: "An agency's audit log",
    access: { permission: 'audit:view' },
    params: z.object({ agencyId: z.string().min(1).max(80).describe('agency id') }),
    response: auditSchema,
    errors: [401, 403, 404],
  }),
};
