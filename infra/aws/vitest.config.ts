import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/temp-root.ts'],
    // Pulumi keeps its runtime state in a process-global store: one program per file, one file per fork.
    pool: 'forks',
    isolate: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { PULUMI_NODEJS_SKIP_COMPONENT_INPUTS: 'true' },
  },
});
