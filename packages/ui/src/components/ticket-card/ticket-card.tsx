import { type ReactNode, useId } from 'react';
import { renderSVG } from 'uqr';
import { useI18n } from '../../i18n/i18n-provider.js';

/** Width of the thermal paper the ticket is printed on. */
export type PaperWidth = '58mm' | '80mm';

export interface TicketCardProps {
  /** The queue number, e.g. "A012"; printed and shown as real text. */
  ticketNumber: string;
  serviceName: string;
  /** When the ticket was taken; shown in the locale's format, in `timeZone`. */
  issuedAt: Date;
  /** IANA time zone of the MPP. Default `Asia/Jakarta` (WIB). */
  timeZone?: string;
  /** People ahead in the queue when the ticket was taken. */
  waitingAhead?: number;
  /** Estimated wait as the app words it, e.g. "10–15 menit"; shown under the people ahead. */
  estimatedWait?: string;
  /** A short line printed under the link, e.g. an invitation to the satisfaction survey. */
  note?: ReactNode;
  /** Absolute URL of the ticket's status page; encoded in the QR code and shown as a link. */
  statusUrl: string;
  /** MPP name printed at the top. */
  mppName?: string;
  /** Default `80mm`. */
  paperWidth?: PaperWidth;
}

/**
 * A queue ticket for screen and thermal printer. The number is text (read by screen readers,
 * sharp on any printer), the QR code opens the status page and the same link is written out
 * for people who cannot scan. Print CSS sizes it for 58 mm or 80 mm paper and prints only the
 * ticket.
 */
export function TicketCard({
  ticketNumber,
  serviceName,
  issuedAt,
  timeZone = 'Asia/Jakarta',
  waitingAhead,
  estimatedWait,
  note,
  statusUrl,
  mppName,
  paperWidth = '80mm',
}: TicketCardProps) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const svg = renderSVG(statusUrl, { border: 2, ecc: 'M' });
  const issued = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(issuedAt);
  return (
    <article className="mpp-ticket" data-paper={paperWidth} aria-labelledby={headingId}>
      {mppName ? <p className="mpp-ticket__mpp">{mppName}</p> : null}
      <h2 className="mpp-ticket__number" id={headingId}>
        <span className="mpp-ticket__number-label">{t('ticket.number')}</span>{' '}
        <span className="mpp-ticket__number-value">{ticketNumber}</span>
      </h2>
      <dl className="mpp-ticket__details">
        <div>
          <dt>{t('ticket.service')}</dt>
          <dd>{serviceName}</dd>
        </div>
        <div>
          <dt>{t('ticket.issuedAt')}</dt>
          <dd>
            <time dateTime={issuedAt.toISOString()}>{issued}</time>
          </dd>
        </div>
        {waitingAhead === undefined ? null : (
          <div>
            <dt>{t('ticket.waiting')}</dt>
            <dd>{waitingAhead}</dd>
          </div>
        )}
        {estimatedWait === undefined ? null : (
          <div>
            <dt>{t('ticket.estimate')}</dt>
            <dd>{estimatedWait}</dd>
          </div>
        )}
      </dl>
      <img
        className="mpp-ticket__qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt={t('ticket.qrLabel')}
        width={160}
        height={160}
      />
      <p className="mpp-ticket__link">
        {t('ticket.status')}: <a href={statusUrl}>{statusUrl.replace(/^https?:\/\//, '')}</a>
      </p>
      {note ? <p className="mpp-ticket__note">{note}</p> : null}
    </article>
  );
}
