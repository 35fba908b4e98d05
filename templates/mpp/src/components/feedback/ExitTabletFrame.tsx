import { I18nProvider, KioskShell } from '@mpp-kit/ui';
import { type ReactNode, useEffect } from 'react';
import type { Lang } from '../../lib/i18n.js';

export interface ExitTabletFrameProps {
  /** The MPP's name, in the top bar. */
  title: string;
  lang: Lang;
  /** Seconds without a touch before the idle warning. */
  idleSeconds: number;
  /** Seconds the warning counts down before the tablet goes back to its start screen. */
  warningSeconds: number;
  /** The language switch (a plain link, so it works without JavaScript). */
  switchLink: { href: string; text: string; label: string; lang: Lang };
  children?: ReactNode;
}

/**
 * The exit tablet's frame: `@mpp-kit/ui`'s `KioskShell` (48 px targets, large-text switch, idle
 * warning), always resetting to `/survei/tablet` so the next citizen starts afresh.
 */
export function ExitTabletFrame({
  title,
  lang,
  idleSeconds,
  warningSeconds,
  switchLink,
  children,
}: ExitTabletFrameProps) {
  useEffect(() => {
    // tests and supervisors read how long an untouched screen stays
    document.documentElement.dataset.idleReset = String(idleSeconds + warningSeconds);
  }, [idleSeconds, warningSeconds]);
  return (
    <I18nProvider locale={lang}>
      <KioskShell
        title={title}
        idleSeconds={idleSeconds}
        warningSeconds={warningSeconds}
        onTimeout={() => window.location.assign('/survei/tablet')}
        mainId="main"
        actions={
          <a
            className="mpp-button mpp-button--secondary mpp-button--large lang-switch"
            href={switchLink.href}
            lang={switchLink.lang}
            aria-label={switchLink.label}
          >
            {switchLink.text}
          </a>
        }
      >
        {children}
      </KioskShell>
    </I18nProvider>
  );
}
