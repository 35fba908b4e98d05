import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A page or endpoint file of the package and the URL pattern Astro serves it at. */
export interface PackageRoute {
  pattern: string;
  entrypoint: string;
}

const ROUTE_FILE = /\.(astro|ts)$/;

/**
 * The package's routes, read from its `src/routes/` folder with Astro's own file-name rules
 * (`index` is the folder, `[id]` a parameter, `laporan.csv.ts` an endpoint at `laporan.csv`), so
 * that one folder is the single list of what the app serves.
 */
export function packageRoutes(routesDir: string): PackageRoute[] {
  const routes: PackageRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (ROUTE_FILE.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
        const relative = path.relative(routesDir, file).split(path.sep).join('/');
        const withoutExtension = relative.replace(ROUTE_FILE, '');
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
