import type { Layanan } from '../schemas/layanan.js';
import type { Penyelenggara } from '../schemas/penyelenggara.js';
import { formatBiaya, formatDuration, formatRequirement } from './words.js';

/**
 * A flat service record shaped like the SIPP/SIPPN "jenis layanan" entry (PermenPANRB 13/2017):
 * description, requirements, procedure, provider and location, one text column each, ready for a
 * spreadsheet import. The official template's exact column list is not public; these names follow
 * its four form sections.
 */
export interface SippRecord {
  readonly kode_layanan: string;
  readonly versi_standar: string;
  readonly nama_layanan: string;
  readonly deskripsi: string;
  readonly kategori: string;
  readonly jenis_layanan: 'perizinan' | 'non-perizinan';
  readonly persyaratan: string;
  readonly prosedur: string;
  readonly waktu_penyelesaian: string;
  readonly biaya: string;
  readonly produk: string;
  readonly pengaduan: string;
  readonly dasar_hukum: string;
  readonly penyelenggara: string;
  readonly lokasi: string;
  readonly tanggal_berlaku: string;
}

/** Options of {@link toSippRecord}. */
export interface SippOptions {
  readonly penyelenggara?: Penyelenggara;
  /** Where the service is offered, e.g. `MPP Kota Contoh, Jl. Pahlawan No. 1`. */
  readonly location?: string;
}

const numbered = (items: readonly string[]) => items.map((t, i) => `${i + 1}. ${t}`).join('\n');

/** One service as a flat, Indonesian-language SIPP-shaped record. */
export function toSippRecord(layanan: Layanan, options: SippOptions = {}): SippRecord {
  const s = layanan.standar;
  return {
    kode_layanan: layanan.code,
    versi_standar: s.version,
    nama_layanan: layanan.name.id,
    deskripsi: layanan.description?.id ?? layanan.name.id,
    kategori: layanan.category,
    jenis_layanan: layanan.type,
    persyaratan: numbered(s.persyaratan.map((r) => formatRequirement(r, 'id'))),
    prosedur: numbered(
      s.prosedur.steps.map(
        (p) => `${p.description.id}${p.duration ? ` (${formatDuration(p.duration, 'id')})` : ''}`,
      ),
    ),
    waktu_penyelesaian: formatDuration(s.jangkaWaktu, 'id'),
    biaya: formatBiaya(s.biaya, 'id'),
    produk: s.produk.map((p) => p.name.id).join('; '),
    pengaduan: s.penangananPengaduan.channels
      .map((c) =>
        c.kind === 'sp4n-lapor' ? 'SP4N-LAPOR!' : `${c.kind}${c.contact ? `: ${c.contact}` : ''}`,
      )
      .join('; '),
    dasar_hukum: s.dasarHukum
      .map((d) => `${d.type} ${d.number}/${d.year} tentang ${d.title}`)
      .join('; '),
    penyelenggara: options.penyelenggara?.name.id ?? layanan.penyelenggara,
    lokasi: options.location ?? '',
    tanggal_berlaku: s.publication.effectiveDate,
  };
}

/** Column order of {@link SippRecord} for CSV output. */
export const SIPP_COLUMNS: readonly (keyof SippRecord)[] = [
  'kode_layanan',
  'versi_standar',
  'nama_layanan',
  'deskripsi',
  'kategori',
  'jenis_layanan',
  'persyaratan',
  'prosedur',
  'waktu_penyelesaian',
  'biaya',
  'produk',
  'pengaduan',
  'dasar_hukum',
  'penyelenggara',
  'lokasi',
  'tanggal_berlaku',
];

/** RFC 4180 CSV of records, with a header row. */
export function toSippCsv(records: readonly SippRecord[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = [
    SIPP_COLUMNS.join(','),
    ...records.map((r) => SIPP_COLUMNS.map((c) => cell(r[c])).join(',')),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
