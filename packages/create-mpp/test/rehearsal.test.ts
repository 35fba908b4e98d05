import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  changesetFor,
  changesetForAll,
  cleanEnv,
  insertAfter,
  localPackagePatterns,
  UPGRADE,
  verdaccioConfig,
} from '../rehearsal/lib.mjs';
import { MONOREPO_ROOT } from './helpers.js';

describe('release rehearsal settings', () => {
  it('keeps our package names local-only and proxies everything else', () => {
    const patterns = localPackagePatterns(['@mpp-kit/config', '@mpp-kit/ui', 'create-mpp']);
    expect(patterns).toEqual(['@mpp-kit/*', 'create-mpp']);
    const config = parse(
      verdaccioConfig({
        storage: '/tmp/x/storage',
        htpasswd: '/tmp/x/htpasswd',
        uplink: 'https://registry.npmjs.org/',
        localPackages: patterns,
      }),
    );
    expect(config.storage).toBe('/tmp/x/storage');
    expect(config.uplinks.upstream.url).toBe('https://registry.npmjs.org/');
    expect(config.packages['@mpp-kit/*'].proxy).toBeUndefined();
    expect(config.packages['create-mpp'].proxy).toBeUndefined();
    expect(config.packages['**'].proxy).toBe('upstream');
    // Local patterns come before the catch-all, which Verdaccio matches first-to-last.
    expect(Object.keys(config.packages)).toEqual(['@mpp-kit/*', 'create-mpp', '**']);
  });

  it('bumps every public package', () => {
    expect(changesetForAll(['@mpp-kit/config', 'create-mpp'])).toBe(
      "---\n'@mpp-kit/config': patch\n'create-mpp': patch\n---\n\nRelease rehearsal: publish every public package to a local registry.\n",
    );
  });

  it('drops the npm and pnpm settings of the parent process', () => {
    expect(
      cleanEnv({
        PATH: '/bin',
        HOME: '/root',
        npm_config_registry: 'https://registry.npmjs.org/',
        npm_lifecycle_event: 'rehearsal',
        PNPM_SCRIPT_SRC_DIR: '/x',
        INIT_CWD: '/x',
        CI: undefined,
      }),
    ).toEqual({ PATH: '/bin', HOME: '/root' });
  });
});

describe('release N+1 of the rehearsal', () => {
  it('bumps only the packages named', () => {
    expect(changesetFor(['@mpp-kit/app'], 'N+1.')).toBe(
      "---\n'@mpp-kit/app': patch\n---\n\nN+1.\n",
    );
  });

  it('finds every anchor in the files of this checkout, so each edit lands once', () => {
    for (const edit of UPGRADE.edits) {
      const text = readFileSync(join(MONOREPO_ROOT, edit.file), 'utf8');
      const changed = insertAfter(text, edit);
      expect(changed.split(edit.marker).length - 1, edit.file).toBe(1);
      expect(text).not.toContain(edit.marker);
    }
  });

  it('fails naming the file when an anchor is gone', () => {
    expect(() =>
      insertAfter('<footer>', {
        file: 'Footer.astro',
        anchor: '<footer class="site">',
        insert: 'x',
      }),
    ).toThrow(/Footer\.astro: the rehearsal's anchor/);
  });

  it('adds a migration the app will pick up, after every shipped one', () => {
    const { file, name } = UPGRADE.migration;
    expect(file.endsWith(`/${name}`)).toBe(true);
    expect(name).toMatch(/^\d{4}_[\w-]+\.sql$/);
    const shipped = readdirSync(join(MONOREPO_ROOT, 'packages/app/migrations')).sort();
    expect(shipped).not.toContain(name);
    expect(name > (shipped.at(-1) ?? '')).toBe(true);
  });
});
