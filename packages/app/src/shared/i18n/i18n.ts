/** UI languages: Bahasa Indonesia is the default, English the second. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

const dictionary = {
  skip: { id: 'Lewati ke konten utama', en: 'Skip to main content' },
  home: { id: 'Beranda', en: 'Home' },
  hours: { id: 'Jam layanan dan fasilitas', en: 'Opening hours and facilities' },
  surveyResults: { id: 'Hasil survei kepuasan', en: 'Satisfaction survey results' },
  complaints: { id: 'Pengaduan', en: 'Complaints' },
  staff: { id: 'Petugas', en: 'Staff' },
  switchTo: { id: 'English', en: 'Bahasa Indonesia' },
  switchLabel: { id: 'Ganti bahasa ke English', en: 'Ganti bahasa ke Bahasa Indonesia' },
  tagline: {
    id: 'Mal Pelayanan Publik: layanan dari banyak instansi di satu tempat',
    en: 'Public service mall: many agencies’ services in one place',
  },
  search: { id: 'Cari layanan', en: 'Search services' },
  searchButton: { id: 'Cari', en: 'Search' },
  searchResults: { id: 'Hasil pencarian untuk', en: 'Search results for' },
  noResults: { id: 'Tidak ada layanan yang cocok.', en: 'No matching service.' },
  agencies: { id: 'Instansi dan layanan', en: 'Agencies and services' },
  takeTicket: { id: 'Ambil nomor antrean', en: 'Take a ticket' },
  standard: { id: 'Standar pelayanan', en: 'Service standard' },
  persyaratan: { id: 'Persyaratan', en: 'Requirements' },
  prosedur: { id: 'Sistem, mekanisme dan prosedur', en: 'Procedure' },
  jangkaWaktu: { id: 'Jangka waktu penyelesaian', en: 'Completion time' },
  biaya: { id: 'Biaya/tarif', en: 'Fee' },
  produk: { id: 'Produk pelayanan', en: 'Service product' },
  pengaduan: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Complaints and suggestions' },
  dasarHukum: { id: 'Dasar hukum', en: 'Legal basis' },
  priority: { id: 'Kelompok prioritas', en: 'Priority group' },
  priorityNote: {
    id: 'Pilih sendiri bila berlaku. Petugas akan memeriksa di loket.',
    en: 'Declare it yourself if it applies. Staff will check at the counter.',
  },
  regular: { id: 'Umum', en: 'General' },
  // the vulnerable groups, keyed by @mpp-kit/service-standard's KELOMPOK_RENTAN
  'lanjut-usia': { id: 'Lansia (60 tahun ke atas)', en: 'Older person (60+)' },
  disabilitas: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
  'ibu-hamil': { id: 'Ibu hamil', en: 'Pregnant woman' },
  'ibu-menyusui': { id: 'Ibu menyusui', en: 'Breastfeeding mother' },
  anak: { id: 'Membawa balita', en: 'With a young child' },
  'korban-bencana-alam': { id: 'Korban bencana alam', en: 'Victim of a natural disaster' },
  'korban-bencana-sosial': { id: 'Korban bencana sosial', en: 'Victim of a social disaster' },
  phone: { id: 'Nomor ponsel (tidak wajib)', en: 'Mobile number (optional)' },
  phoneHint: {
    id: 'Hanya untuk pengingat saat giliran Anda mendekat; dihapus setelah hari layanan.',
    en: 'Only for a reminder when your turn is near; deleted after the service day.',
  },
  submitTicket: { id: 'Ambil nomor', en: 'Get my number' },
  yourNumber: { id: 'Nomor antrean Anda', en: 'Your ticket number' },
  status: { id: 'Status', en: 'Status' },
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil', en: 'Called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  // ticket statuses: the queue engine's vocabulary
  served: { id: 'Selesai', en: 'Finished' },
  'no-show': { id: 'Tidak hadir', en: 'Did not show up' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  parked: { id: 'Ditunda', en: 'On hold' },
  transferred: { id: 'Dialihkan', en: 'Transferred' },
  ahead: { id: 'Antrean di depan Anda', en: 'People ahead of you' },
  estimate: { id: 'Perkiraan waktu tunggu', en: 'Estimated wait' },
  minutes: { id: 'menit', en: 'minutes' },
  goTo: { id: 'Silakan menuju', en: 'Please go to' },
  keepPage: {
    id: 'Simpan tautan atau pindai kode QR ini untuk melihat status antrean Anda.',
    en: 'Keep this link or scan this QR code to follow your ticket.',
  },
  live: { id: 'Halaman ini diperbarui otomatis.', en: 'This page updates automatically.' },
  refresh: { id: 'Perbarui status', en: 'Refresh status' },
  openingHours: { id: 'Jam buka', en: 'Opening hours' },
  facilities: { id: 'Fasilitas aksesibilitas', en: 'Accessibility facilities' },
  closed: { id: 'Tutup', en: 'Closed' },
  address: { id: 'Alamat', en: 'Address' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  back: { id: 'Kembali', en: 'Back' },
  service: { id: 'Layanan', en: 'Service' },
  agency: { id: 'Instansi', en: 'Agency' },
  minutesRange: { id: '{low}–{high} menit', en: '{low}–{high} minutes' },
  nowServing: { id: 'Sedang dipanggil', en: 'Now calling' },
  recentCalls: { id: 'Panggilan terakhir', en: 'Recent calls' },
  counter: { id: 'Loket', en: 'Counter' },
  number: { id: 'Nomor', en: 'Number' },
  enableSound: { id: 'Aktifkan suara', en: 'Enable sound' },
  kioskChoose: { id: 'Sentuh layanan yang Anda perlukan', en: 'Touch the service you need' },
  print: { id: 'Cetak', en: 'Print' },
  done2: { id: 'Selesai', en: 'Done' },
  capReached: {
    id: 'Kuota antrean hari ini untuk layanan ini sudah habis. Silakan datang pada hari kerja berikutnya.',
    en: "Today's ticket quota for this service has been reached. Please come on the next working day.",
  },
  capReachedShort: { id: 'Kuota hari ini habis', en: "Today's quota reached" },
  login: { id: 'Masuk petugas', en: 'Staff sign-in' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  chooseCounter: { id: 'Pilih loket', en: 'Choose your counter' },
  useCounter: { id: 'Gunakan loket ini', en: 'Use this counter' },
  callNext: { id: 'Panggil berikutnya', en: 'Call next' },
  recall: { id: 'Panggil ulang', en: 'Recall' },
  start: { id: 'Mulai layani', en: 'Start serving' },
  finish: { id: 'Selesai', en: 'Finish' },
  noShow: { id: 'Tidak hadir', en: 'No-show' },
  park: { id: 'Tunda', en: 'Put on hold' },
  resume: { id: 'Lanjutkan', en: 'Resume' },
  transfer: { id: 'Alihkan ke layanan', en: 'Transfer to service' },
  transferButton: { id: 'Alihkan', en: 'Transfer' },
  current: { id: 'Tiket saat ini', en: 'Current ticket' },
  none: { id: 'Tidak ada', en: 'None' },
  queue: { id: 'Antrean menunggu', en: 'Waiting queue' },
  parkedList: { id: 'Tiket ditunda', en: 'Tickets on hold' },
  shortcuts: {
    id: 'Pintasan papan ketik: N panggil berikutnya, R panggil ulang, S mulai, F selesai, X tidak hadir',
    en: 'Keyboard shortcuts: N call next, R recall, S start, F finish, X no-show',
  },
  audit: { id: 'Log audit', en: 'Audit log' },
  signedInAs: { id: 'Masuk sebagai', en: 'Signed in as' },
  changeCounter: { id: 'Ganti loket', en: 'Change counter' },
  queueEmpty: { id: 'Tidak ada antrean.', en: 'Nobody is waiting.' },
  error: { id: 'Terjadi kesalahan', en: 'Something went wrong' },
} as const;

export type MessageKey = keyof typeof dictionary;

/** Translates a key; `{name}` placeholders are filled from `params`. */
export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  let text: string = dictionary[key][lang];
  for (const [name, value] of Object.entries(params))
    text = text.replace(`{${name}}`, String(value));
  return text;
}

/** Picks the bilingual text of config data ({ id, en }). */
export function pick(text: { id: string; en: string }, lang: Lang): string {
  return text[lang];
}
