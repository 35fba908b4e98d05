import { defineConfig } from 'tsup';

// Two entries: the Astro integration a project puts in astro.config.mjs (with its types), and the
// process entry behind `mpp-app start|migrate|check-config`. Pages, features and components ship
// as source under src/: the project's own `astro build` compiles them (like Starlight).
export default defineConfig([
  {
    entry: { index: 'src/integration/index.ts' },
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node24',
    external: ['astro', '@astrojs/node', '@astrojs/react'],
  },
  {
    entry: { cli: 'src/server/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node24',
  },
]);
