import { I18nProvider, KioskShell } from '@mpp-kit/ui';
import { type ReactNode, useEffect } from 'react';
import type { Lang } from '../../../shared/i18n/i18n.js';

export interface KioskFrameProps {
  /** The MPP's name, in the kiosk's top bar. */
  title: string;
  lang: Lang;
  /** Where the kiosk goes back to when nobody answers the idle warning. */
  resetUrl: string;
  /** Seconds without a touch before the warning. */
  idleSeconds: number;
  /** Seconds the warning counts down. */
  warningSeconds: number;
  /** The language switch (a plain link, so it works before hydration and without JavaScript). */
  switchLink: { href: string; text: string; label: string; lang: Lang };
  children?: ReactNode;
}

/**
 * A kiosk screen in `@mpp-kit/ui`'s `KioskShell`: large-text switch, 48 px targets, and the idle
 * warning that resets the kiosk for the next citizen. The screen's own content (forms that work
 * without JavaScript) is rendered by the page and passed in as children.
 */
export function KioskFrame({
  title,
  lang,
  resetUrl,
  idleSeconds,
  warningSeconds,
  switchLink,
  children,
}: KioskFrameProps) {
  useEffect(() => {
    // tests and kiosk supervisors read how long an untouched screen stays
    document.documentElement.dataset.idleReset = String(idleSeconds + warningSeconds);
  }, [idleSeconds, warningSeconds]);
  return (
    <I18nProvider locale={lang}>
      <KioskShell
        title={title}
        idleSeconds={idleSeconds}
        warningSeconds={warningSeconds}
        onTimeout={() => window.location.assign(resetUrl)}
        mainId="main"
        actions={
          // a landmark of its own, so the switch is inside one before hydration too
          <nav aria-label={lang === 'id' ? 'Bahasa' : 'Language'} className="kiosk-lang">
            <a
              className="mpp-button mpp-button--secondary mpp-button--large lang-switch"
              href={switchLink.href}
              lang={switchLink.lang}
              aria-label={switchLink.label}
            >
              {switchLink.text}
            </a>
          </nav>
        }
      >
        {children}
      </KioskShell>
    </I18nProvider>
  );
}
