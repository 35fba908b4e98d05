import type * as pulumi from '@pulumi/pulumi';
import type { InstanceSecrets } from './instance-spec.js';

/**
 * Settings that belong to one Pulumi stack rather than to the MPP itself, read from the
 * stack configuration (`pulumi config set mpp-aws:<key> <value>`).
 */
export interface StackSettings {
  /** Path of the instance's `mpp.config.yaml`, relative to the Pulumi project. */
  readonly configFile: string;
  /** Tag of the app image pushed to ECR; absent on the very first `pulumi up` (bootstrap). */
  readonly imageTag?: string;
  /** Cost centre tag; defaults to `mpp-<region code>`. */
  readonly costCentre?: string;
  /** Route 53 public hosted zone holding the domain; defaults to the domain itself. */
  readonly hostedZone?: string;
  /** `false` serves the instance on CloudFront's own name (never in production). */
  readonly customDomain: boolean;
  /** Availability zones of the VPC (2 or 3). */
  readonly availabilityZones: number;
  /** Lets `deployment.region` be outside Indonesia (personal data of citizens; UU PDP). */
  readonly allowRegionOutsideIndonesia: boolean;
  /** First rollout only: the app creates its first staff accounts (see the launch guide). */
  readonly createFirstAccounts?: boolean;
  /** Private range of the VPC, from the fleet's allocation table (no default: ranges must not overlap). */
  readonly vpcCidr?: string;
  /** Comma-separated public CIDRs of the MPP building's devices. */
  readonly officeCidrs?: string;
  /** Backup vault ARN in the fleet's backup account (required in production). */
  readonly backupCopyVaultArn?: string;
  /** The organisation runs CloudTrail and GuardDuty centrally for this account. */
  readonly securityServicesCentral?: boolean;
  /** Raise by one to rotate the app and migration database passwords. */
  readonly databaseCredentialsVersion?: number;
}

/** The keys of the stack settings, as `pulumi config` names them. */
export const STACK_KEYS = {
  configFile: 'configFile',
  imageTag: 'imageTag',
  costCentre: 'costCentre',
  hostedZone: 'hostedZone',
  customDomain: 'customDomain',
  availabilityZones: 'availabilityZones',
  allowRegionOutsideIndonesia: 'allowRegionOutsideIndonesia',
  createFirstAccounts: 'createFirstAccounts',
  vpcCidr: 'vpcCidr',
  officeCidrs: 'officeCidrs',
  backupCopyVaultArn: 'backupCopyVaultArn',
  securityServicesCentral: 'securityServicesCentral',
  databaseCredentialsVersion: 'databaseCredentialsVersion',
  // Secrets (`pulumi config set --secret`), read by `readStackSecrets`.
  originSecret: 'originSecret',
  originSecretPrevious: 'originSecretPrevious',
  chatWebhookUrl: 'chatWebhookUrl',
} as const;

/** Reads the stack settings through a `pulumi.Config`-like getter. */
export function readStackSettings(config: {
  require(key: string): string;
  get(key: string): string | undefined;
  getBoolean(key: string): boolean | undefined;
  getNumber(key: string): number | undefined;
}): StackSettings {
  const imageTag = config.get(STACK_KEYS.imageTag);
  const costCentre = config.get(STACK_KEYS.costCentre);
  const hostedZone = config.get(STACK_KEYS.hostedZone);
  const optional = (key: string) => {
    const value = config.get(key);
    return value === undefined ? {} : { [key]: value };
  };
  const version = config.getNumber(STACK_KEYS.databaseCredentialsVersion);
  return {
    ...optional(STACK_KEYS.vpcCidr),
    ...optional(STACK_KEYS.officeCidrs),
    ...optional(STACK_KEYS.backupCopyVaultArn),
    securityServicesCentral: config.getBoolean(STACK_KEYS.securityServicesCentral) ?? false,
    ...(version === undefined ? {} : { databaseCredentialsVersion: version }),
    configFile: config.require(STACK_KEYS.configFile),
    ...(imageTag === undefined ? {} : { imageTag }),
    ...(costCentre === undefined ? {} : { costCentre }),
    ...(hostedZone === undefined ? {} : { hostedZone }),
    customDomain: config.getBoolean(STACK_KEYS.customDomain) ?? true,
    availabilityZones: config.getNumber(STACK_KEYS.availabilityZones) ?? 3,
    allowRegionOutsideIndonesia: config.getBoolean(STACK_KEYS.allowRegionOutsideIndonesia) ?? false,
    createFirstAccounts: config.getBoolean(STACK_KEYS.createFirstAccounts) ?? false,
  };
}

/** Reads the secret stack settings; the origin secret is required (see the launch guide, step 3). */
export function readStackSecrets(config: {
  requireSecret(key: string): pulumi.Output<string>;
  getSecret(key: string): pulumi.Output<string> | undefined;
}): InstanceSecrets {
  const previous = config.getSecret(STACK_KEYS.originSecretPrevious);
  const webhook = config.getSecret(STACK_KEYS.chatWebhookUrl);
  return {
    originSecret: config.requireSecret(STACK_KEYS.originSecret),
    ...(previous === undefined ? {} : { originSecretPrevious: previous }),
    ...(webhook === undefined ? {} : { chatWebhookUrl: webhook }),
  };
}
