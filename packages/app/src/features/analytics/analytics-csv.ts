import { csvCell } from '../survey/results-report.js';
import type { Analytics } from './analytics-figures.js';

const WEEKDAYS = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const n = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 1000));

/** The analytics page's tables as CSV sections (services, agencies, heatmap, counters, forecast). */
export function analyticsCsv(a: Analytics): string {
  const sections: string[][][] = [
    [
      [
        'layanan',
        'instansi',
        'kedatangan',
        'dilayani',
        'tidak_hadir',
        'rasio_tidak_hadir',
        'tunggu_p50_menit',
        'tunggu_p90_menit',
        'layanan_p50_menit',
        'layanan_p90_menit',
        `tingkat_layanan_${a.targetMinutes}_menit`,
      ],
      ...a.services.map((s) => [
        s.serviceId,
        s.agencyId,
        String(s.arrivals),
        String(s.served),
        String(s.noShow),
        n(s.noShowRate),
        n(s.waitP50),
        n(s.waitP90),
        n(s.serviceP50),
        n(s.serviceP90),
        n(s.serviceLevel),
      ]),
    ],
    [
      ['hari', ...Array.from({ length: 24 }, (_, h) => `jam_${String(h).padStart(2, '0')}`)],
      ...a.heatmap.slice(1).map((row, i) => [WEEKDAYS[i + 1] ?? '', ...row.map(String)]),
    ],
    [
      ['loket', 'instansi', 'dilayani', 'jam_menganggur_saat_antre'],
      ...a.counters.map((c) => [c.counterId, c.agencyId, String(c.served), String(c.idleHours)]),
    ],
    [
      ['tanggal_prakiraan', 'layanan', 'jam', 'perkiraan', 'terendah', 'tertinggi'],
      ...a.forecast.services.flatMap((s) =>
        s.hours.map((h) => [
          a.forecast.day,
          s.serviceId,
          String(h.hour),
          String(h.expected),
          String(h.low),
          String(h.high),
        ]),
      ),
    ],
  ];
  return sections
    .map((rows) => `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`)
    .join('\n');
}
