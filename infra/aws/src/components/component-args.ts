import type { InstanceSpec } from '../spec/instance-spec.js';
import type { SizeProfile } from '../spec/profiles.js';

/** What every component of an instance is given. */
export interface InstanceContext {
  readonly spec: InstanceSpec;
  readonly profile: SizeProfile;
  readonly production: boolean;
  /** Tags of every taggable resource of the instance. */
  readonly tags: Record<string, string>;
  /** Prefix of physical names, e.g. `mpp-3578-prod` for Kota Surabaya in production. */
  readonly prefix: string;
}
