import type { Lang } from '../../shared/i18n/i18n.js';
import type { ComplaintCategory, ComplaintStatus, Deadline } from './complaint-workflow.js';

const CATEGORY: Record<ComplaintCategory, [string, string]> = {
  pelayanan: ['Proses pelayanan', 'Service process'],
  petugas: ['Sikap petugas', 'Staff conduct'],
  biaya: ['Biaya/pungutan', 'Fees or charges'],
  waktu: ['Waktu tunggu/penyelesaian', 'Waiting or completion time'],
  sarana: ['Sarana dan prasarana', 'Facilities'],
  lainnya: ['Lainnya', 'Other'],
};

const STATUS: Record<ComplaintStatus, [string, string]> = {
  received: ['Diterima', 'Received'],
  verified: ['Diverifikasi', 'Verified'],
  forwarded: ['Diteruskan ke instansi', 'Forwarded to the agency'],
  in_progress: ['Sedang ditindaklanjuti', 'In progress'],
  answered: ['Dijawab', 'Answered'],
  closed: ['Selesai', 'Closed'],
};

const STEP: Record<Deadline['step'], [string, string]> = {
  forward: ['Batas verifikasi dan penerusan', 'Due for verification and forwarding'],
  followUp: ['Batas tindak lanjut', 'Due for follow-up'],
  autoClose: ['Ditutup otomatis bila tidak ada tanggapan', 'Closes automatically without a reply'],
};

const at = (pair: [string, string], lang: Lang) => (lang === 'en' ? pair[1] : pair[0]);
export const categoryLabel = (c: ComplaintCategory, lang: Lang) => at(CATEGORY[c], lang);
export const statusLabel = (s: ComplaintStatus, lang: Lang) => at(STATUS[s], lang);
export const stepLabel = (s: Deadline['step'], lang: Lang) => at(STEP[s], lang);

/** A date and time in the MPP's time zone. */
export function when(iso: string, lang: Lang, timeZone: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
