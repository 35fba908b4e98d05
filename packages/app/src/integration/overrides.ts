import { statSync } from 'node:fs';
import path from 'node:path';
import type { ViteUserConfig } from 'astro';
import type {
  AnnouncementModule,
  BoardFrameProps,
  FooterProps,
  HeaderProps,
  HomeIntroProps,
  TicketPrintProps,
} from '../overridable/contracts.js';

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/**
 * The components a regional project may replace, each with the file that is the app's default
 * (in `src/overridable/`, importable as `@mpp-kit/app/overridable/<file>`). Everything else
 * belongs to the package and changes only through its releases.
 */
export const OVERRIDES = {
  /** The site header: name, logo, main navigation, language switch. */
  Header: 'Header.astro',
  /** The site footer. */
  Footer: 'Footer.astro',
  /** The introduction at the top of the home page, above the service directory. */
  HomeIntro: 'HomeIntro.astro',
  /** The ticket printed at the kiosk (58/80 mm). */
  TicketPrint: 'TicketPrint.astro',
  /** The frame around the display board: title bar and the space below the board. */
  BoardFrame: 'BoardFrame.astro',
  /** The wording of a call, spoken and shown on the board (a module, not a component). */
  Announcement: 'announcement.ts',
} as const;

export type OverrideName = keyof typeof OVERRIDES;

/** The props contract of each override (the module contract for `Announcement`). */
export interface OverrideProps {
  Header: HeaderProps;
  Footer: FooterProps;
  HomeIntro: HomeIntroProps;
  TicketPrint: TicketPrintProps;
  BoardFrame: BoardFrameProps;
  Announcement: AnnouncementModule;
}

/** A wrong `overrides` option of `mpp()`: the message names the option and says what to do. */
export class OverrideError extends Error {
  constructor(message: string) {
    super(`@mpp-kit/app: ${message}`);
    this.name = 'OverrideError';
  }
}

const COMPONENT_FILE = /\.astro$/;
const MODULE_FILE = /\.(ts|mts|js|mjs)$/;

/** The file kinds an override may be: an Astro component, or a module for `Announcement`. */
function kindOf(name: OverrideName): { test: RegExp; id: string; en: string } {
  return OVERRIDES[name].endsWith('.astro')
    ? { test: COMPONENT_FILE, id: 'komponen .astro', en: 'an .astro component' }
    : { test: MODULE_FILE, id: 'modul .ts/.js', en: 'a .ts or .js module' };
}

/**
 * Checks the `overrides` option of `mpp()` and returns each replacement as an absolute path. An
 * unknown name, a path that is not a file, or a file of the wrong kind stops the build with an
 * {@link OverrideError} in Indonesian and English that names the option (`overrides.<Name>`).
 */
export function resolveOverrides(
  overrides: unknown,
  projectRoot: string,
): Partial<Record<OverrideName, string>> {
  if (overrides === undefined) return {};
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new OverrideError(
      'opsi overrides harus berupa objek nama → berkas / the overrides option must be an object of name → file, ' +
        `e.g. overrides: { HomeIntro: './src/overrides/HomeIntro.astro' }`,
    );
  }
  const known = Object.keys(OVERRIDES).join(', ');
  const resolved: Partial<Record<OverrideName, string>> = {};
  for (const [name, file] of Object.entries(overrides)) {
    const option = `overrides.${name}`;
    if (!Object.hasOwn(OVERRIDES, name)) {
      throw new OverrideError(
        `${option}: "${name}" bukan komponen yang dapat diganti / is not an override; known: ${known}`,
      );
    }
    const overrideName = name as OverrideName;
    if (typeof file !== 'string' || file.trim() === '') {
      throw new OverrideError(
        `${option}: perlu path berkas relatif ke root proyek / needs a file path relative to the project root, e.g. './src/overrides/${OVERRIDES[overrideName]}'`,
      );
    }
    const absolute = path.resolve(projectRoot, file);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isFile()) {
      throw new OverrideError(
        `${option}: berkas tidak ada / file not found: ${absolute} (${file} relative to ${projectRoot})`,
      );
    }
    const kind = kindOf(overrideName);
    if (!kind.test.test(absolute)) {
      throw new OverrideError(
        `${option}: harus ${kind.id} / must be ${kind.en}, not ${path.basename(absolute)}`,
      );
    }
    resolved[overrideName] = absolute;
  }
  return resolved;
}

const withoutQuery = (id: string) => id.split('?')[0] ?? id;

/**
 * Sends every import of a default overridable file to the project's replacement, in the server
 * build and in the client (island) build alike. Pages import the defaults by their real path, so
 * types and editors see the contract; only the build redirects. The replacement itself is never
 * redirected, so it may import the default it replaces (to wrap it) without a loop.
 */
export function overridesPlugin(
  srcDir: string,
  overrides: Partial<Record<OverrideName, string>>,
): VitePlugin {
  const redirects = new Map<string, string>();
  for (const [name, file] of Object.entries(overrides) as [OverrideName, string][]) {
    redirects.set(path.join(srcDir, 'overridable', OVERRIDES[name]), file);
  }
  return {
    name: '@mpp-kit/app:overrides',
    enforce: 'pre',
    async resolveId(source: string, importer: string | undefined, options: object) {
      if (redirects.size === 0 || !importer || !source.includes('overridable/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const target = redirects.get(path.normalize(withoutQuery(resolved.id)));
      // the replacement importing the default it wraps gets the default
      if (!target || path.normalize(withoutQuery(importer)) === target) return null;
      return target;
    },
  };
}
