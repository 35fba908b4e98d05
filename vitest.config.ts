import { defineConfig } from 'vitest/config';

// Watch mode across the workspace (`pnpm test:watch`). CI runs each package's own
// `vitest run` through turbo instead, so results are cached per package.
export default defineConfig({
  test: {
    projects: ['packages/*', 'templates/*', 'infra/*', 'apps/*'],
  },
});
