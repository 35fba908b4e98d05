import { callSentence } from '@mpp-kit/ui';

const ONES_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * The sentence a display board speaks for a call. Indonesian comes from `@mpp-kit/ui`'s
 * `callSentence` (numbers in words: speech engines read digits inconsistently); English spells
 * the digits one by one.
 */
export function callAnnouncement(number: string, counterLabel: string, lang: 'id' | 'en'): string {
  const counter = counterLabel.match(/\d+/)?.[0] ?? counterLabel;
  if (lang === 'id') return `${callSentence(number, counter)}.`;
  const [prefix = '', digits = ''] = number.split('-');
  const spokenDigits = digits
    .split('')
    .map((d) => ONES_EN[Number(d)])
    .join(' ');
  return `Ticket ${prefix.split('').join(' ')} ${spokenDigits}, please go to counter ${counter}.`;
}
