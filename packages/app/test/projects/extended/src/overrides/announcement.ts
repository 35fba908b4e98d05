// Wraps the app's wording of a call: the city's chime word first, then the default sentence.
import type { OverrideProps } from '@mpp-kit/app';
import { sentence as standardSentence } from '@mpp-kit/app/overridable/announcement.ts';

export const sentence: OverrideProps['Announcement']['sentence'] = (call, locale) =>
  `${locale === 'en' ? 'Attention please' : 'Perhatian'} (Kota Contoh). ${standardSentence(call, locale)}`;
