import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { type LanguageLink, LanguageSwitcher } from '../language-switcher/language-switcher.js';

export interface HeaderProps {
  /** Name of the MPP or service, e.g. "Mal Pelayanan Publik Kota Bandung". */
  serviceName: string;
  /** Link of the name. Default `/`. */
  homeHref?: string;
  /** Other languages of this page; no switcher when absent. */
  languages?: readonly LanguageLink[];
  /** `lang` of the page; defaults to the I18nProvider's locale. */
  currentLanguage?: string;
  /** Navigation under the name, e.g. a `ServiceNavigation`. */
  children?: ReactNode;
}

/**
 * The page banner with the service name and language switcher. It is not sticky: a fixed bar
 * can cover the focused element (WCAG 2.4.11).
 */
export function Header({
  serviceName,
  homeHref = '/',
  languages,
  currentLanguage,
  children,
}: HeaderProps) {
  const { locale } = useI18n();
  return (
    <header className="mpp-header">
      <div className="mpp-header__bar mpp-width-container">
        <a className="mpp-header__name" href={homeHref}>
          {serviceName}
        </a>
        {languages && languages.length > 0 ? (
          <LanguageSwitcher languages={languages} current={currentLanguage ?? locale} />
        ) : null}
      </div>
      {children}
    </header>
  );
}
