import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { Audit } from './components/audit.js';
import { Backup } from './components/backup.js';
import type { InstanceContext } from './components/component-args.js';
import { Database } from './components/database.js';
import { BOARD_PATH, Edge, KIOSK_PATH } from './components/edge.js';
import { Network } from './components/network.js';
import { Observability } from './components/observability.js';
import { Service } from './components/service.js';
import type { InstanceSecrets, InstanceSpec } from './spec/instance-spec.js';
import { SIZE_PROFILES } from './spec/profiles.js';
import { instanceTags } from './tags.js';

/** Stack outputs of one instance. None is a secret: the DB password stays in Secrets Manager. */
export interface InstanceOutputs {
  readonly publicUrl: pulumi.Output<string>;
  readonly kioskUrl: pulumi.Output<string>;
  readonly boardUrl: pulumi.Output<string>;
  readonly databaseEndpoint: pulumi.Output<string>;
  readonly repositoryUrl: pulumi.Output<string>;
  readonly ecsCluster: pulumi.Output<string>;
  readonly backupVault: pulumi.Output<string>;
  readonly cloudfrontDomain: pulumi.Output<string>;
  /** CloudWatch log group of the app and migration tasks. */
  readonly appLogGroup: pulumi.Output<string>;
  /** RDS instance or Aurora cluster identifier, for restore drills. */
  readonly databaseIdentifier: pulumi.Output<string>;
  /** `rds` or `aurora-serverless-v2`. */
  readonly databaseKind: pulumi.Output<string>;
  /** S3 bucket of the ALB access logs (emptied by hand before a production teardown). */
  readonly accessLogBucket: pulumi.Output<string>;
  /** S3 bucket of CloudTrail, VPC flow, WAF and CloudFront logs (Object Lock). */
  readonly auditLogBucket: pulumi.Output<string>;
  /** Secrets Manager secret of the app's database user (ARN; never the value). */
  readonly appDatabaseSecret: pulumi.Output<string>;
  /** Secrets Manager secret of the migration user (ARN). */
  readonly migratorDatabaseSecret: pulumi.Output<string>;
  /** The RDS-managed master secret (ARN), for break-glass access only. */
  readonly masterDatabaseSecret: pulumi.Output<string>;
}

/** Names of the stack outputs, as `pulumi stack output <name>` takes them. */
export const OUTPUT_NAMES = [
  'publicUrl',
  'kioskUrl',
  'boardUrl',
  'databaseEndpoint',
  'repositoryUrl',
  'ecsCluster',
  'backupVault',
  'cloudfrontDomain',
  'appLogGroup',
  'databaseIdentifier',
  'databaseKind',
  'accessLogBucket',
  'auditLogBucket',
  'appDatabaseSecret',
  'migratorDatabaseSecret',
  'masterDatabaseSecret',
] as const satisfies readonly (keyof InstanceOutputs)[];

/** Short environment names keep physical names within AWS limits (ALB names: 32 characters). */
const ENVIRONMENT_SHORT = { production: 'prod', staging: 'stg', development: 'dev' } as const;

/** The context every component receives; names are prefixed `mpp-<region code>-<env>`. */
export function contextOf(spec: InstanceSpec): InstanceContext {
  return {
    spec,
    profile: SIZE_PROFILES[spec.profile],
    production: spec.environment === 'production',
    tags: instanceTags(spec),
    prefix: `mpp-${spec.regionCode.replace('.', '')}-${ENVIRONMENT_SHORT[spec.environment]}`,
  };
}

/**
 * Declares every resource of one regional MPP instance, grouped in the Audit, Network,
 * Database, Service, Edge, Observability and Backup components.
 */
export function declareInstance(spec: InstanceSpec, secrets: InstanceSecrets): InstanceOutputs {
  const ctx = contextOf(spec);
  // The region comes from mpp.config.yaml, not from `aws:region`, so the two cannot disagree.
  const provider = new aws.Provider('aws', { region: spec.awsRegion as aws.Region });
  const opts = { providers: [provider] };
  const zoneId = spec.domain
    ? aws.route53.getZoneOutput(
        { name: spec.domain.hostedZoneName, privateZone: false },
        { provider },
      ).zoneId
    : undefined;

  // Audit first: its key encrypts every log, and its bucket receives the flow logs.
  const audit = new Audit('audit', ctx, opts);
  const network = new Network('network', ctx, audit.bucketArn, opts);
  // Log groups first: RDS must find its export groups (with retention) already there.
  const observability = new Observability('observability', ctx, audit.logsKeyArn, secrets, opts);
  const database = new Database('database', ctx, network, observability.databaseLogGroups, opts);
  const service = new Service(
    'service',
    ctx,
    {
      network,
      database,
      logGroupName: observability.appLogGroupName,
      secrets,
      ...(zoneId === undefined ? {} : { zoneId }),
    },
    opts,
  );
  const edge = new Edge('edge', ctx, service, zoneId, secrets, audit.bucketArn, opts);
  const backup = new Backup('backup', ctx, opts);
  observability.watch(service, database, backup.vaultName);

  return {
    publicUrl: edge.publicUrl,
    kioskUrl: pulumi.interpolate`${edge.publicUrl}${KIOSK_PATH}`,
    boardUrl: pulumi.interpolate`${edge.publicUrl}${BOARD_PATH}`,
    databaseEndpoint: database.endpoint,
    repositoryUrl: service.repositoryUrl,
    ecsCluster: service.clusterName,
    backupVault: backup.vaultName,
    cloudfrontDomain: edge.distributionDomainName,
    appLogGroup: observability.appLogGroupName,
    databaseIdentifier: pulumi.output(database.identifier),
    databaseKind: pulumi.output(database.kind),
    accessLogBucket: service.accessLogBucket,
    auditLogBucket: audit.bucketName,
    appDatabaseSecret: database.appSecretArn,
    migratorDatabaseSecret: database.migratorSecretArn,
    masterDatabaseSecret: database.secretArn,
  };
}
