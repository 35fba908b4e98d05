import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** A page or endpoint file and the URL pattern Astro serves it at. */
export interface PackageRoute {
  pattern: string;
  entrypoint: string;
}

/** What the package's `src/routes/` holds: Astro pages and TypeScript endpoints. */
const PACKAGE_ROUTE_FILE = /\.(astro|ts)$/;
/** What Astro routes in a project's `src/pages/` (pages, Markdown, endpoints). */
const PROJECT_ROUTE_FILE = /\.(astro|md|mdx|markdown|html|ts|js|mjs)$/;

function routesIn(routesDir: string, routeFile: RegExp): PackageRoute[] {
  const routes: PackageRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Astro routes no file or folder whose name starts with an underscore
      if (entry.name.startsWith('_')) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (routeFile.test(entry.name) && !/\.(test|spec|d)\.[cm]?ts$/.test(entry.name)) {
        const relative = path.relative(routesDir, file).split(path.sep).join('/');
        const withoutExtension = relative.replace(routeFile, '');
        const pattern = `/${withoutExtension.replace(/(^|\/)index$/, '')}`;
        routes.push({
          pattern: pattern === '/' ? '/' : pattern.replace(/\/$/, ''),
          entrypoint: file,
        });
      }
    }
  };
  walk(routesDir);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * The package's routes, read from its `src/routes/` folder with Astro's own file-name rules
 * (`index` is the folder, `[id]` a parameter, `laporan.csv.ts` an endpoint at `laporan.csv`), so
 * that one folder is the single list of what the app serves.
 */
export function packageRoutes(routesDir: string): PackageRoute[] {
  return routesIn(routesDir, PACKAGE_ROUTE_FILE);
}

/** A project's own pages (`src/pages/`), by the same rules; none when the folder is absent. */
export function projectRoutes(pagesDir: string): PackageRoute[] {
  return existsSync(pagesDir) ? routesIn(pagesDir, PROJECT_ROUTE_FILE) : [];
}

/** Two patterns that serve the same URLs: parameter names do not matter (`[id]` = `[kode]`). */
const sameUrls = (pattern: string) =>
  pattern.replace(/\[\.\.\.[^\]]+\]/g, '[...]').replace(/\[[^\].]+\]/g, '[]');

/** A project page that would take the place of one of the app's routes. */
export interface RouteCollision {
  pattern: string;
  projectFile: string;
  appFile: string;
}

/**
 * The project pages at exactly a URL pattern of the app (Astro would warn and serve one of them).
 * A project page at a more specific path than an app's parameter route (`/layanan/khusus` next to
 * `/layanan/[id]`) is not a collision: Astro serves the static path first.
 */
export function routeCollisions(app: PackageRoute[], project: PackageRoute[]): RouteCollision[] {
  const byUrls = new Map(app.map((route) => [sameUrls(route.pattern), route]));
  return project.flatMap((page) => {
    const clash = byUrls.get(sameUrls(page.pattern));
    return clash
      ? [{ pattern: page.pattern, projectFile: page.entrypoint, appFile: clash.entrypoint }]
      : [];
  });
}

/** The build error for project pages that collide with the app's routes, in both languages. */
export function collisionMessage(collisions: RouteCollision[], projectRoot: string): string {
  const lines = collisions.map(
    (c) =>
      `  ${c.pattern}: ${path.relative(projectRoot, c.projectFile)} ↔ @mpp-kit/app ${path.basename(c.appFile)}`,
  );
  return [
    '@mpp-kit/app: halaman proyek memakai alamat halaman aplikasi / project pages use URLs of the app:',
    ...lines,
    'Pindahkan halaman ke alamat lain, atau ganti bagian halaman lewat opsi overrides dari mpp() /',
    'move the page to another path, or change part of an app page through the overrides option of mpp().',
  ].join('\n');
}
