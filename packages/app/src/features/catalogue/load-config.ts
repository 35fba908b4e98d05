import {
  ConfigError,
  type LoadedConfig,
  loadConfig as loadPackageConfig,
  parseConfig as parsePackageConfig,
} from '@mpp-kit/config';

export { ConfigError };

/**
 * Reads mpp.config.yaml through `@mpp-kit/config`; never returns a partial config. A bad file
 * throws the package's `ConfigError`, whose message lists every issue as file:line:column, path
 * and text in Bahasa Indonesia and English.
 */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const result = await loadPackageConfig(file);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.data;
}

/** Validates text already read (tests, uploads); throws `ConfigError` like {@link loadConfig}. */
export function parseConfig(source: string, file = 'mpp.config.yaml'): LoadedConfig {
  const result = parsePackageConfig(source, file);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.data;
}
