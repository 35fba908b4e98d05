import { type AnnouncedCall, callSentence, callSentenceEnglish, type Locale } from '@mpp-kit/ui';
import type { AnnouncementModule } from './contracts.js';

/**
 * The default wording of a call, the UI kit's: Indonesian "Nomor antrean …, silakan ke loket …"
 * with numbers in words, then English "Ticket …, please go to counter …".
 */
export const sentence: AnnouncementModule['sentence'] = (call: AnnouncedCall, locale: Locale) =>
  locale === 'en'
    ? callSentenceEnglish(call.ticket, call.counter)
    : callSentence(call.ticket, call.counter);
