// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// The Node adapter runs in middleware mode: our own HTTP server (src/server/) owns start-up
// (database, migrations, config) and shutdown (draining SSE), then hands requests to Astro.
// See docs/decisions/0050-template-app-stack.md.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  integrations: [react()],
  // CSRF is enforced by our own token check on every form (src/middleware.ts); Astro's
  // Origin check would reject legitimate posts behind a TLS-terminating proxy.
  security: { checkOrigin: false },
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
