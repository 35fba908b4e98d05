import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';

export interface SkipLinkProps {
  /** Id of the main content, without `#`. Default `main-content`. */
  targetId?: string;
  /** Link text; the catalogue's "Langsung ke konten utama" when absent. */
  children?: string;
}

/**
 * The first link on every page; shown on focus, it jumps past the header. The href works
 * without JavaScript; with it, focus is also moved to the target (which is not focusable by
 * default) so the next Tab continues from the main content in every browser.
 */
export function SkipLink({ targetId = 'main-content', children }: SkipLinkProps) {
  const { t } = useI18n();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
      target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
    }
    target.focus();
    target.scrollIntoView?.();
  };
  return (
    <a className="mpp-skip-link" href={`#${targetId}`} onClick={onClick}>
      {children ?? t('skipLink.label')}
    </a>
  );
}
