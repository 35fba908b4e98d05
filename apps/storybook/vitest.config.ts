import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const configDir = fileURLToPath(new URL('./.storybook', import.meta.url));
const reflowConfigDir = fileURLToPath(new URL('./.storybook-reflow', import.meta.url));

// Debian's Chromium; the project never downloads a browser. Flags: root needs --no-sandbox,
// and the closed network refuses Chromium's background connections.
const launchOptions = {
  executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** One Vitest project running stories in Chromium with the given context and viewport. */
function browserProject(
  name: string,
  options: {
    contextOptions?: Record<string, unknown>;
    viewport?: { width: number; height: number };
    tags?: { include?: string[] };
    initialGlobals?: Record<string, unknown>;
  },
) {
  return {
    extends: true as const,
    plugins: [
      storybookTest({
        configDir: options.tags ? reflowConfigDir : configDir,
        tags: options.tags,
        initialGlobals: options.initialGlobals,
      }),
    ],
    test: {
      name,
      browser: {
        enabled: true,
        headless: true,
        ...(options.viewport ? { viewport: options.viewport } : {}),
        provider: playwright({
          launchOptions,
          contextOptions: { locale: 'id-ID', ...options.contextOptions },
        }),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      // Every story: render, play function, axe (WCAG 2.2 AA + best practice) at a desktop size.
      browserProject('storybook', { viewport: { width: 1280, height: 800 } }),
      // Stories tagged `reflow`: again at 320 CSS px (WCAG 1.4.10) in forced colours with reduced motion.
      browserProject('narrow-forced-colors', {
        viewport: { width: 320, height: 720 },
        contextOptions: { forcedColors: 'active', reducedMotion: 'reduce' },
        tags: { include: ['reflow'] },
      }),
      // Stories tagged `reflow`: again with text at 200% (WCAG 1.4.4).
      browserProject('text-200', {
        viewport: { width: 1280, height: 800 },
        tags: { include: ['reflow'] },
        initialGlobals: { textSize: 200 },
      }),
    ],
  },
});
