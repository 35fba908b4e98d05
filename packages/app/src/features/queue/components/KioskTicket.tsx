import { I18nProvider, type PaperWidth, TicketCard } from '@mpp-kit/ui';
import type { Lang } from '../../../shared/i18n/i18n.js';

export interface KioskTicketProps {
  lang: Lang;
  mppName: string;
  ticketNumber: string;
  serviceName: string;
  issuedAt: string;
  timeZone: string;
  waitingAhead?: number | undefined;
  estimatedWait?: string | undefined;
  statusUrl: string;
  note: string;
  paperWidth: PaperWidth;
}

/**
 * The printed kiosk ticket: `@mpp-kit/ui`'s `TicketCard` (number as text, QR code to the status
 * page, print CSS for 58 mm and 80 mm rolls), rendered on the server only.
 */
export function KioskTicket({ lang, issuedAt, ...ticket }: KioskTicketProps) {
  return (
    <I18nProvider locale={lang}>
      <TicketCard {...ticket} issuedAt={new Date(issuedAt)} />
    </I18nProvider>
  );
}
