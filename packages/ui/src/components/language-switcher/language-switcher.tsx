import { useI18n } from '../../i18n/i18n-provider.js';

/** One language a page is available in. */
export interface LanguageLink {
  /** BCP 47 tag, e.g. `id` or `en`. */
  lang: string;
  /** The language's name in itself: "Bahasa Indonesia", "English". */
  label: string;
  href: string;
}

export interface LanguageSwitcherProps {
  languages: readonly LanguageLink[];
  /** `lang` of the page being shown; that link gets `aria-current`. */
  current: string;
}

/**
 * Links to the same page in other languages. Each is named in its own language with `lang`
 * and `hreflang`, so a screen reader pronounces it correctly (WCAG 3.1.2). Plain links, no
 * `<select>`: they work without JavaScript and need one tap.
 */
export function LanguageSwitcher({ languages, current }: LanguageSwitcherProps) {
  const { t } = useI18n();
  return (
    <nav className="mpp-language-switcher" aria-label={t('header.languageSwitcher')}>
      <ul className="mpp-language-switcher__list">
        {languages.map((language) => (
          <li key={language.lang} className="mpp-language-switcher__item">
            <a
              className="mpp-language-switcher__link"
              href={language.href}
              lang={language.lang}
              hrefLang={language.lang}
              aria-current={language.lang === current ? 'true' : undefined}
            >
              {language.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
