import '@mpp-kit/ui/styles.css';
import { I18nProvider, LiveAnnouncer, type Locale } from '@mpp-kit/ui';
import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';

type Theme = 'default' | 'high-contrast' | 'large-text';

/** Wraps every story in the kit's root class, theme, language and live regions. */
const withKit: Decorator = (Story, context) => {
  const locale = (context.globals.locale ?? 'id') as Locale;
  const theme = (context.globals.theme ?? 'default') as Theme;
  const textSize = Number(context.globals.textSize ?? 100);
  useEffect(() => {
    document.documentElement.lang = locale;
    // 200% text (WCAG 1.4.4) is the browser's text-size setting: it scales the root font size.
    document.documentElement.style.fontSize = textSize === 100 ? '' : `${textSize}%`;
  }, [locale, textSize]);
  return (
    <I18nProvider locale={locale}>
      <div className="mpp-root" data-mpp-theme={theme} lang={locale}>
        <LiveAnnouncer>
          <Story />
        </LiveAnnouncer>
      </div>
    </I18nProvider>
  );
};

const preview: Preview = {
  decorators: [withKit],
  tags: ['autodocs'],
  initialGlobals: { locale: 'id', theme: 'default', textSize: 100 },
  globalTypes: {
    locale: {
      description: 'Bahasa / Language',
      toolbar: {
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Tema / Theme',
      toolbar: {
        icon: 'contrast',
        items: ['default', 'high-contrast', 'large-text'],
        dynamicTitle: true,
      },
    },
    textSize: {
      description: 'Ukuran teks / Text size (%)',
      toolbar: { icon: 'zoom', items: [100, 200], dynamicTitle: true },
    },
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Any axe violation fails the story's test in the Vitest run.
      test: 'error',
      options: {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
      },
      config: {
        rules: [
          // `region` wants all content inside landmarks. A component story shows one component
          // out of its page, so the rule can only fail there; page stories (tag `page`) turn it
          // back on in their own parameters. Same reason as GOV.UK (govuk-frontend #1604).
          { id: 'region', enabled: false },
        ],
      },
    },
  },
};

export default preview;
