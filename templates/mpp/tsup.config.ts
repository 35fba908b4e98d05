import { defineConfig } from 'tsup';

// Builds the process entry (start / migrate / seed) next to Astro's output in dist/.
export default defineConfig({
  entry: { main: 'src/server/main.ts' },
  outDir: 'dist/run',
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node24',
});
