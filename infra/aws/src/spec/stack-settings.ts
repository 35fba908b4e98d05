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
  return {
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
