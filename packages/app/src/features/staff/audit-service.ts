import type pg from 'pg';
import type { StaffMember } from './auth-service.js';

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  role: string;
  agencyId: string | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
}

/** Append-only record of every staff action, including refused ones. */
export class AuditService {
  constructor(private readonly pool: pg.Pool) {}

  async record(
    actor:
      | (Pick<StaffMember, 'username' | 'agencyId'> & { id: string | null; role: string })
      | null,
    action: string,
    target: string | null,
    outcome: AuditEntry['outcome'],
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.pool.query(
      `insert into audit_log (staff_id, username, role, agency_id, action, target, outcome, detail)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor?.id ?? null,
        actor?.username ?? '-',
        actor?.role ?? '-',
        // the agency the action concerns, so an agency's log shows what managers did to it
        (typeof detail.agencyId === 'string' ? detail.agencyId : null) ?? actor?.agencyId ?? null,
        action,
        target,
        outcome,
        detail,
      ],
    );
  }

  /** Latest entries; `agencyId` null means all agencies. */
  async list(agencyId: string | null, limit = 100): Promise<AuditEntry[]> {
    const r = await this.pool.query<{
      id: string;
      at: Date;
      username: string;
      role: string;
      agency_id: string | null;
      action: string;
      target: string | null;
      outcome: AuditEntry['outcome'];
    }>(
      `select id, at, username, role, agency_id, action, target, outcome from audit_log
       where ($1::text is null or agency_id = $1) order by id desc limit $2`,
      [agencyId, limit],
    );
    return r.rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      username: row.username,
      role: row.role,
      agencyId: row.agency_id,
      action: row.action,
      target: row.target,
      outcome: row.outcome,
    }));
  }
}
