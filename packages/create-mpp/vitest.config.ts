import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/temp-root.ts'],
    // The scaffolding tests run the built CLI as a child process; on a busy 2-core CI machine
    // (turbo runs other packages' tests alongside) one run can take several seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
