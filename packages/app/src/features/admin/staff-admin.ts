import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { ROLES } from '../staff/access-policy.js';
import type { AuthService } from '../staff/auth-service.js';

export const newStaffSchema = z
  .object({
    username: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,39}$/,
        '3–40 huruf kecil, angka, . _ - / 3–40 lowercase letters, digits, . _ -',
      ),
    displayName: z.string().trim().min(2).max(80),
    role: z.enum(ROLES),
    agencyId: z.string().max(64).optional(),
  })
  .strict();

export const roleChangeSchema = z
  .object({
    setRole: z.string().regex(/^[0-9a-f-]{36}$/i, 'id akun tidak valid / invalid account id'),
    role: z.enum(ROLES),
    agencyId: z.string().max(64).optional(),
  })
  .strict();

const accountId = z.string().regex(/^[0-9a-f-]{36}$/i, 'id akun tidak valid / invalid account id');

/** A new password set by the manager; never logged or audited. */
export const passwordResetSchema = z
  .object({
    resetPassword: accountId,
    newPassword: z
      .string()
      .min(12, 'kata sandi paling sedikit 12 karakter / password needs at least 12 characters')
      .max(200, 'kata sandi paling banyak 200 karakter / password of at most 200 characters'),
  })
  .strict();

export const removalSchema = z.object({ remove: accountId }).strict();

export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  locked: boolean;
  removed: boolean;
}

/**
 * Staff accounts for the MPP manager: list, create (random first password), change role and
 * agency, lock, unlock.
 */
export class StaffAdmin {
  constructor(
    private readonly pool: pg.Pool,
    private readonly catalogue: Catalogue,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<StaffRow[]> {
    const r = await this.pool.query<{
      id: string;
      username: string;
      display_name: string;
      role: string;
      agency_id: string | null;
      locked: boolean;
      removed: boolean;
    }>(
      `select id, username, display_name, role, agency_id, coalesce(locked_until > now(), false) as locked,
              removed_at is not null as removed
       from staff order by removed_at nulls first, agency_id nulls first, role, username`,
    );
    return r.rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      agencyId: row.agency_id,
      locked: row.locked,
      removed: row.removed,
    }));
  }

  /** Creates an account; returns its one-time password (shown once, stored only as a hash). */
  async create(
    input: z.infer<typeof newStaffSchema>,
  ): Promise<{ username: string; password: string }> {
    const bound = input.role === 'operator' || input.role === 'agency_admin';
    if (bound && !(input.agencyId && this.catalogue.agency(input.agencyId))) {
      throw new AppError(
        400,
        'agency_required',
        'Peran ini perlu instansi yang dikenal',
        'This role needs a known agency',
      );
    }
    const exists = await this.pool.query('select 1 from staff where username = $1', [
      input.username,
    ]);
    if (exists.rowCount) {
      throw new AppError(
        409,
        'username_taken',
        'Nama pengguna sudah dipakai',
        'That username is taken',
      );
    }
    const password = randomBytes(12).toString('base64url');
    await this.auth.createStaff({
      username: input.username,
      displayName: input.displayName,
      password,
      role: input.role,
      agencyId: bound ? (input.agencyId ?? null) : null,
    });
    return { username: input.username, password };
  }

  /**
   * Gives an account another role (and agency, for the agency-bound roles); its sessions end so
   * the new role applies at the next sign-in. Returns the account before and after, or undefined
   * when there is no such account.
   */
  async setRole(
    input: z.infer<typeof roleChangeSchema>,
  ): Promise<{ username: string; before: RoleOf; after: RoleOf } | undefined> {
    const bound = input.role === 'operator' || input.role === 'agency_admin';
    if (bound && !(input.agencyId && this.catalogue.agency(input.agencyId))) {
      throw new AppError(
        400,
        'agency_required',
        'Peran ini perlu instansi yang dikenal',
        'This role needs a known agency',
      );
    }
    const after: RoleOf = { role: input.role, agencyId: bound ? (input.agencyId ?? null) : null };
    const r = await this.pool.query<{ username: string; role: string; agency_id: string | null }>(
      `update staff s set role = $2, agency_id = $3 from staff old
       where s.id = $1 and old.id = s.id and s.removed_at is null returning s.username, old.role, old.agency_id`,
      [input.setRole, after.role, after.agencyId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    await this.pool.query('delete from staff_session where staff_id = $1', [input.setRole]);
    return {
      username: row.username,
      before: { role: row.role, agencyId: row.agency_id },
      after,
    };
  }

  /** Locks (for 100 years, and ends its sessions) or unlocks an account. */
  async setLocked(id: string, locked: boolean): Promise<string | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.pool.query<{ username: string }>(
      `update staff set locked_until = case when $2 then now() + interval '100 years' end, failed_attempts = 0
       where id = $1 and removed_at is null returning username`,
      [id, locked],
    );
    if (locked) await this.pool.query('delete from staff_session where staff_id = $1', [id]);
    return r.rows[0]?.username;
  }

  /**
   * Sets a new password (argon2id, like every other) for an active account and ends all of its
   * sessions. Returns the username, or undefined when there is no such active account.
   */
  async resetPassword(input: z.infer<typeof passwordResetSchema>): Promise<string | undefined> {
    const hashed = await this.auth.hashPassword(input.newPassword);
    const r = await this.pool.query<{ username: string }>(
      `update staff set password_hash = $2, failed_attempts = 0
       where id = $1 and removed_at is null returning username`,
      [input.resetPassword, hashed],
    );
    await this.pool.query('delete from staff_session where staff_id = $1', [input.resetPassword]);
    return r.rows[0]?.username;
  }

  /**
   * Removes (deactivates) an account: it can no longer sign in and its sessions end; the row stays
   * so the audit log keeps its id. Returns the account as it was, or undefined when there is no
   * such active account.
   */
  async remove(id: string): Promise<({ username: string } & RoleOf) | undefined> {
    const r = await this.pool.query<{ username: string; role: string; agency_id: string | null }>(
      `update staff set removed_at = now() where id = $1 and removed_at is null
       returning username, role, agency_id`,
      [id],
    );
    await this.pool.query('delete from staff_session where staff_id = $1', [id]);
    const row = r.rows[0];
    return row && { username: row.username, role: row.role, agencyId: row.agency_id };
  }
}

interface RoleOf {
  role: string;
  agencyId: string | null;
}
