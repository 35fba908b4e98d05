import { useI18n } from '../../i18n/i18n-provider.js';

/** One link of the service navigation. */
export interface NavigationItem {
  href: string;
  text: string;
  /** The page being shown (`aria-current="page"`). */
  current?: boolean;
}

export interface ServiceNavigationProps {
  items: readonly NavigationItem[];
  /** Accessible name; "Menu layanan" by default. */
  label?: string;
}

/** The main links of a service, under the header. The list wraps on small screens; no JavaScript needed. */
export function ServiceNavigation({ items, label }: ServiceNavigationProps) {
  const { t } = useI18n();
  return (
    <nav className="mpp-service-navigation" aria-label={label ?? t('serviceNavigation.label')}>
      <ul className="mpp-service-navigation__list mpp-width-container">
        {items.map((item) => (
          <li key={item.href} className="mpp-service-navigation__item">
            <a
              className="mpp-service-navigation__link"
              href={item.href}
              aria-current={item.current ? 'page' : undefined}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
