import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from './index.js';

describe('formatTicketNumber', () => {
  it('pads to three digits and widens beyond', () => {
    expect(formatTicketNumber('A', 12)).toBe('A-012');
    expect(formatTicketNumber('KK', 1234)).toBe('KK-1234');
  });
  it('refuses a bad prefix or sequence with a bilingual message', () => {
    expect(() => formatTicketNumber('a', 1)).toThrow(/prefix must be/);
    expect(() => formatTicketNumber('A', 0)).toThrow(/sequence must be/);
  });
  it('round-trips the prefix and the sequence number', () => {
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
});
