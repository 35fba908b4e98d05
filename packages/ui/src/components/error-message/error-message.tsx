import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';

export interface ErrorMessageProps {
  /** Referenced by the control's `aria-describedby`; by convention `{controlId}-error`. */
  id: string;
  children: ReactNode;
}

/**
 * The message next to a field that failed validation on the server. A hidden "Kesalahan:"
 * prefix tells screen-reader users it is an error, not a hint.
 */
export function ErrorMessage({ id, children }: ErrorMessageProps) {
  const { t } = useI18n();
  return (
    <p id={id} className="mpp-error-message">
      <span className="mpp-visually-hidden">{t('error.prefix')} </span>
      {children}
    </p>
  );
}
