import { defineConfig } from 'tsup';

export default defineConfig({
  // cli.ts starts with a shebang; tsup keeps it and marks dist/cli.js executable.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node24',
});
