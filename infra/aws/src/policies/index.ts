import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import {
  albOriginSecret,
  backupContinuousAndCopied,
  backupVaultLocked,
  cloudTrailValidated,
  ecsDatabaseTlsVerified,
  ecsMasterSecretOnlyForRoles,
  ecsSteadyState,
  logBucketObjectLock,
  logsAndAlarmsCmk,
  networkLogsOn,
  outagesAlarmed,
  rdsNoParameterLogging,
  vpcCidrAllocated,
  wafRateLimitsSized,
} from './hardening.js';
import {
  albAccessLogs,
  albDeletionProtection,
  albHttpsRedirect,
  ecrImmutableScanned,
  ecsNoPublicIp,
  logRetention,
  noOpenIngress,
  wafAttached,
} from './network.js';
import {
  auroraMultiAzProduction,
  rdsBackupRetention,
  rdsInsights,
  rdsManagedPassword,
  rdsMultiAzProduction,
  rdsNotPublic,
  rdsProductionProtection,
  rdsStorageEncrypted,
  rdsTlsEnforced,
} from './rds.js';
import {
  kmsKeyRotation,
  s3BucketHardened,
  s3Encrypted,
  s3NoAcls,
  s3PublicAccessBlocked,
} from './storage.js';
import { resourcesTagged } from './tagging.js';

export * from './hardening.js';
export * from './network.js';
export * from './rds.js';
export * from './storage.js';
export { resourcesTagged, TAGGABLE_TYPES } from './tagging.js';

/** Every per-resource rule of MPP Kit's AWS policy pack. */
export const resourcePolicies: readonly ResourceValidationPolicy[] = [
  rdsStorageEncrypted,
  rdsNotPublic,
  rdsBackupRetention,
  rdsProductionProtection,
  rdsMultiAzProduction,
  rdsManagedPassword,
  rdsTlsEnforced,
  rdsInsights,
  kmsKeyRotation,
  s3PublicAccessBlocked,
  s3NoAcls,
  s3Encrypted,
  albHttpsRedirect,
  albDeletionProtection,
  albAccessLogs,
  logRetention,
  wafAttached,
  noOpenIngress,
  ecrImmutableScanned,
  ecsNoPublicIp,
  resourcesTagged,
  ecsDatabaseTlsVerified,
  ecsMasterSecretOnlyForRoles,
  albOriginSecret,
  wafRateLimitsSized,
  cloudTrailValidated,
  logBucketObjectLock,
  logsAndAlarmsCmk,
  rdsNoParameterLogging,
  ecsSteadyState,
  backupContinuousAndCopied,
  vpcCidrAllocated,
];

/** Rules that look at several resources together. */
export const stackPolicies: readonly StackValidationPolicy[] = [
  auroraMultiAzProduction,
  s3BucketHardened,
  networkLogsOn,
  backupVaultLocked,
  outagesAlarmed,
];

/** The whole pack, as `new PolicyPack(name, { policies })` takes it. */
export const mppPolicies: (ResourceValidationPolicy | StackValidationPolicy)[] = [
  ...resourcePolicies,
  ...stackPolicies,
];
