import { useI18n } from '../../i18n/i18n-provider.js';

export interface PaginationProps {
  /** Current page, from 1. */
  page: number;
  pageCount: number;
  /** Link of a page, e.g. `(p) => \`?halaman=${p}\``. */
  href: (page: number) => string;
}

/** Page numbers around the current one, with the first and last, and gaps as "…". */
export function pageWindow(page: number, pageCount: number): Array<number | 'gap'> {
  const pages = new Set(
    [1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount),
  );
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  for (const [index, p] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

/** Links between pages of a list; plain links, so they work without JavaScript. */
export function Pagination({ page, pageCount, href }: PaginationProps) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="mpp-pagination" aria-label={t('pagination.label')}>
      <ul className="mpp-pagination__list">
        {page > 1 ? (
          <li>
            <a className="mpp-pagination__link" href={href(page - 1)} rel="prev">
              ‹ {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((item, index) =>
          item === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity.
            <li key={`gap-${index}`} className="mpp-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <a
                className="mpp-pagination__link"
                href={href(item)}
                aria-current={item === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: item })}
              >
                {item}
              </a>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a className="mpp-pagination__link" href={href(page + 1)} rel="next">
              {t('pagination.next')} ›
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
