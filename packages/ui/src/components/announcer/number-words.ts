const DIGITS = [
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
 * A whole number from 0 to 9999 in Indonesian words, as a caller reads it aloud:
 * 11 → "sebelas", 100 → "seratus", 1000 → "seribu", 2020 → "dua ribu dua puluh".
 */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(
      `angka harus bilangan bulat 0–9999, diterima ${n} / number must be a whole number 0–9999, got ${n}`,
    );
  }
  if (n < 10) return DIGITS[n] as string;
  return below10000(n);
}

function below10000(n: number): string {
  const parts: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  if (thousands === 1) parts.push('seribu');
  else if (thousands > 1) parts.push(`${DIGITS[thousands]} ribu`);
  if (hundreds === 1) parts.push('seratus');
  else if (hundreds > 1) parts.push(`${DIGITS[hundreds]} ratus`);
  if (rest > 0) parts.push(below100(rest));
  return parts.join(' ');
}

function below100(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${DIGITS[n - 10]} belas`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return ones === 0 ? `${DIGITS[tens]} puluh` : `${DIGITS[tens]} puluh ${DIGITS[ones]}`;
}

/**
 * A ticket number as it is called: letters as letters, each leading zero as "nol", then the
 * rest as a number. "A012" → "A nol dua belas"; "B100" → "B seratus"; "C007" → "C nol nol tujuh".
 */
export function ticketToWords(ticket: string): string {
  const match = /^([A-Za-z]*)[-\s]?(\d{1,4})$/.exec(ticket.trim());
  if (!match) {
    throw new RangeError(
      `nomor antrean tidak dikenali: "${ticket}" / ticket number not recognised: "${ticket}"`,
    );
  }
  const letters = (match[1] ?? '').toUpperCase().split('');
  const digits = match[2] as string;
  const zeros = /^0*/.exec(digits)?.[0].length ?? 0;
  const spoken: string[] = [...letters];
  if (zeros === digits.length) {
    spoken.push(...Array.from(digits, () => 'nol'));
  } else {
    spoken.push(
      ...Array.from({ length: zeros }, () => 'nol'),
      numberToWords(Number(digits.slice(zeros))),
    );
  }
  return spoken.join(' ');
}

/** A counter (loket) name in words: "3" → "tiga"; names that are not numbers are kept. */
export function counterToWords(counter: string | number): string {
  const text = String(counter).trim();
  return /^\d{1,4}$/.test(text) ? numberToWords(Number(text)) : text;
}

/** The sentence the board speaks: "Nomor antrean A nol dua belas, silakan ke loket tiga". */
export function callSentence(ticket: string, counter: string | number): string {
  return `Nomor antrean ${ticketToWords(ticket)}, silakan ke loket ${counterToWords(counter)}`;
}

const DIGITS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * The English sentence for a call, for boards configured to speak English after Indonesian:
 * letters and digits one by one, so every engine reads them the same way. "A012", 3 →
 * "Ticket A zero one two, please go to counter 3".
 */
export function callSentenceEnglish(ticket: string, counter: string | number): string {
  const spoken = Array.from(ticket.toUpperCase().replace(/[^A-Z0-9]/g, ''), (char) =>
    /\d/.test(char) ? (DIGITS_EN[Number(char)] as string) : char,
  ).join(' ');
  return `Ticket ${spoken}, please go to counter ${String(counter).trim()}`;
}
