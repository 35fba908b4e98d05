import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { en } from './catalogue-en.js';
import { id, type MessageKey } from './catalogue-id.js';

/** A language the kit ships strings for. Bahasa Indonesia is the default. */
export type Locale = 'id' | 'en';

/** Looks up a string and fills `{name}` placeholders. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The built-in string catalogues, by locale. */
export const catalogues: Record<Locale, Record<MessageKey, string>> = { id, en };

/** Fills `{name}` placeholders in a catalogue string. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Builds a translate function for a locale, with optional overrides of single strings. */
export function createTranslator(
  locale: Locale,
  overrides?: Partial<Record<MessageKey, string>>,
): Translate {
  const catalogue = catalogues[locale];
  return (key, values) => format(overrides?.[key] ?? catalogue[key], values);
}

interface I18nValue {
  locale: Locale;
  t: Translate;
}

// The default needs only the Indonesian catalogue, so a bundle without I18nProvider leaves out English.
const I18nContext = /* @__PURE__ */ createContext<I18nValue>({
  locale: 'id',
  t: (key, values) => format(id[key], values),
});

export interface I18nProviderProps {
  /** Language of the strings the components render; `id` when absent. */
  locale?: Locale;
  /** Replaces single strings, e.g. to name your own MPP in the footer. */
  messages?: Partial<Record<MessageKey, string>>;
  children: ReactNode;
}

/**
 * Gives every component below it its language. Works on the server: render it around the page
 * in `renderToString`, with the locale taken from the request.
 */
export function I18nProvider({ locale = 'id', messages, children }: I18nProviderProps) {
  const value = useMemo(
    () => ({ locale, t: createTranslator(locale, messages) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale and translate function. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
