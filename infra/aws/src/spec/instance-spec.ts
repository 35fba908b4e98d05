import type * as pulumi from '@pulumi/pulumi';

/** Size profiles, by expected visitors per day (see `profiles.ts`). */
export type SizeProfileName = 'small' | 'medium' | 'large';

/** Deployment environments; only `production` turns on the expensive safety nets. */
export type EnvironmentName = 'production' | 'staging' | 'development';

/**
 * Everything the infrastructure needs to know about one regional MPP instance.
 * It is derived from `mpp.config.yaml` by a pure mapping (`fromConfig.ts`), so the
 * components never read the config file, the stack config or the environment.
 */
export interface InstanceSpec {
  /** Short, DNS-safe code of the instance, e.g. `kota-surabaya`; prefixes every name. */
  readonly instanceCode: string;
  /** Human name, e.g. `MPP Kota Surabaya`. */
  readonly displayName: string;
  /** Kemendagri region code, e.g. `35.78` (Kota Surabaya). */
  readonly regionCode: string;
  /** IANA time zone of the region (WIB, WITA or WIT). */
  readonly timezone: string;
  readonly environment: EnvironmentName;
  /** AWS region of everything except the CloudFront certificate and web ACL (us-east-1). */
  readonly awsRegion: string;
  /** How many availability zones the VPC spans (2 or 3). */
  readonly availabilityZoneCount: number;
  readonly profile: SizeProfileName;
  /** Custom domain served by CloudFront, with its Route 53 hosted zone; absent = CloudFront's own domain. */
  readonly domain?: { readonly name: string; readonly hostedZoneName: string };
  /** Receives every alarm (SNS e-mail subscription). */
  readonly alarmEmail: string;
  /** Days AWS Backup and RDS keep backups (7–35). */
  readonly backupRetentionDays: number;
  /** Days CloudWatch keeps logs. */
  readonly logRetentionDays: number;
  /** Cost centre tag, for the regional finance office. */
  readonly costCentre: string;
  /**
   * The template app's image tag in the instance's ECR repository. Absent on the first
   * `pulumi up` (bootstrap): everything but the tasks is built, so the image can be pushed.
   */
  readonly imageTag?: string;
  /**
   * Lets the app create its first staff accounts (random passwords printed once to its log)
   * when the staff table is empty: the way to the first admin sign-in.
   */
  readonly createFirstAccounts?: boolean;
  /**
   * Private IPv4 range of the VPC (/16–/20), from the fleet's allocation table, so the
   * instances of a province can be connected later without overlapping ranges.
   */
  readonly vpcCidr: string;
  /**
   * Public addresses of the MPP building (kiosks, display boards, counters behind one NAT):
   * the WAF gives them their own, larger rate limit instead of the per-citizen one.
   */
  readonly officeCidrs?: readonly string[];
  /**
   * ARN of the backup vault in the fleet's backup account (same region) that receives a copy
   * of every daily recovery point. Required in production.
   */
  readonly backupCopyVaultArn?: string;
  /**
   * The organisation already runs CloudTrail and GuardDuty for this account (the fleet
   * layout): the instance then declares neither, to avoid a second trail and a detector clash.
   */
  readonly securityServicesCentral?: boolean;
  /** Version of the app and migration database passwords; raising it rotates them. */
  readonly databaseCredentialsVersion?: number;
}

/**
 * Secret stack settings, kept out of {@link InstanceSpec} (plain data) because Pulumi must
 * carry them as secrets: `pulumi config set --secret mpp-aws:<key>`.
 */
export interface InstanceSecrets {
  /** Value of the header CloudFront sends and the load balancer requires (see CONTRACT.md). */
  readonly originSecret: pulumi.Input<string>;
  /** The previous origin secret, still accepted while CloudFront rolls the new one out. */
  readonly originSecretPrevious?: pulumi.Input<string>;
  /** Incoming-webhook URL of the operations chat room (Slack, Google Chat, Mattermost…). */
  readonly chatWebhookUrl?: pulumi.Input<string>;
}
