import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ViteUserConfig } from 'astro';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { OVERRIDES, OverrideError, overridesPlugin, resolveOverrides } from './overrides.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder with the given files ({ relative path: contents }). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mpp-overrides-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const project = folder({
  'src/overrides/Header.astro': '<header>ours</header>',
  'src/overrides/Header.tsx': 'export default () => null;',
  'src/overrides/announcement.ts': 'export const sentence = () => "";',
  'src/overrides/announcement.astro': '<p />',
});

describe('resolveOverrides', () => {
  it('returns each override as an absolute path', () => {
    expect(
      resolveOverrides(
        { Header: './src/overrides/Header.astro', Announcement: 'src/overrides/announcement.ts' },
        project,
      ),
    ).toEqual({
      Header: path.join(project, 'src/overrides/Header.astro'),
      Announcement: path.join(project, 'src/overrides/announcement.ts'),
    });
    expect(resolveOverrides(undefined, project)).toEqual({});
  });

  it('refuses an unknown name, naming the option and the known names in both languages', () => {
    const call = () => resolveOverrides({ Heder: './src/overrides/Header.astro' }, project);
    expect(call).toThrow(OverrideError);
    expect(call).toThrow(
      /overrides\.Heder: "Heder" bukan komponen yang dapat diganti \/ is not an override; known: Header, Footer, HomeIntro, TicketPrint, BoardFrame, Announcement/,
    );
  });

  it('refuses every name that is not an override, including names on the object prototype', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty'),
        ),
        (name) => {
          fc.pre(!Object.hasOwn(OVERRIDES, name));
          const overrides = Object.defineProperty({}, name, {
            value: './src/overrides/Header.astro',
            enumerable: true,
          });
          expect(() => resolveOverrides(overrides, project)).toThrow(`overrides.${name}:`);
        },
      ),
    );
  });

  it('refuses a missing file and a folder, with the path it looked for', () => {
    expect(() => resolveOverrides({ Footer: './src/overrides/Footer.astro' }, project)).toThrow(
      `overrides.Footer: berkas tidak ada / file not found: ${path.join(project, 'src/overrides/Footer.astro')}`,
    );
    expect(() => resolveOverrides({ Footer: './src/overrides' }, project)).toThrow(
      /overrides\.Footer: berkas tidak ada \/ file not found/,
    );
  });

  it('refuses a file of the wrong kind', () => {
    expect(() => resolveOverrides({ Header: './src/overrides/Header.tsx' }, project)).toThrow(
      'overrides.Header: harus komponen .astro / must be an .astro component, not Header.tsx',
    );
    expect(() =>
      resolveOverrides({ Announcement: './src/overrides/announcement.astro' }, project),
    ).toThrow(
      'overrides.Announcement: harus modul .ts/.js / must be a .ts or .js module, not announcement.astro',
    );
  });

  it('refuses an empty path and an option that is not an object', () => {
    expect(() => resolveOverrides({ HomeIntro: '' }, project)).toThrow(
      /overrides\.HomeIntro: perlu path berkas .* \/ needs a file path relative to the project root/,
    );
    expect(() => resolveOverrides({ HomeIntro: 42 }, project)).toThrow(/overrides\.HomeIntro:/);
    expect(() => resolveOverrides('./src/overrides', project)).toThrow(
      /the overrides option must be an object of name → file/,
    );
  });
});

// The Vite that Astro builds with (the plugin runs in it): the package has no Vite of its own.
const vitePath = createRequire(
  createRequire(import.meta.url).resolve('astro/package.json'),
).resolve('vite');
const vite = (await import(pathToFileURL(vitePath).href)) as {
  build: (config: ViteUserConfig & { configFile: false }) => Promise<unknown>;
};

/**
 * Builds `entry.ts` of a small app whose `overridable/announcement.ts` a project replaces with a
 * module that wraps the default, and returns what the built entry exports.
 */
async function buildWithOverride(ssr: boolean): Promise<{ call: string; bundle: string }> {
  const root = folder({
    'app/overridable/announcement.ts':
      "export const sentence = (n: string) => 'Nomor antrean ' + n;\n",
    'app/entry.ts':
      "import { sentence } from './overridable/announcement.js';\nexport const call = sentence('A001');\n",
    // the project's replacement imports the default it wraps
    'project/announcement.ts':
      "import { sentence as standard } from '../app/overridable/announcement.js';\n" +
      "export const sentence = (n: string) => '[Kota Contoh] ' + standard(n);\n",
  });
  const outDir = path.join(root, 'out');
  await vite.build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [
      overridesPlugin(path.join(root, 'app'), {
        Announcement: path.join(root, 'project/announcement.ts'),
      }),
    ],
    build: {
      outDir,
      minify: false,
      ssr: ssr ? path.join(root, 'app/entry.ts') : false,
      lib: ssr
        ? false
        : { entry: path.join(root, 'app/entry.ts'), formats: ['es'], fileName: () => 'entry.js' },
      rollupOptions: ssr ? { output: { entryFileNames: 'entry.js' } } : {},
    },
  });
  const bundle = readFileSync(path.join(outDir, 'entry.js'), 'utf8');
  const built = (await import(pathToFileURL(path.join(outDir, 'entry.js')).href)) as {
    call: string;
  };
  return { call: built.call, bundle };
}

describe('overridesPlugin', () => {
  it.each([
    ['server', true],
    ['client', false],
  ])(
    'redirects the default to the replacement in a %s build, and the replacement may wrap the default',
    async (_build, ssr) => {
      const { call, bundle } = await buildWithOverride(ssr);
      expect(call).toBe('[Kota Contoh] Nomor antrean A001');
      expect(bundle).toContain('[Kota Contoh]');
    },
  );

  it('leaves imports alone when there is no override', async () => {
    const plugin = overridesPlugin('/app/', {});
    const { resolveId } = plugin as unknown as {
      resolveId: (source: string, importer?: string) => Promise<unknown>;
    };
    expect(await resolveId.call({}, './overridable/Header.astro', '/app/routes/index.astro')).toBe(
      null,
    );
  });
});
