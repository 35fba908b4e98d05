import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CI runs every workspace's suite on 2 shared cores; CLI and property tests get room.
    testTimeout: 30_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
