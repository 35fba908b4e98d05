import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';

export interface NotificationBannerProps {
  /** `success` confirms an action just taken: it is an alert and takes focus. Default `info`. */
  type?: 'info' | 'success';
  /** Short title; "Penting" or "Berhasil" by default. */
  title?: string;
  children: ReactNode;
}

/**
 * A message about the whole service or the action just taken. Informational banners are a
 * labelled region; success banners are `role="alert"` and are focused on load, so the result is
 * heard first.
 */
export function NotificationBanner({ type = 'info', title, children }: NotificationBannerProps) {
  const { t } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (type === 'success') ref.current?.focus();
  }, [type]);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is region or alert, both take a label.
    <div
      ref={ref}
      className={cx(
        'mpp-notification-banner',
        type === 'success' && 'mpp-notification-banner--success',
      )}
      role={type === 'success' ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={type === 'success' ? -1 : undefined}
    >
      <h2 className="mpp-notification-banner__title" id={titleId}>
        {title ?? t(type === 'success' ? 'notification.success' : 'notification.important')}
      </h2>
      <div className="mpp-notification-banner__content">{children}</div>
    </div>
  );
}
