import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collisionMessage, packageRoutes, projectRoutes, routeCollisions } from './routes.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function pages(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mpp-pages-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

const appRoutes = packageRoutes(fileURLToPath(new URL('../routes/', import.meta.url)));

describe('packageRoutes', () => {
  it('serves the app at the URLs its route files name', () => {
    const patterns = appRoutes.map((r) => r.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['/', '/jam-layanan', '/layanan/[id]', '/board/[id]']),
    );
    expect(patterns).toContain('/kiosk/[id]/cetak/[code]');
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});

describe('projectRoutes', () => {
  it("reads a project's pages by Astro's rules and skips what Astro does not route", () => {
    const dir = pages([
      'index.astro',
      'tentang.md',
      'gedung/denah.astro',
      'data/[tahun].json.ts',
      '_partials/Card.astro',
      '_draft.astro',
      'styles.css',
    ]);
    expect(projectRoutes(dir).map((r) => r.pattern)).toEqual([
      '/',
      '/data/[tahun].json',
      '/gedung/denah',
      '/tentang',
    ]);
    expect(projectRoutes(path.join(dir, 'absent'))).toEqual([]);
  });
});

describe('routeCollisions', () => {
  it('finds a project page at an app URL, whatever its parameters are called', () => {
    const dir = pages([
      'index.astro',
      'layanan/[slug].astro',
      'layanan/khusus.astro',
      'denah.astro',
    ]);
    const collisions = routeCollisions(appRoutes, projectRoutes(dir));
    expect(collisions.map((c) => c.pattern)).toEqual(['/', '/layanan/[slug]']);
    const message = collisionMessage(collisions, path.dirname(dir));
    expect(message).toContain(
      'halaman proyek memakai alamat halaman aplikasi / project pages use URLs of the app',
    );
    expect(message).toMatch(/ {2}\/: .*index\.astro ↔ @mpp-kit\/app index\.astro/);
    expect(message).toContain('overrides option of mpp()');
  });

  it('lets a project add pages at new URLs, and a static page next to an app parameter route', () => {
    const dir = pages(['denah.astro', 'layanan/khusus.astro', 'kiosk/[id]/bantuan.astro']);
    expect(routeCollisions(appRoutes, projectRoutes(dir))).toEqual([]);
  });
});
