import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The README examples import the package by name, as an app would; point it at the source.
  resolve: {
    alias: [
      {
        find: /^@mpp-kit\/ui$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    // CI runs every workspace's suite on 2 shared cores; CLI and property tests get room.
    testTimeout: 30_000,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
  },
});
