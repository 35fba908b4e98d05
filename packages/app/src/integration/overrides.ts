import { existsSync } from 'node:fs';
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
 * The components a regional project may replace, each with the file that is the app's default.
 * Everything else belongs to the package and changes only through its releases.
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

/** Checks override names and files; an unknown name or a missing file stops the build. */
export function resolveOverrides(
  overrides: Partial<Record<string, string>>,
  projectRoot: string,
): Partial<Record<OverrideName, string>> {
  const resolved: Partial<Record<OverrideName, string>> = {};
  for (const [name, file] of Object.entries(overrides)) {
    if (!(name in OVERRIDES)) {
      throw new Error(
        `@mpp-kit/app: override "${name}" tidak dikenal / is not an override; known: ${Object.keys(OVERRIDES).join(', ')}`,
      );
    }
    if (typeof file !== 'string' || file === '') {
      throw new Error(`@mpp-kit/app: override ${name} needs a file path`);
    }
    const absolute = path.resolve(projectRoot, file);
    if (!existsSync(absolute)) {
      throw new Error(
        `@mpp-kit/app: berkas override ${name} tidak ada / the override file of ${name} does not exist: ${absolute}`,
      );
    }
    const expected = path.extname(OVERRIDES[name as OverrideName]);
    if (
      expected === '.ts' ? !/\.(ts|js|mjs)$/.test(absolute) : path.extname(absolute) !== expected
    ) {
      throw new Error(
        `@mpp-kit/app: override ${name} must be a ${expected === '.ts' ? '.ts or .js module' : `${expected} component`}: ${absolute}`,
      );
    }
    resolved[name as OverrideName] = absolute;
  }
  return resolved;
}

/**
 * Sends every import of a default overridable file to the project's replacement. Pages import the
 * defaults by their real path, so types and editors see the contract; only the build redirects.
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
      const target = resolved && redirects.get(resolved.id.split('?')[0] ?? '');
      return target ?? null;
    },
  };
}
