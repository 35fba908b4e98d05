/** The three Indonesian time zones, as IANA names. */
export type IndonesianTimezone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

/** WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9) by two-digit Kemendagri province code. */
const TIMEZONE_BY_PROVINCE: Readonly<Record<string, IndonesianTimezone>> = {
  // Sumatra, Java and West/Central Kalimantan: WIB
  '11': 'Asia/Jakarta',
  '12': 'Asia/Jakarta',
  '13': 'Asia/Jakarta',
  '14': 'Asia/Jakarta',
  '15': 'Asia/Jakarta',
  '16': 'Asia/Jakarta',
  '17': 'Asia/Jakarta',
  '18': 'Asia/Jakarta',
  '19': 'Asia/Jakarta',
  '21': 'Asia/Jakarta',
  '31': 'Asia/Jakarta',
  '32': 'Asia/Jakarta',
  '33': 'Asia/Jakarta',
  '34': 'Asia/Jakarta',
  '35': 'Asia/Jakarta',
  '36': 'Asia/Jakarta',
  '61': 'Asia/Jakarta',
  '62': 'Asia/Jakarta',
  // Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi: WITA
  '51': 'Asia/Makassar',
  '52': 'Asia/Makassar',
  '53': 'Asia/Makassar',
  '63': 'Asia/Makassar',
  '64': 'Asia/Makassar',
  '65': 'Asia/Makassar',
  '71': 'Asia/Makassar',
  '72': 'Asia/Makassar',
  '73': 'Asia/Makassar',
  '74': 'Asia/Makassar',
  '75': 'Asia/Makassar',
  '76': 'Asia/Makassar',
  // Maluku and Papua: WIT
  '81': 'Asia/Jayapura',
  '82': 'Asia/Jayapura',
  '91': 'Asia/Jayapura',
  '92': 'Asia/Jayapura',
  '93': 'Asia/Jayapura',
  '94': 'Asia/Jayapura',
  '95': 'Asia/Jayapura',
  '96': 'Asia/Jayapura',
};

/**
 * The time zone of a province, from its two-digit Kemendagri code or any longer
 * region code that starts with it (`35.78` for Kota Surabaya gives `Asia/Jakarta`).
 * Returns `undefined` for an unknown province.
 */
export function timezoneForRegion(regionCode: string): IndonesianTimezone | undefined {
  return TIMEZONE_BY_PROVINCE[regionCode.slice(0, 2)];
}
