import { useI18n } from '../../i18n/i18n-provider.js';

/** One step of the trail; the last one, without `href`, is the current page. */
export interface BreadcrumbItem {
  text: string;
  href?: string;
}

export interface BreadcrumbsProps {
  items: readonly BreadcrumbItem[];
}

/** Where this page sits in the site: an ordered list of links in a labelled `nav`. */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  const { t } = useI18n();
  return (
    <nav className="mpp-breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol className="mpp-breadcrumbs__list">
        {items.map((item) => (
          <li key={`${item.text}-${item.href ?? ''}`} className="mpp-breadcrumbs__item">
            {item.href ? (
              <a className="mpp-breadcrumbs__link" href={item.href}>
                {item.text}
              </a>
            ) : (
              <span aria-current="page">{item.text}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
