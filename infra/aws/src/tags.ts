import type { InstanceSpec } from './spec/instance-spec.js';

/** Tag keys every taggable resource carries (checked by the `resources-tagged` policy). */
export const REQUIRED_TAG_KEYS = [
  'mpp:instance',
  'mpp:region-code',
  'mpp:environment',
  'mpp:cost-centre',
] as const;

/** Tag key AWS Backup selects resources by. */
export const BACKUP_TAG_KEY = 'mpp:backup';

/** The tags of every resource of one instance. */
export function instanceTags(spec: InstanceSpec): Record<string, string> {
  return {
    'mpp:instance': spec.instanceCode,
    'mpp:region-code': spec.regionCode,
    'mpp:environment': spec.environment,
    'mpp:cost-centre': spec.costCentre,
    'mpp:managed-by': 'pulumi',
  };
}

/** Tags plus a `Name` tag, for resources the console lists by name (VPC, subnets…). */
export function namedTags(base: Record<string, string>, name: string): Record<string, string> {
  return { ...base, Name: name };
}
