/** Ticket label shown on tickets and boards: prefix, dash, at least three digits ("A-007"). */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1)
    throw new RangeError(`seq must be a positive integer, got ${seq}`);
  return `${prefix}-${String(seq).padStart(3, '0')}`;
}

const ONES_ID = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];

/**
 * Indonesian words for 0 ≤ n < 1,000,000, as a speech engine should say a ticket number
 * ("seratus dua belas"). Speech engines read digits inconsistently, so the board spells them.
 */
export function numberToIndonesianWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`out of range: ${n}`);
  if (n < 10) return ONES_ID[n] as string;
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${ONES_ID[n - 10]} belas`;
  if (n < 100) return join(`${ONES_ID[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 200) return join('seratus', n - 100);
  if (n < 1000) return join(`${ONES_ID[Math.floor(n / 100)]} ratus`, n % 100);
  if (n < 2000) return join('seribu', n - 1000);
  return join(`${numberToIndonesianWords(Math.floor(n / 1000))} ribu`, n % 1000);
}

function join(head: string, rest: number): string {
  return rest === 0 ? head : `${head} ${numberToIndonesianWords(rest)}`;
}

const ONES_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The sentence a display board speaks for a call, in Indonesian or English. */
export function callAnnouncement(number: string, counterLabel: string, lang: 'id' | 'en'): string {
  const [prefix = '', digits = ''] = number.split('-');
  const letters = prefix.split('').join(' ');
  const counterDigits = counterLabel.match(/\d+/)?.[0];
  if (lang === 'en') {
    const spokenDigits = digits
      .replace(/^0+(?=\d)/, '')
      .split('')
      .map((d) => ONES_EN[Number(d)])
      .join(' ');
    return `Ticket ${letters} ${spokenDigits}, please go to ${counterLabel.replace(/^Loket/, 'counter')}.`;
  }
  const counterSpoken = counterDigits
    ? counterLabel.replace(counterDigits, numberToIndonesianWords(Number(counterDigits)))
    : counterLabel;
  return `Nomor antrean ${letters} ${numberToIndonesianWords(Number(digits))}, silakan menuju ${counterSpoken}.`;
}
