import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-provider.js';
import { Button } from '../button/button.js';

export interface KioskShellProps {
  /** MPP name shown at the top of the kiosk. */
  title: string;
  children: ReactNode;
  /** Seconds without a touch or key before the warning. Default 60. */
  idleSeconds?: number;
  /** Seconds the warning counts down before `onTimeout`. Default 30. */
  warningSeconds?: number;
  /** Called when nobody answers the warning: reset the kiosk to its start screen. */
  onTimeout: () => void;
  /** Start with large text on. */
  defaultLargeText?: boolean;
  /** Extra controls in the top bar, e.g. a LanguageSwitcher. */
  actions?: ReactNode;
  /** `id` of the `<main>` element, the target of the page's skip link. Default `main-content`. */
  mainId?: string;
}

/**
 * Frame of the touch kiosk: top bar with the large-text switch, the screen content, and the
 * idle timeout. After `idleSeconds` without input a modal dialog warns, counts down and offers
 * "Saya perlu waktu lagi" (WCAG 2.2.1); if nobody answers, `onTimeout` resets the kiosk so the
 * next citizen never sees someone else's data. All targets are at least 48 px.
 */
export function KioskShell({
  title,
  children,
  idleSeconds = 60,
  warningSeconds = 30,
  onTimeout,
  defaultLargeText = false,
  actions,
  mainId = 'main-content',
}: KioskShellProps) {
  const { t } = useI18n();
  const [largeText, setLargeText] = useState(defaultLargeText);
  const [remaining, setRemaining] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const titleId = useId();
  const bodyId = useId();

  const restart = useCallback(() => {
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => setRemaining(warningSeconds), idleSeconds * 1000);
  }, [idleSeconds, warningSeconds]);

  useEffect(() => {
    restart();
    return () => clearTimeout(idleTimer.current);
  }, [restart]);

  // Count down once the warning is up; at zero, reset the kiosk.
  useEffect(() => {
    if (remaining === null) return;
    if (remaining <= 0) {
      setRemaining(null);
      onTimeout();
      restart();
      return;
    }
    const tick = setTimeout(
      () => setRemaining((value) => (value === null ? null : value - 1)),
      1000,
    );
    return () => clearTimeout(tick);
  }, [remaining, onTimeout, restart]);

  const warning = remaining !== null;
  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (warning && !node.open) node.showModal?.();
    if (!warning && node.open) node.close();
  }, [warning]);

  // Any touch, click or key press inside the kiosk counts as activity (not while warning:
  // only the dialog's button answers it).
  useEffect(() => {
    const node = root.current;
    if (!node || warning) return;
    node.addEventListener('pointerdown', restart);
    node.addEventListener('keydown', restart);
    return () => {
      node.removeEventListener('pointerdown', restart);
      node.removeEventListener('keydown', restart);
    };
  }, [warning, restart]);

  const moreTime = () => {
    setRemaining(null);
    restart();
  };

  return (
    <div ref={root} className="mpp-kiosk" data-mpp-theme={largeText ? 'large-text' : undefined}>
      {/* a <header>: the MPP's name and the switches are the page's banner landmark */}
      <header className="mpp-kiosk__bar">
        <p className="mpp-kiosk__title">{title}</p>
        <div className="mpp-kiosk__actions">
          {actions}
          <Button
            type="button"
            variant="secondary"
            size="large"
            aria-pressed={largeText}
            onClick={() => setLargeText((value) => !value)}
          >
            {t('kiosk.largeText')}
          </Button>
        </div>
      </header>
      <main className="mpp-kiosk__main" id={mainId}>
        {children}
      </main>
      <dialog
        ref={dialog}
        className="mpp-kiosk__dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onCancel={(event) => {
          // Escape means "I'm still here", not "close and keep counting".
          event.preventDefault();
          moreTime();
        }}
      >
        <h2 className="mpp-heading-m" id={titleId}>
          {t('kiosk.idleTitle')}
        </h2>
        <p className="mpp-body" id={bodyId}>
          {t('kiosk.idleBody', { seconds: remaining ?? warningSeconds })}
        </p>
        <Button type="button" size="large" block onClick={moreTime} autoFocus>
          {t('kiosk.moreTime')}
        </Button>
      </dialog>
    </div>
  );
}
