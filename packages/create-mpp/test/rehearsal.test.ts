import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  changesetForAll,
  cleanEnv,
  localPackagePatterns,
  verdaccioConfig,
} from '../rehearsal/lib.mjs';

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
