import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';
import { AppError } from '../../shared/errors.js';
import type { Role } from './access-policy.js';

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
}

export interface StaffSession {
  staff: StaffMember;
  counterId: string | null;
  expiresAt: string;
}

export const SESSION_HOURS = 10;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const IP_WINDOW_MS = 60_000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Staff sign-in with argon2id hashes, PostgreSQL sessions, rate limiting and lockout. */
export class AuthService {
  private readonly attemptsByIp = new Map<string, number[]>();
  // Verifying against a real hash for unknown users keeps response time from revealing names.
  private dummyHash: Promise<string> | undefined;

  /** @param attemptsPerMinute sign-in attempts allowed per client address per minute */
  constructor(
    private readonly pool: pg.Pool,
    private readonly attemptsPerMinute = 20,
  ) {}

  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  async createStaff(input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    agencyId: string | null;
  }): Promise<StaffMember> {
    const r = await this.pool.query<{ id: string }>(
      `insert into staff (username, display_name, password_hash, role, agency_id)
       values ($1, $2, $3, $4, $5) returning id`,
      [input.username, input.displayName, await hash(input.password), input.role, input.agencyId],
    );
    return {
      id: (r.rows[0] as { id: string }).id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      agencyId: input.agencyId,
    };
  }

  async staffCount(): Promise<number> {
    const r = await this.pool.query<{ n: string }>('select count(*) as n from staff');
    return Number(r.rows[0]?.n ?? 0);
  }

  /**
   * Checks a password. Throws 429 when the address sent too many attempts, 423 while the
   * account is locked (after 5 failures, for 15 minutes) and 401 otherwise.
   */
  async login(
    username: string,
    password: string,
    ip: string,
  ): Promise<{ token: string; staff: StaffMember }> {
    this.throttle(ip);
    const r = await this.pool.query<{
      id: string;
      username: string;
      display_name: string;
      password_hash: string;
      role: Role;
      agency_id: string | null;
      locked: boolean;
    }>(
      `select id, username, display_name, password_hash, role, agency_id,
              coalesce(locked_until > now(), false) as locked
       from staff where username = $1 and removed_at is null`,
      [username],
    );
    const row = r.rows[0];
    // a removed account answers like an unknown name
    if (!row) {
      this.dummyHash ??= hash('not-a-real-password');
      await verify(await this.dummyHash, password).catch(() => false);
      throw invalidLogin();
    }
    if (row.locked) {
      throw new AppError(
        423,
        'locked',
        `Akun dikunci sementara setelah ${MAX_FAILURES} kali gagal; coba lagi dalam ${LOCK_MINUTES} menit`,
        `Account locked after ${MAX_FAILURES} failed attempts; try again in ${LOCK_MINUTES} minutes`,
      );
    }
    const ok = await verify(row.password_hash, password).catch(() => false);
    if (!ok) {
      await this.pool.query(
        `update staff set failed_attempts = failed_attempts + 1,
           locked_until = case when failed_attempts + 1 >= $2 then now() + make_interval(mins => $3) end
         where id = $1`,
        [row.id, MAX_FAILURES, LOCK_MINUTES],
      );
      throw invalidLogin();
    }
    await this.pool.query(
      'update staff set failed_attempts = 0, locked_until = null where id = $1',
      [row.id],
    );
    const token = randomBytes(32).toString('base64url');
    await this.pool.query(
      `insert into staff_session (token_hash, staff_id, expires_at)
       values ($1, $2, now() + make_interval(hours => $3))`,
      [tokenHash(token), row.id, SESSION_HOURS],
    );
    return {
      token,
      staff: {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        agencyId: row.agency_id,
      },
    };
  }

  async session(token: string | undefined): Promise<StaffSession | null> {
    if (!token || token.length > 100) return null;
    const r = await this.pool.query<{
      id: string;
      username: string;
      display_name: string;
      role: Role;
      agency_id: string | null;
      counter_id: string | null;
      expires_at: Date;
    }>(
      `select s.id, s.username, s.display_name, s.role, s.agency_id, ss.counter_id, ss.expires_at
       from staff_session ss join staff s on s.id = ss.staff_id
       where ss.token_hash = $1 and ss.expires_at > now() and s.removed_at is null`,
      [tokenHash(token)],
    );
    const row = r.rows[0];
    if (!row) return null;
    return {
      staff: {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        agencyId: row.agency_id,
      },
      counterId: row.counter_id,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  async setCounter(token: string, counterId: string | null): Promise<void> {
    await this.pool.query('update staff_session set counter_id = $2 where token_hash = $1', [
      tokenHash(token),
      counterId,
    ]);
  }

  async logout(token: string): Promise<void> {
    await this.pool.query('delete from staff_session where token_hash = $1', [tokenHash(token)]);
  }

  async purgeExpiredSessions(): Promise<void> {
    await this.pool.query('delete from staff_session where expires_at < now()');
  }

  private throttle(ip: string): void {
    const now = Date.now();
    const recent = (this.attemptsByIp.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS);
    if (recent.length >= this.attemptsPerMinute) {
      throw new AppError(
        429,
        'rate_limited',
        'Terlalu banyak percobaan masuk; tunggu satu menit',
        'Too many sign-in attempts; wait a minute',
      );
    }
    recent.push(now);
    this.attemptsByIp.set(ip, recent);
    if (this.attemptsByIp.size > 10_000) this.attemptsByIp.clear();
  }
}

function invalidLogin(): AppError {
  return new AppError(
    401,
    'invalid_login',
    'Nama pengguna atau kata sandi salah',
    'Wrong username or password',
  );
}
