import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';

/** How citizens reach help; shown in the same place on every page (WCAG 3.2.6 Consistent Help). */
export interface HelpContact {
  phone?: string;
  email?: string;
  /** The MPP's own complaint page. */
  complaintHref?: string;
  /** SP4N-LAPOR! page for the agency; the national site when absent. */
  laporHref?: string;
}

/** A footer link. */
export interface FooterLink {
  href: string;
  text: string;
}

export interface FooterProps {
  help: HelpContact;
  links?: readonly FooterLink[];
  /** E.g. the agency name and licence line. */
  meta?: ReactNode;
}

/** The page footer, with help and complaint contacts always first. */
export function Footer({ help, links = [], meta }: FooterProps) {
  const { t } = useI18n();
  return (
    <footer className="mpp-footer">
      <div className="mpp-width-container">
        <section className="mpp-footer__help" aria-labelledby="mpp-footer-help">
          <h2 className="mpp-footer__heading" id="mpp-footer-help">
            {t('footer.help')}
          </h2>
          <p className="mpp-body">{t('footer.helpIntro')}</p>
          <ul className="mpp-footer__list">
            {help.phone ? (
              <li>
                {t('footer.phone')}:{' '}
                <a href={`tel:${help.phone.replace(/[^\d+]/g, '')}`}>{help.phone}</a>
              </li>
            ) : null}
            {help.email ? (
              <li>
                {t('footer.email')}: <a href={`mailto:${help.email}`}>{help.email}</a>
              </li>
            ) : null}
            {help.complaintHref ? (
              <li>
                <a href={help.complaintHref}>{t('footer.complaint')}</a>
              </li>
            ) : null}
            <li>
              <a href={help.laporHref ?? 'https://www.lapor.go.id'}>{t('footer.lapor')}</a>
            </li>
          </ul>
        </section>
        {links.length > 0 ? (
          <nav aria-label={t('footer.label')}>
            <ul className="mpp-footer__list mpp-footer__list--inline">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {meta ? <div className="mpp-footer__meta">{meta}</div> : null}
      </div>
    </footer>
  );
}
