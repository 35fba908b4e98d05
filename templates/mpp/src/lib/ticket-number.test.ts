import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callAnnouncement, formatTicketNumber, numberToIndonesianWords } from './ticket-number.js';

describe('formatTicketNumber', () => {
  it('pads to three digits and keeps the prefix', () => {
    expect(formatTicketNumber('A', 7)).toBe('A-007');
    expect(formatTicketNumber('AB', 1234)).toBe('AB-1234');
  });

  it('round-trips the sequence number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{1,3}$/),
        fc.integer({ min: 1, max: 99_999 }),
        (prefix, n) => {
          const [p, digits] = formatTicketNumber(prefix, n).split('-');
          expect(p).toBe(prefix);
          expect(Number(digits)).toBe(n);
        },
      ),
    );
  });

  it('rejects a non-positive sequence', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
  });
});

describe('numberToIndonesianWords', () => {
  it.each([
    [0, 'nol'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [112, 'seratus dua belas'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [2005, 'dua ribu lima'],
    [11_000, 'sebelas ribu'],
  ])('%i → %s', (n, words) => {
    expect(numberToIndonesianWords(n)).toBe(words);
  });

  it('never says "satu puluh", "satu ratus" or a leading "satu ribu"; uses known words only', () => {
    const vocabulary = new Set(
      'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const words = numberToIndonesianWords(n);
        expect(words).not.toMatch(/satu (puluh|ratus)/);
        expect(words).not.toMatch(/^satu ribu/);
        for (const w of words.split(' ')) expect(vocabulary.has(w)).toBe(true);
      }),
    );
  });

  it('gives different words to different numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        (a, b) => {
          fc.pre(a !== b);
          expect(numberToIndonesianWords(a)).not.toBe(numberToIndonesianWords(b));
        },
      ),
    );
  });
});

describe('callAnnouncement', () => {
  it('speaks the number and the counter in Indonesian', () => {
    expect(callAnnouncement('A-012', 'Loket 3', 'id')).toBe(
      'Nomor antrean A dua belas, silakan menuju Loket tiga.',
    );
  });

  it('speaks English when asked', () => {
    expect(callAnnouncement('AB-007', 'Loket 12', 'en')).toBe(
      'Ticket A B seven, please go to counter 12.',
    );
  });
});
