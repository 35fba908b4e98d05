/** Why a NIK was refused; `null` from `validateNik` means it passed. */
export type NikProblem = 'empty' | 'length' | 'digits' | 'birth-date' | 'serial';

/** Messages for each problem, in Bahasa Indonesia and English. */
export const nikMessages: Record<NikProblem, { id: string; en: string }> = {
  empty: { id: 'Masukkan NIK Anda', en: 'Enter your NIK' },
  length: { id: 'NIK harus 16 digit', en: 'NIK must be 16 digits' },
  digits: { id: 'NIK hanya boleh berisi angka', en: 'NIK must contain only numbers' },
  'birth-date': {
    id: 'Digit ke-7 sampai ke-12 NIK harus tanggal lahir yang benar',
    en: 'Digits 7 to 12 of the NIK must be a real date of birth',
  },
  serial: {
    id: 'Empat digit terakhir NIK tidak boleh 0000',
    en: 'The last four digits of the NIK cannot be 0000',
  },
};

/**
 * Checks the shape of a NIK (Nomor Induk Kependudukan) offline: 16 digits, digits 7–12 a
 * DDMMYY birth date (women add 40 to the day) and a serial from 0001. Spaces and hyphens people
 * type for readability are ignored. It cannot tell whether the NIK exists: only Dukcapil can.
 */
export function validateNik(input: string): NikProblem | null {
  const nik = input.replace(/[\s-]/g, '');
  if (nik === '') return 'empty';
  if (!/^\d+$/.test(nik)) return 'digits';
  if (nik.length !== 16) return 'length';
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year = Number(nik.slice(10, 12));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  // Two-digit years are ambiguous; 2000 is a leap year, so 29 Feb passes for YY=00 either way.
  const daysInMonth = new Date(Date.UTC(2000 + year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return 'birth-date';
  if (nik.slice(12) === '0000') return 'serial';
  return null;
}
