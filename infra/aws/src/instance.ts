import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { Backup } from './components/backup.js';
import type { InstanceContext } from './components/component-args.js';
import { Database } from './components/database.js';
import { BOARD_PATH, Edge, KIOSK_PATH } from './components/edge.js';
import { Network } from './components/network.js';
import { Observability } from './components/observability.js';
import { Service } from './components/service.js';
import type { InstanceSpec } from './spec/instance-spec.js';
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
 * Declares every resource of one regional MPP instance, grouped in the Network,
 * Database, Service, Edge, Observability and Backup components.
 */
export function declareInstance(spec: InstanceSpec): InstanceOutputs {
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

  const network = new Network('network', ctx, opts);
  // Log groups first: RDS must find its export groups (with retention) already there.
  const observability = new Observability('observability', ctx, opts);
  const database = new Database('database', ctx, network, observability.databaseLogGroups, opts);
  const service = new Service(
    'service',
    ctx,
    {
      network,
      database,
      logGroupName: observability.appLogGroupName,
      ...(zoneId === undefined ? {} : { zoneId }),
    },
    opts,
  );
  observability.watch(service, database);
  const edge = new Edge('edge', ctx, service, zoneId, opts);
  const backup = new Backup('backup', ctx, opts);

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
  };
}
