import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

// Stories live next to their components in packages/ui (one folder per component).
const uiSource = fileURLToPath(new URL('../../../packages/ui/src/', import.meta.url));

const config: StorybookConfig = {
  // Relative to this folder: the Vitest plugin resolves story globs against it.
  stories: ['../docs/*.mdx', '../../../packages/ui/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    // The preview's decorators must share React contexts with the stories, which import the
    // components from source; so `@mpp-kit/ui` (the JS entry only) points at the source too.
    // CSS subpaths (`@mpp-kit/ui/styles.css`) still resolve to the built files.
    viteConfig.resolve ??= {};
    const alias = { find: /^@mpp-kit\/ui$/, replacement: `${uiSource}index.ts` };
    const existing = viteConfig.resolve.alias;
    viteConfig.resolve.alias = Array.isArray(existing)
      ? [...existing, alias]
      : [
          ...Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement })),
          alias,
        ];
    return viteConfig;
  },
};

export default config;
