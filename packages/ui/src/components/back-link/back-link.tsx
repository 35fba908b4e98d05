import { useI18n } from '../../i18n/i18n-provider.js';

export interface BackLinkProps {
  href: string;
  /** Default "Kembali" / "Back". */
  children?: string;
}

/** A link to the previous step of a journey, at the top of the page. Always a real link. */
export function BackLink({ href, children }: BackLinkProps) {
  const { t } = useI18n();
  return (
    <a className="mpp-back-link" href={href}>
      {children ?? t('backLink.label')}
    </a>
  );
}
