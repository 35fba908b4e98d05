import { formatTicketNumber } from '@mpp-kit/queue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callAnnouncement } from './call-announcement.js';

describe('callAnnouncement', () => {
  it('speaks the number and the counter in Indonesian words', () => {
    expect(callAnnouncement('A-012', 'Loket 3', 'id')).toBe(
      'Nomor antrean A nol dua belas, silakan ke loket tiga.',
    );
  });

  it('speaks English when asked', () => {
    expect(callAnnouncement('AB-007', 'Loket 12', 'en')).toBe(
      'Ticket A B zero zero seven, please go to counter 12.',
    );
  });

  it('has a sentence for every number the app can issue, with no digits left in Indonesian', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{1,3}$/),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 99 }),
        (prefix, seq, counter) => {
          const sentence = callAnnouncement(
            formatTicketNumber(prefix, seq),
            `Loket ${counter}`,
            'id',
          );
          expect(sentence).toMatch(/^Nomor antrean .+, silakan ke loket .+\.$/);
          expect(sentence).not.toMatch(/\d/);
        },
      ),
    );
  });
});
