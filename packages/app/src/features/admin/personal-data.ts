import type pg from 'pg';
import { ComplaintService } from '../complaints/complaint-service.js';

/** Everything the MPP holds about one person, found by their email or phone number. */
export interface PersonalDataExport {
  contact: string;
  complaints: Awaited<ReturnType<ComplaintService['findByContact']>>;
  tickets: { number: string; serviceId: string; day: string }[];
}

/**
 * The UU PDP access and deletion path: survey answers hold no personal data by design, so a
 * person's data is their complaint contact details and reminder phone numbers.
 */
export class PersonalDataService {
  private readonly complaints: ComplaintService;

  constructor(private readonly pool: pg.Pool) {
    this.complaints = new ComplaintService(pool);
  }

  async export(contact: string): Promise<PersonalDataExport> {
    const value = contact.trim();
    const tickets = await this.pool.query<{ number: string; service_id: string; day: string }>(
      `select v.label as number, v.service_id, v.service_day::text as day
       from ticket_detail d join mpp_queue_visits v on v.id = d.id where d.phone = $1 order by v.issued_at`,
      [value],
    );
    return {
      contact: value,
      complaints: await this.complaints.findByContact(value),
      tickets: tickets.rows.map((t) => ({ number: t.number, serviceId: t.service_id, day: t.day })),
    };
  }

  /** Deletes the person's contact details everywhere; returns how many records changed. */
  async erase(contact: string): Promise<{ complaints: number; tickets: number }> {
    const value = contact.trim();
    const complaints = await this.complaints.eraseContact(value);
    const tickets = await this.pool.query(
      'update ticket_detail set phone = null where phone = $1',
      [value],
    );
    return { complaints, tickets: tickets.rowCount ?? 0 };
  }
}
