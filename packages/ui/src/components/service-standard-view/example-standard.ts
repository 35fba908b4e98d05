import type { StandarPelayanan } from '@mpp-kit/service-standard';

/** An illustrative standard (KTP-el issuance) used by stories and tests. Not an official text. */
export const exampleStandard: StandarPelayanan = {
  version: '1.0.0',
  persyaratan: [
    {
      document: { id: 'Kartu keluarga', en: 'Family card' },
      form: 'copy',
      count: 1,
      providedBy: 'applicant',
      optional: false,
    },
    {
      document: { id: 'Surat keterangan pindah', en: 'Certificate of moving' },
      form: 'original',
      count: 1,
      providedBy: 'applicant',
      optional: true,
      condition: {
        id: 'Bagi pendatang dari kabupaten/kota lain',
        en: 'For people moving from another regency/city',
      },
    },
  ],
  prosedur: {
    steps: [
      {
        actor: 'applicant',
        description: { id: 'Mengambil nomor antrean', en: 'Take a queue number' },
      },
      {
        actor: 'officer',
        description: {
          id: 'Memeriksa berkas dan merekam data',
          en: 'Check documents and record data',
        },
        duration: { amount: 15, unit: 'minutes' },
      },
      { actor: 'system', description: { id: 'Mencetak KTP-el', en: 'Print the KTP-el' } },
    ],
  },
  jangkaWaktu: { amount: 1, unit: 'working-days' },
  biaya: {
    free: true,
    legalBasis: [
      {
        type: 'undang-undang',
        number: '24',
        year: 2013,
        title: 'Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan',
        article: 'Pasal 79A',
      },
    ],
  },
  produk: [{ name: { id: 'KTP elektronik', en: 'Electronic ID card' }, form: 'physical' }],
  penangananPengaduan: {
    channels: [
      { kind: 'sp4n-lapor' },
      { kind: 'whatsapp', contact: '0812-0000-0000' },
      { kind: 'in-person' },
    ],
    responseTime: { amount: 3, unit: 'working-days' },
  },
  dasarHukum: [
    { type: 'undang-undang', number: '25', year: 2009, title: 'Pelayanan Publik' },
    {
      type: 'peraturan-presiden',
      number: '89',
      year: 2021,
      title: 'Penyelenggaraan Mal Pelayanan Publik',
    },
  ],
  sarana: {
    general: [
      { id: 'Ruang tunggu', en: 'Waiting room' },
      { id: 'Mesin antrean', en: 'Queue machine' },
    ],
    vulnerableGroups: [
      { id: 'Loket prioritas', en: 'Priority counter' },
      { id: 'Kursi roda', en: 'Wheelchair' },
    ],
  },
  kompetensiPelaksana: [
    { id: 'Memahami administrasi kependudukan', en: 'Knows population administration' },
  ],
  pengawasanInternal: [{ id: 'Atasan langsung', en: 'Direct supervisor' }],
  jumlahPelaksana: { count: 4 },
  jaminanPelayanan: {
    id: 'Pelayanan sesuai standar, tanpa pungutan.',
    en: 'Service to this standard, with no charges.',
  },
  jaminanKeamanan: {
    id: 'Data pribadi dilindungi sesuai UU PDP.',
    en: 'Personal data protected under the PDP law.',
  },
  evaluasiKinerja: {
    method: { id: 'Survei kepuasan masyarakat', en: 'Public satisfaction survey' },
    frequency: 'semester',
  },
  publication: {
    effectiveDate: '2026-01-02',
    nextReview: '2027-01-02',
    adoptedBy: {
      office: {
        id: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
        en: 'Head of the Civil Registry Office',
      },
    },
    maklumatPelayanan: {
      id: 'Kami sanggup melayani sesuai standar pelayanan.',
      en: 'We pledge to serve to this standard.',
    },
  },
  priorityFor: ['disabilitas', 'lanjut-usia', 'ibu-hamil'],
};
