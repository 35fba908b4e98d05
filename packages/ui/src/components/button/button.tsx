import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { cx } from '../cx.js';

/** Visual weight of a button: one `primary` per page section. */
export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  children: ReactNode;
  /** Default `primary`. */
  variant?: ButtonVariant;
  /** Renders a link styled as a button (e.g. "Mulai sekarang") instead of a `<button>`. */
  href?: string;
  /**
   * Shows that the action is running: the button stays focusable but inert (`aria-disabled`) and
   * a polite status next to it says "Memproses, mohon tunggu".
   */
  loading?: boolean;
  /** Stretches to the full width of its container, as on kiosks. */
  block?: boolean;
  /** Larger touch target (≥ 48 px), for kiosk screens. */
  size?: 'normal' | 'large';
}

/**
 * A button or button-styled link. `type` defaults to `submit` as in HTML, so a `<Form>` posts
 * without JavaScript; pass `type="button"` for actions handled in the page.
 */
export function Button({
  children,
  variant = 'primary',
  href,
  loading = false,
  block = false,
  size = 'normal',
  className,
  type = 'submit',
  onClick,
  ...rest
}: ButtonProps) {
  const { t } = useI18n();
  const classes = cx(
    'mpp-button',
    `mpp-button--${variant}`,
    block && 'mpp-button--block',
    size === 'large' && 'mpp-button--large',
    className,
  );
  if (href !== undefined) {
    return (
      <a className={classes} href={href} draggable={false}>
        {children}
      </a>
    );
  }
  return (
    <>
      <button
        {...rest}
        type={type}
        className={classes}
        aria-disabled={loading || rest['aria-disabled'] ? true : undefined}
        data-loading={loading ? '' : undefined}
        onClick={(event) => {
          // aria-disabled keeps focus on the button (unlike `disabled`); block the action here.
          if (loading) {
            event.preventDefault();
            return;
          }
          onClick?.(event);
        }}
      >
        {loading && <span className="mpp-button__spinner" aria-hidden="true" />}
        {children}
      </button>
      <span className="mpp-visually-hidden" role="status">
        {loading ? t('button.loading') : ''}
      </span>
    </>
  );
}
