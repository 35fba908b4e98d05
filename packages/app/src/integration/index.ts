import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import type { AstroIntegration } from 'astro';
import { type OverrideName, overridesPlugin, resolveOverrides } from './overrides.js';
import { collisionMessage, packageRoutes, projectRoutes, routeCollisions } from './routes.js';

export type {
  AnnouncementModule,
  BoardFrameProps,
  FooterProps,
  HeaderProps,
  HomeIntroProps,
  TicketPrintProps,
} from '../overridable/contracts.js';
export type { OverrideName, OverrideProps } from './overrides.js';
export { OVERRIDES, OverrideError } from './overrides.js';

/** Options of {@link mpp}: what a regional project may change without forking the app. */
export interface MppOptions {
  /**
   * Components of the project that replace the app's own, by name; each path is relative to the
   * project root (where `astro.config.mjs` is) and must take the props of its contract
   * ({@link OverrideProps}). Example: `{ TicketPrint: './src/overrides/TicketPrint.astro' }`.
   * A replacement may import the default it replaces to wrap it
   * (`import Default from '@mpp-kit/app/overridable/TicketPrint.astro'`). An unknown name, a
   * missing file or a file of the wrong kind stops the build with a message naming the option.
   */
  overrides?: Partial<Record<OverrideName, string>>;
}

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

const SSR_BUNDLED = [
  /^@mpp-kit\//,
  '@astrojs/react',
  '@astrojs/node',
  'react',
  'react-dom',
  'zod',
  'qrcode',
  'yaml',
];

const resolveFromHere = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

/**
 * The MPP app as an Astro integration: injects every page and API route, the middleware and the
 * React renderer, and sets the Node adapter in middleware mode (the `mpp-app start` server owns
 * start-up and hands requests to Astro). A project's `astro.config.mjs` is then one call:
 *
 * ```js
 * import mpp from '@mpp-kit/app';
 * import { defineConfig } from 'astro/config';
 * export default defineConfig({ integrations: [mpp()] });
 * ```
 */
export default function mpp(options: MppOptions = {}): AstroIntegration {
  return {
    name: '@mpp-kit/app',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute, addMiddleware, logger }) => {
        const root = fileURLToPath(config.root);
        const overrides = resolveOverrides(options.overrides, root);
        for (const [name, file] of Object.entries(overrides))
          logger.info(`override ${name} → ${file}`);
        if (!existsSync(`${srcDir}routes`))
          throw new Error(`@mpp-kit/app: its routes folder is missing (${srcDir}routes)`);
        const routes = packageRoutes(`${srcDir}routes`);
        // A project page may add a URL, never take one of the app's: Astro would only warn and
        // serve one of the two, and the app's page would silently stop getting its upgrades.
        const collisions = routeCollisions(
          routes,
          projectRoutes(fileURLToPath(new URL('pages/', config.srcDir))),
        );
        if (collisions.length > 0) throw new Error(collisionMessage(collisions, root));
        for (const route of routes) injectRoute(route);
        addMiddleware({ entrypoint: `${srcDir}middleware.ts`, order: 'pre' });
        // The project may bring its own adapter; by default the app's server runs Astro's Node
        // adapter in middleware mode (Astro checks `config.adapter`, and runs its hooks as an
        // integration, so it is set in both places).
        const adapter = config.adapter ? undefined : node({ mode: 'middleware' });
        updateConfig({
          output: 'server',
          ...(adapter ? { adapter } : {}),
          integrations: [react(), ...(adapter ? [adapter] : [])],
          // CSRF is enforced by the app's own token check on every form (src/middleware.ts);
          // Astro's Origin check would reject legitimate posts behind a TLS-terminating proxy.
          security: { checkOrigin: false },
          build: { inlineStylesheets: 'always' },
          devToolbar: { enabled: false },
          vite: {
            plugins: [overridesPlugin(srcDir, overrides)],
            // The package ships TypeScript sources and pure libraries that pages import: bundle
            // them into the project's build rather than resolve them from its node_modules.
            // React and its Astro renderer come along too, resolved from this package, so that a
            // project needs no dependency but @mpp-kit/app and astro, whatever its package manager
            // (pnpm does not hoist them where the project's build output could find them).
            ssr: { noExternal: SSR_BUNDLED },
            resolve: {
              alias: Object.fromEntries(
                [
                  '@astrojs/react/server.js',
                  '@astrojs/react/client.js',
                  '@astrojs/node/server.js',
                ].map((entry) => [entry, resolveFromHere(entry)]),
              ),
            },
          },
        });
      },
    },
  };
}
