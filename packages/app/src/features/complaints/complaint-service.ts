import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { transaction } from '../../shared/database/transaction.js';
import { AppError, notFound } from '../../shared/errors.js';
import {
  addWorkingDays,
  UTC_WEEKDAYS,
  type WorkingCalendar,
} from '../../shared/time/working-days.js';
import {
  type AttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  safeFilename,
  sniffAttachmentType,
} from './attachment-type.js';
import {
  type ComplaintCategory,
  type ComplaintStatus,
  canMove,
  currentDeadline,
  DEADLINE_DAYS,
  type Deadline,
} from './complaint-workflow.js';

export interface NewComplaint {
  category: ComplaintCategory;
  agencyId: string;
  serviceId?: string | undefined;
  description: string;
  anonymous: boolean;
  contactName?: string | undefined;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What the citizen sees when tracking: no contact details, no staff names. */
export interface ComplaintTracking {
  trackingCode: string;
  category: ComplaintCategory;
  agencyId: string;
  serviceId: string | null;
  status: ComplaintStatus;
  receivedAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  answer: string | null;
  deadline: { step: Deadline['step']; due: string; overdue: boolean } | null;
}

export interface ComplaintDetail extends ComplaintTracking {
  id: string;
  description: string;
  anonymous: boolean;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  events: { at: string; actor: string; from: string | null; to: string; note: string | null }[];
  attachments: { id: string; filename: string; mediaType: AttachmentType; size: number }[];
}

interface Row {
  id: string;
  tracking_code: string;
  category: ComplaintCategory;
  agency_id: string;
  service_id: string | null;
  description: string;
  anonymous: boolean;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  status: ComplaintStatus;
  received_at: Date;
  verified_at: Date | null;
  forwarded_at: Date | null;
  answered_at: Date | null;
  closed_at: Date | null;
  answer: string | null;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** ADU-XXXX-XXXX: 40 random bits in letters that cannot be misread (no 0/O, 1/I). */
export function newTrackingCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 32];
  return `ADU-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Normalises what a citizen types ("adu xxxx xxxx") into the stored form. */
export function normaliseTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /^ADU([A-Z2-9]{8})$/.exec(compact);
  return m ? `ADU-${m[1]?.slice(0, 4)}-${m[1]?.slice(4)}` : undefined;
}

function tracking(row: Row, now: Date, calendar: WorkingCalendar): ComplaintTracking {
  const d = currentDeadline(
    {
      status: row.status,
      receivedAt: row.received_at,
      verifiedAt: row.verified_at,
      forwardedAt: row.forwarded_at,
      answeredAt: row.answered_at,
    },
    now,
    calendar,
  );
  return {
    trackingCode: row.tracking_code,
    category: row.category,
    agencyId: row.agency_id,
    serviceId: row.service_id,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    answer: row.answer,
    deadline: d ? { step: d.step, due: d.due.toISOString(), overdue: d.overdue } : null,
  };
}

const STAMP: Partial<Record<ComplaintStatus, string>> = {
  verified: 'verified_at',
  forwarded: 'forwarded_at',
  answered: 'answered_at',
  closed: 'closed_at',
};

/** Complaints (pengaduan): filing, tracking, the staff workflow and personal-data handling. */
export class ComplaintService {
  constructor(
    private readonly pool: pg.Pool,
    /** Working days for deadlines: the instance's time zone and configured holidays. */
    private readonly calendar: WorkingCalendar = UTC_WEEKDAYS,
  ) {}

  /** Files a complaint; attachments are checked by content, not by name. */
  async file(input: NewComplaint, files: UploadedFile[]): Promise<string> {
    if (files.length > MAX_ATTACHMENTS) {
      throw new AppError(
        400,
        'too_many_files',
        `Paling banyak ${MAX_ATTACHMENTS} lampiran`,
        `At most ${MAX_ATTACHMENTS} attachments`,
      );
    }
    const checked = files.map((f) => {
      if (f.bytes.length === 0 || f.bytes.length > MAX_ATTACHMENT_BYTES) {
        throw new AppError(
          400,
          'file_size',
          `Lampiran "${f.name.slice(0, 80)}" harus 1 B – 2 MB`,
          `Attachment "${f.name.slice(0, 80)}" must be 1 B – 2 MB`,
        );
      }
      const type = sniffAttachmentType(f.bytes);
      if (!type) {
        throw new AppError(
          400,
          'file_type',
          `Lampiran "${f.name.slice(0, 80)}" harus JPEG, PNG atau PDF`,
          `Attachment "${f.name.slice(0, 80)}" must be JPEG, PNG or PDF`,
        );
      }
      return { type, name: safeFilename(f.name, type), bytes: f.bytes };
    });
    const code = newTrackingCode();
    const keep = !input.anonymous;
    await transaction(this.pool, async (client) => {
      const r = await client.query<{ id: string }>(
        `insert into complaint (tracking_code, category, agency_id, service_id, description, anonymous,
           contact_name, contact_email, contact_phone)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          code,
          input.category,
          input.agencyId,
          input.serviceId ?? null,
          input.description,
          input.anonymous,
          keep ? (input.contactName ?? null) : null,
          keep ? (input.contactEmail ?? null) : null,
          keep ? (input.contactPhone ?? null) : null,
        ],
      );
      const id = (r.rows[0] as { id: string }).id;
      await client.query(
        `insert into complaint_event (complaint_id, actor, from_status, to_status) values ($1, 'warga', null, 'received')`,
        [id],
      );
      for (const f of checked) {
        await client.query(
          `insert into complaint_attachment (complaint_id, filename, media_type, size, data) values ($1, $2, $3, $4, $5)`,
          [id, f.name, f.type, f.bytes.length, Buffer.from(f.bytes)],
        );
      }
    });
    return code;
  }

  async track(code: string, now = new Date()): Promise<ComplaintTracking | undefined> {
    const normal = normaliseTrackingCode(code);
    if (!normal) return undefined;
    const r = await this.pool.query<Row>('select * from complaint where tracking_code = $1', [
      normal,
    ]);
    return r.rows[0] ? tracking(r.rows[0], now, this.calendar) : undefined;
  }

  /** Complaints of one agency (or all when null), newest first. */
  async list(
    agencyId: string | null,
    status: ComplaintStatus | null = null,
    now = new Date(),
  ): Promise<(ComplaintTracking & { id: string })[]> {
    const r = await this.pool.query<Row>(
      `select * from complaint where ($1::text is null or agency_id = $1)
         and ($2::text is null or status = $2) order by received_at desc limit 500`,
      [agencyId, status],
    );
    return r.rows.map((row) => ({ id: row.id, ...tracking(row, now, this.calendar) }));
  }

  async detail(id: string, now = new Date()): Promise<ComplaintDetail | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const r = await this.pool.query<Row>('select * from complaint where id = $1', [id]);
    const row = r.rows[0];
    if (!row) return undefined;
    const [events, files] = await Promise.all([
      this.pool.query<{
        at: Date;
        actor: string;
        from_status: string | null;
        to_status: string;
        note: string | null;
      }>(
        'select at, actor, from_status, to_status, note from complaint_event where complaint_id = $1 order by id',
        [id],
      ),
      this.pool.query<{ id: string; filename: string; media_type: AttachmentType; size: number }>(
        'select id, filename, media_type, size from complaint_attachment where complaint_id = $1 order by filename',
        [id],
      ),
    ]);
    return {
      id: row.id,
      ...tracking(row, now, this.calendar),
      description: row.description,
      anonymous: row.anonymous,
      contact: row.anonymous
        ? null
        : { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
      events: events.rows.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actor,
        from: e.from_status,
        to: e.to_status,
        note: e.note,
      })),
      attachments: files.rows.map((f) => ({
        id: f.id,
        filename: f.filename,
        mediaType: f.media_type,
        size: f.size,
      })),
    };
  }

  /** Moves a complaint one step forward; `answer` is required to answer. */
  async move(
    id: string,
    to: ComplaintStatus,
    actor: string,
    note: string | undefined,
  ): Promise<{ agencyId: string; from: ComplaintStatus }> {
    return transaction(this.pool, async (client) => {
      const r = await client.query<Row>('select * from complaint where id = $1 for update', [id]);
      const row = r.rows[0];
      if (!row) throw notFound('Pengaduan / complaint');
      if (!canMove(row.status, to)) {
        throw new AppError(
          409,
          'invalid_state',
          `Pengaduan berstatus "${row.status}" tidak dapat menjadi "${to}"`,
          `A complaint in state "${row.status}" cannot become "${to}"`,
        );
      }
      if (to === 'answered' && !note?.trim()) {
        throw new AppError(
          400,
          'answer_required',
          'Isi jawaban / tindak lanjut untuk pelapor',
          'Write the answer / follow-up for the citizen',
        );
      }
      const stamp = STAMP[to];
      await client.query(
        `update complaint set status = $2${stamp ? `, ${stamp} = now()` : ''}${
          to === 'answered' ? ', answer = $3' : ''
        } where id = $1`,
        to === 'answered' ? [id, to, note?.trim()] : [id, to],
      );
      await client.query(
        `insert into complaint_event (complaint_id, actor, from_status, to_status, note) values ($1, $2, $3, $4, $5)`,
        [id, actor, row.status, to, note?.trim() || null],
      );
      return { agencyId: row.agency_id, from: row.status };
    });
  }

  async attachment(
    complaintId: string,
    attachmentId: string,
  ): Promise<
    { filename: string; mediaType: AttachmentType; data: Buffer; agencyId: string } | undefined
  > {
    if (!/^[0-9a-f-]{36}$/i.test(complaintId) || !/^[0-9a-f-]{36}$/i.test(attachmentId))
      return undefined;
    const r = await this.pool.query<{
      filename: string;
      media_type: AttachmentType;
      data: Buffer;
      agency_id: string;
    }>(
      `select a.filename, a.media_type, a.data, c.agency_id from complaint_attachment a
       join complaint c on c.id = a.complaint_id where a.id = $2 and a.complaint_id = $1`,
      [complaintId, attachmentId],
    );
    const row = r.rows[0];
    return row
      ? {
          filename: row.filename,
          mediaType: row.media_type,
          data: row.data,
          agencyId: row.agency_id,
        }
      : undefined;
  }

  /**
   * Rows shaped for forwarding to SP4N-LAPOR! (its web form's fields: tracking id, date,
   * category, agency, title and text, status). No contact details leave the MPP this way.
   */
  async laporExport(agencyId: string | null): Promise<string[][]> {
    const r = await this.pool.query<Row>(
      `select * from complaint where ($1::text is null or agency_id = $1) order by received_at`,
      [agencyId],
    );
    const header = [
      'tracking_id',
      'tanggal_diterima',
      'kategori',
      'instansi',
      'layanan',
      'isi_laporan',
      'anonim',
      'status',
      'batas_diteruskan',
      'tanggal_dijawab',
    ];
    return [
      header,
      ...r.rows.map((row) => [
        row.tracking_code,
        row.received_at.toISOString(),
        row.category,
        row.agency_id,
        row.service_id ?? '',
        row.description,
        row.anonymous ? 'ya' : 'tidak',
        row.status,
        addWorkingDays(row.received_at, DEADLINE_DAYS.forward, this.calendar).toISOString(),
        row.answered_at?.toISOString() ?? '',
      ]),
    ];
  }

  /** Every complaint whose contact matches (for a person's data-access request). */
  async findByContact(contact: string): Promise<
    {
      trackingCode: string;
      name: string | null;
      email: string | null;
      phone: string | null;
      receivedAt: string;
      description: string;
    }[]
  > {
    const value = contact.trim();
    if (value === '') return [];
    const r = await this.pool.query<Row>(
      `select * from complaint where lower(contact_email) = lower($1) or contact_phone = $1 order by received_at`,
      [value],
    );
    return r.rows.map((row) => ({
      trackingCode: row.tracking_code,
      name: row.contact_name,
      email: row.contact_email,
      phone: row.contact_phone,
      receivedAt: row.received_at.toISOString(),
      description: row.description,
    }));
  }

  /** Erases a person's contact details from their complaints; returns how many changed. */
  async eraseContact(contact: string): Promise<number> {
    const value = contact.trim();
    if (value === '') return 0;
    const r = await this.pool.query(
      `update complaint set contact_name = null, contact_email = null, contact_phone = null,
         contact_deleted_at = now()
       where lower(contact_email) = lower($1) or contact_phone = $1`,
      [value],
    );
    return r.rowCount ?? 0;
  }

  /** Closes answered complaints whose 10-working-day reply window has passed. */
  async autoClose(now = new Date()): Promise<number> {
    const r = await this.pool.query<Row>(`select * from complaint where status = 'answered'`);
    let closed = 0;
    for (const row of r.rows) {
      const d = currentDeadline(
        {
          status: row.status,
          receivedAt: row.received_at,
          verifiedAt: row.verified_at,
          forwardedAt: row.forwarded_at,
          answeredAt: row.answered_at,
        },
        now,
        this.calendar,
      );
      if (d?.overdue) {
        await this.move(row.id, 'closed', 'sistem', 'ditutup otomatis / closed automatically');
        closed += 1;
      }
    }
    return closed;
  }
}
