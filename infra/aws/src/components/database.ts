import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { isMultiAz } from '../spec/profiles.js';
import { BACKUP_TAG_KEY, namedTags } from '../tags.js';
import type { InstanceContext } from './component-args.js';
import { rotatingKey } from './kms-key.js';
import type { Network } from './network.js';

/** Major PostgreSQL version of RDS and Aurora (the parameter group families follow it). */
export const POSTGRES_MAJOR = '17';
export const DATABASE_NAME = 'mpp';
/** Master user: used only by the roles step of the migrate task and for break-glass access. */
export const DATABASE_USER = 'mpp_admin';
export const DATABASE_PORT = 5432;
/** Owner of the schema: the migrate task signs in as this user. */
export const MIGRATOR_USER = 'mpp_migrator';
/** Group role holding the app's rights (read and write rows, nothing else). */
export const APP_ROLE = 'mpp_app';
/**
 * The app signs in as one of two members of {@link APP_ROLE}, alternating at each rotation:
 * the previous user's password stays valid, so running tasks never lose their connections.
 */
export const APP_LOGIN_USERS = ['mpp_app_a', 'mpp_app_b'] as const;

/** The app login user that credentials version `version` uses. */
export function appLoginUserOf(version: number): string {
  return APP_LOGIN_USERS[(version - 1) % 2] as string;
}

/** Identifier of the RDS instance or Aurora cluster of an instance. */
export function databaseIdentifierOf(prefix: string): string {
  return `${prefix}-db`;
}

/**
 * Log groups RDS exports to. Declared (with a retention) before the database exists, so RDS
 * writes into them instead of creating its own, kept forever.
 */
export function databaseLogGroupNames(ctx: InstanceContext): string[] {
  const id = databaseIdentifierOf(ctx.prefix);
  return ctx.profile.database.kind === 'rds'
    ? RDS_LOG_EXPORTS.map((l) => `/aws/rds/instance/${id}/${l}`)
    : AURORA_LOG_EXPORTS.map((l) => `/aws/rds/cluster/${id}/${l}`);
}

const RDS_LOG_EXPORTS = ['postgresql', 'upgrade'];
const AURORA_LOG_EXPORTS = ['postgresql'];

/**
 * Parameters every instance gets: TLS is mandatory; sign-ins, schema changes and slow
 * statements are logged for investigations, but never a statement's bind parameters (they
 * hold citizens' personal data) nor any other statement.
 */
export function parametersOf(maxConnections: number): { name: string; value: string }[] {
  return [
    { name: 'rds.force_ssl', value: '1' },
    { name: 'max_connections', value: String(maxConnections) },
    { name: 'log_connections', value: '1' },
    { name: 'log_statement', value: 'ddl' },
    { name: 'log_min_duration_statement', value: '1000' },
    { name: 'log_parameter_max_length', value: '0' },
    { name: 'log_parameter_max_length_on_error', value: '0' },
  ];
}

/**
 * The instance's PostgreSQL: RDS for small and medium profiles, Aurora Serverless v2 for
 * large. Private, encrypted with a rotating customer-managed key, master password managed
 * by RDS in Secrets Manager, TLS forced, insights on.
 */
export class Database extends pulumi.ComponentResource {
  readonly kind: 'rds' | 'aurora-serverless-v2';
  /** Host name clients connect to (the writer endpoint for Aurora). */
  readonly endpoint: pulumi.Output<string>;
  readonly port = DATABASE_PORT;
  /** ARN of the RDS-managed Secrets Manager secret with the master password (the ARN is not secret). */
  readonly secretArn: pulumi.Output<string>;
  readonly kmsKeyArn: pulumi.Output<string>;
  readonly securityGroupId: pulumi.Output<string>;
  /** `DBInstanceIdentifier` (RDS) or `DBClusterIdentifier` (Aurora), for alarms. */
  readonly identifier: string;
  /** Secrets of the app and migration users: `{ "username", "password" }`. */
  readonly appSecretArn: pulumi.Output<string>;
  readonly migratorSecretArn: pulumi.Output<string>;
  /** The secret versions: the migrate task must run after a rotation writes them. */
  readonly credentialVersions: pulumi.Resource[];

  constructor(
    name: string,
    ctx: InstanceContext,
    network: Network,
    logGroups: readonly pulumi.Resource[],
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('mpp:aws:Database', name, {}, opts);
    const parent = { parent: this };
    const { spec, profile, production, tags, prefix } = ctx;
    const dbTags = { ...tags, [BACKUP_TAG_KEY]: 'true' };
    this.kind = profile.database.kind;
    this.identifier = databaseIdentifierOf(prefix);

    const account = aws.getCallerIdentityOutput({}, parent).accountId;
    const key = rotatingKey(
      `${name}-key`,
      `${prefix}-database`,
      `MPP ${spec.displayName}: database, snapshots, insights and the master secret`,
      tags,
      this,
      production,
      account.apply((id) => JSON.stringify(databaseKeyPolicy(id, spec.backupCopyVaultArn))),
    );
    this.kmsKeyArn = key.arn;

    const subnetGroup = new aws.rds.SubnetGroup(
      `${name}-subnets`,
      {
        name: `${prefix}-db`,
        subnetIds: network.databaseSubnetIds,
        tags: namedTags(tags, `${prefix}-db`),
      },
      parent,
    );

    // No inline ingress: the Service adds the one rule (app → 5432) once its group exists.
    const sg = new aws.ec2.SecurityGroup(
      `${name}-sg`,
      {
        vpcId: network.vpcId,
        description: 'PostgreSQL, reachable only from the app tasks',
        tags: namedTags({ ...tags, 'mpp:role': 'database' }, `${prefix}-db`),
      },
      parent,
    );
    this.securityGroupId = sg.id;

    const finalSnapshot = production
      ? { skipFinalSnapshot: false, finalSnapshotIdentifier: `${prefix}-db-final` }
      : { skipFinalSnapshot: true };
    const insightsRetention = profile.databaseInsights === 'advanced' ? 465 : 7;

    if (profile.database.kind === 'rds') {
      const params = new aws.rds.ParameterGroup(
        `${name}-params`,
        {
          family: `postgres${POSTGRES_MAJOR}`,
          description: `MPP ${spec.instanceCode}: TLS enforced`,
          parameters: parametersOf(profile.databaseMaxConnections).map((p) => ({
            ...p,
            applyMethod: 'pending-reboot',
          })),
          tags,
        },
        parent,
      );
      const db = new aws.rds.Instance(
        `${name}-instance`,
        {
          identifier: this.identifier,
          engine: 'postgres',
          engineVersion: POSTGRES_MAJOR,
          instanceClass: profile.database.instanceClass,
          allocatedStorage: profile.database.allocatedStorageGb,
          maxAllocatedStorage: profile.database.maxAllocatedStorageGb,
          storageType: 'gp3',
          storageEncrypted: true,
          kmsKeyId: key.arn,
          dbName: DATABASE_NAME,
          username: DATABASE_USER,
          manageMasterUserPassword: true,
          masterUserSecretKmsKeyId: key.arn,
          port: DATABASE_PORT,
          dbSubnetGroupName: subnetGroup.name,
          vpcSecurityGroupIds: [sg.id],
          publiclyAccessible: false,
          multiAz: isMultiAz(profile, production),
          parameterGroupName: params.name,
          backupRetentionPeriod: spec.backupRetentionDays,
          backupWindow: '18:00-19:00', // 01:00–02:00 WIB, the quietest hour
          maintenanceWindow: 'sun:19:30-sun:20:30',
          copyTagsToSnapshot: true,
          deletionProtection: production,
          deleteAutomatedBackups: !production,
          ...finalSnapshot,
          autoMinorVersionUpgrade: true,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: key.arn,
          performanceInsightsRetentionPeriod: insightsRetention,
          databaseInsightsMode: profile.databaseInsights,
          enabledCloudwatchLogsExports: RDS_LOG_EXPORTS,
          tags: dbTags,
        },
        { parent: this, dependsOn: [...logGroups] },
      );
      this.endpoint = db.address;
      this.secretArn = db.masterUserSecrets.apply((s) => secretArnOf(s));
    } else {
      const params = new aws.rds.ClusterParameterGroup(
        `${name}-cluster-params`,
        {
          family: `aurora-postgresql${POSTGRES_MAJOR}`,
          description: `MPP ${spec.instanceCode}: TLS enforced`,
          parameters: parametersOf(profile.databaseMaxConnections).map((p) => ({
            ...p,
            applyMethod: 'pending-reboot',
          })),
          tags,
        },
        parent,
      );
      const cluster = new aws.rds.Cluster(
        `${name}-cluster`,
        {
          clusterIdentifier: this.identifier,
          engine: 'aurora-postgresql',
          engineMode: 'provisioned',
          engineVersion: `${POSTGRES_MAJOR}.4`,
          serverlessv2ScalingConfiguration: {
            minCapacity: profile.database.minCapacityAcu,
            maxCapacity: profile.database.maxCapacityAcu,
          },
          storageEncrypted: true,
          kmsKeyId: key.arn,
          databaseName: DATABASE_NAME,
          masterUsername: DATABASE_USER,
          manageMasterUserPassword: true,
          masterUserSecretKmsKeyId: key.arn,
          port: DATABASE_PORT,
          dbSubnetGroupName: subnetGroup.name,
          vpcSecurityGroupIds: [sg.id],
          dbClusterParameterGroupName: params.name,
          backupRetentionPeriod: spec.backupRetentionDays,
          preferredBackupWindow: '18:00-19:00',
          preferredMaintenanceWindow: 'sun:19:30-sun:20:30',
          copyTagsToSnapshot: true,
          deletionProtection: production,
          ...finalSnapshot,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: key.arn,
          performanceInsightsRetentionPeriod: insightsRetention,
          databaseInsightsMode: profile.databaseInsights,
          enabledCloudwatchLogsExports: AURORA_LOG_EXPORTS,
          tags: dbTags,
        },
        { parent: this, dependsOn: [...logGroups] },
      );
      for (let i = 0; i < profile.database.instanceCount; i++) {
        new aws.rds.ClusterInstance(
          `${name}-cluster-${i}`,
          {
            identifier: `${this.identifier}-${i}`,
            clusterIdentifier: cluster.id,
            engine: 'aurora-postgresql',
            engineVersion: cluster.engineVersion,
            instanceClass: 'db.serverless',
            dbSubnetGroupName: subnetGroup.name,
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: key.arn,
            performanceInsightsRetentionPeriod: insightsRetention,
            copyTagsToSnapshot: true,
            tags,
          },
          parent,
        );
      }
      this.endpoint = cluster.endpoint;
      this.secretArn = cluster.masterUserSecrets.apply((s) => secretArnOf(s));
    }

    const version = spec.databaseCredentialsVersion ?? 1;
    const credentials = (id: string, username: string, purpose: string) =>
      userSecret(
        `${name}-${id}`,
        `${prefix}/database/${id}`,
        username,
        purpose,
        version,
        key,
        ctx,
        this,
      );
    const app = credentials('app', appLoginUserOf(version), 'the app (read and write rows)');
    const migrator = credentials('migrator', MIGRATOR_USER, 'migrations (owns the schema)');
    this.appSecretArn = app.secret.arn;
    this.migratorSecretArn = migrator.secret.arn;
    this.credentialVersions = [app.version, migrator.version];
    this.registerOutputs({ endpoint: this.endpoint });
  }
}

/**
 * A Secrets Manager secret holding one database user's name and password. The password is
 * generated by Secrets Manager at deploy time and written through a write-only input, so it
 * never enters the Pulumi state; `version` (the stack's `databaseCredentialsVersion`)
 * decides when a new one is written. The roles step of the migrate task then sets it on the
 * database user (see CONTRACT.md).
 */
function userSecret(
  name: string,
  secretName: string,
  username: string,
  purpose: string,
  version: number,
  key: aws.kms.Key,
  ctx: InstanceContext,
  parent: pulumi.Resource,
): { secret: aws.secretsmanager.Secret; version: aws.secretsmanager.SecretVersion } {
  const secret = new aws.secretsmanager.Secret(
    name,
    {
      name: secretName,
      description: `MPP ${ctx.spec.instanceCode}: database user for ${purpose}`,
      kmsKeyId: key.arn,
      recoveryWindowInDays: ctx.production ? 30 : 0,
      tags: ctx.tags,
    },
    { parent },
  );
  // Letters and digits only: the roles step hashes it (SCRAM) without any quoting question.
  const password = aws.secretsmanager.getRandomPasswordOutput(
    { passwordLength: 40, excludePunctuation: true, includeSpace: false },
    { parent },
  ).randomPassword;
  const secretVersion = new aws.secretsmanager.SecretVersion(
    `${name}-v`,
    {
      secretId: secret.id,
      secretStringWo: pulumi.secret(
        password.apply((p) => JSON.stringify({ username, password: p })),
      ),
      secretStringWoVersion: version,
    },
    { parent },
  );
  return { secret, version: secretVersion };
}

function secretArnOf(secrets: { secretArn: string }[] | undefined): string {
  const arn = secrets?.[0]?.secretArn;
  if (arn === undefined) throw new Error('RDS returned no managed master user secret');
  return arn;
}

/**
 * The database key: the account administers it; the backup account (when copies go there)
 * may use it to copy the snapshots it encrypts, which AWS Backup requires for RDS.
 */
export function databaseKeyPolicy(account: string, backupCopyVaultArn: string | undefined) {
  const backupAccount = backupCopyVaultArn?.split(':')[4];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AccountAdministers',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...(backupAccount === undefined
        ? []
        : [
            {
              Sid: 'BackupAccountCopies',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${backupAccount}:root` },
              Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
              Resource: '*',
            },
            {
              Sid: 'BackupAccountGrants',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${backupAccount}:root` },
              Action: 'kms:CreateGrant',
              Resource: '*',
              Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
            },
          ]),
    ],
  };
}
