// The props contracts of the components a regional project may override (see OVERRIDES in
// ../integration/overrides.ts). Plain data only: an override never reaches a service. Changing a
// contract in a way that breaks an existing override is a major version of @mpp-kit/app.
import type { AnnouncedCall, Locale } from '@mpp-kit/ui';

export type Lang = 'id' | 'en';

/** A text in both languages of the app. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface NavLink {
  href: string;
  label: string;
}

export interface HeaderProps {
  lang: Lang;
  /** The MPP's name in the page language. */
  name: string;
  /** Logo URL, when the configuration has one. */
  logoSrc?: string;
  /** Where the name links to. */
  homeHref: string;
  /** Main navigation, in order. */
  links: NavLink[];
  /** The language switch: a link to the other language. */
  switchLanguage: { href: string; lang: Lang; label: string; text: string };
}

export interface FooterProps {
  lang: Lang;
  name: string;
  address: string;
}

export interface HomeIntroProps {
  lang: Lang;
  /** The MPP's name (the page's h1). */
  name: string;
  /** The app's tagline in the page language. */
  tagline: string;
}

export interface TicketPrintProps {
  lang: Lang;
  mppName: string;
  ticketNumber: string;
  serviceName: string;
  /** ISO time the ticket was issued. */
  issuedAt: string;
  timeZone: string;
  /** Tickets ahead, while waiting. */
  waitingAhead?: number;
  /** Wait range as shown, while waiting. */
  estimatedWait?: string;
  /** The ticket's status page, printed as a QR code. */
  statusUrl: string;
  note: string;
  paperWidth: '58mm' | '80mm';
}

export interface BoardFrameProps {
  lang: Lang;
  /** MPP name · board label. */
  title: string;
}

/** The `Announcement` override is a module with this export. */
export interface AnnouncementModule {
  /** The sentence spoken (and shown to screen readers) for a call, in one language. */
  sentence: (call: AnnouncedCall, locale: Locale) => string;
}
