import { toJsonSchema } from '@mpp-kit/service-standard';
import { MppConfigSchema } from './schema/mpp-config.js';

/**
 * JSON Schema (draft 2020-12) of `mpp.config.yaml` as written, for editors
 * (yaml-language-server) and other validators. Cross-field rules are checked by the loader only.
 */
export function mppConfigJsonSchema(): Record<string, unknown> {
  return toJsonSchema(MppConfigSchema, 'mpp.config.yaml');
}
