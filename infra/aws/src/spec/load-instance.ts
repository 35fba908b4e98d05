import { readFile } from 'node:fs/promises';
import { loadConfigOrThrow } from '@mpp-kit/config';
import { formatIssue, type SourceIssue, YamlSource } from '@mpp-kit/service-standard';
import { fromConfig } from './from-config.js';
import type { InstanceSpec } from './instance-spec.js';
import type { StackSettings } from './stack-settings.js';

/** Thrown when a valid `mpp.config.yaml` cannot be deployed as it stands; lists every problem. */
export class InstanceSpecError extends Error {
  readonly issues: readonly SourceIssue[];
  constructor(issues: readonly SourceIssue[]) {
    super(
      `mpp.config.yaml tidak dapat dipasang / cannot be deployed:\n${issues.map((i) => formatIssue(i)).join('\n')}`,
    );
    this.name = 'InstanceSpecError';
    this.issues = issues;
  }
}

/**
 * Loads `settings.configFile` through `@mpp-kit/config` (throwing its `ConfigError` with
 * file:line:column for schema errors), then maps it to an {@link InstanceSpec} (throwing an
 * {@link InstanceSpecError} positioned the same way). Nothing is declared before this returns.
 */
export async function loadInstanceSpec(settings: StackSettings): Promise<InstanceSpec> {
  const { config } = await loadConfigOrThrow(settings.configFile);
  const result = fromConfig(config, settings);
  if (result.ok) return result.spec;
  const source = new YamlSource(await readFile(settings.configFile, 'utf8'), settings.configFile);
  throw new InstanceSpecError(
    result.problems.map((p) =>
      p.path[0] === '(stack)'
        ? {
            file: `Pulumi.<stack>.yaml (mpp-aws:${String(p.path[1])})`,
            line: 1,
            column: 1,
            path: '',
            message: p.message,
            code: p.code,
          }
        : source.issue(p.path, p.message, p.code),
    ),
  );
}
