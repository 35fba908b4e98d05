import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { loadInstanceSpec } from '../src/spec/load-instance.js';
import type { StackSettings } from '../src/spec/stack-settings.js';

/** Path of a demo configuration in `examples/`. */
export function example(size: 'small' | 'medium' | 'large'): string {
  return fileURLToPath(new URL(`../examples/${size}.mpp.config.yaml`, import.meta.url));
}

/** Writes a copy of a demo configuration with some lines replaced; returns its path. */
export function variant(
  size: 'small' | 'medium' | 'large',
  replace: Record<string, string>,
): string {
  let text = readFileSync(example(size), 'utf8');
  for (const [from, to] of Object.entries(replace)) {
    if (!text.includes(from)) throw new Error(`'${from}' is not in ${size}.mpp.config.yaml`);
    text = text.replace(from, to);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'mpp-infra-')), 'mpp.config.yaml');
  writeFileSync(file, text);
  return file;
}

export const DEFAULT_SETTINGS: Omit<StackSettings, 'configFile'> = {
  imageTag: '1.0.0',
  customDomain: true,
  availabilityZones: 3,
  allowRegionOutsideIndonesia: false,
  vpcCidr: '10.20.0.0/16',
  backupCopyVaultArn: 'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:mpp-fleet-copies',
};

/** The instance spec of a config file, as the Pulumi program derives it. */
export function specOf(
  configFile: string,
  settings: Partial<StackSettings> = {},
): Promise<InstanceSpec> {
  return loadInstanceSpec({ ...DEFAULT_SETTINGS, configFile, ...settings });
}

/** 1-based line of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`'${text}' is not in ${file}`);
  return index + 1;
}
