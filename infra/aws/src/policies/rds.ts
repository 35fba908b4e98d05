import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { forTypes, isProduction, T } from './helpers.js';

export const rdsStorageEncrypted: ResourceValidationPolicy = {
  name: 'rds-storage-encrypted',
  description: 'RDS instances and Aurora clusters are encrypted with a customer-managed KMS key.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsCluster], (props, report) => {
    if (props.storageEncrypted !== true) report('storageEncrypted must be true.');
    if (!props.kmsKeyId) report('kmsKeyId must name a customer-managed KMS key.');
  }),
};

export const rdsNotPublic: ResourceValidationPolicy = {
  name: 'rds-not-publicly-accessible',
  description: 'Database instances are never publicly accessible.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsClusterInstance], (props, report) => {
    if (props.publiclyAccessible !== false) report('publiclyAccessible must be set to false.');
  }),
};

export const rdsBackupRetention: ResourceValidationPolicy = {
  name: 'rds-backup-retention',
  description: 'Automated database backups are kept 7 to 35 days.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsCluster], (props, report) => {
    const days = props.backupRetentionPeriod;
    if (typeof days !== 'number' || days < 7 || days > 35) {
      report(`backupRetentionPeriod must be 7–35 days, got ${String(days)}.`);
    }
  }),
};

export const rdsProductionProtection: ResourceValidationPolicy = {
  name: 'rds-production-protection',
  description: 'Production databases have deletion protection and take a final snapshot.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsCluster], (props, report) => {
    if (!isProduction(props)) return;
    if (props.deletionProtection !== true) report('deletionProtection must be true in production.');
    if (props.skipFinalSnapshot !== false || !props.finalSnapshotIdentifier) {
      report('production needs skipFinalSnapshot=false and a finalSnapshotIdentifier.');
    }
  }),
};

export const rdsMultiAzProduction: ResourceValidationPolicy = {
  name: 'rds-multi-az-production',
  description: 'Production RDS instances are Multi-AZ.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance], (props, report) => {
    if (isProduction(props) && props.multiAz !== true)
      report('multiAz must be true in production.');
  }),
};

/** Aurora is Multi-AZ when its cluster has a reader to fail over to. */
export const auroraMultiAzProduction: StackValidationPolicy = {
  name: 'aurora-multi-az-production',
  description: 'Production Aurora clusters have at least two instances.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report) => {
    for (const cluster of args.resources.filter((r) => r.type === T.rdsCluster)) {
      if (!isProduction(cluster.props)) continue;
      const members = args.resources.filter(
        (r) =>
          r.type === T.rdsClusterInstance &&
          (r.propertyDependencies.clusterIdentifier?.some((d) => d.urn === cluster.urn) ?? false),
      );
      if (members.length < 2) {
        report(
          `cluster ${cluster.name} has ${members.length} instance(s); production needs 2+.`,
          cluster.urn,
        );
      }
    }
  },
};

export const rdsManagedPassword: ResourceValidationPolicy = {
  name: 'rds-managed-master-password',
  description:
    'The master password is generated and kept by RDS in Secrets Manager, never in state.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsCluster], (props, report) => {
    if (props.manageMasterUserPassword !== true) report('manageMasterUserPassword must be true.');
    if (props.password !== undefined || props.masterPassword !== undefined) {
      report('no master password may be set in the program.');
    }
  }),
};

export const rdsTlsEnforced: ResourceValidationPolicy = {
  name: 'rds-tls-enforced',
  description: 'Database parameter groups force TLS (rds.force_ssl = 1).',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsParameterGroup, T.rdsClusterParameterGroup], (props, report) => {
    const params = (props.parameters ?? []) as { name: string; value: string }[];
    if (!params.some((p) => p.name === 'rds.force_ssl' && p.value === '1')) {
      report('the parameter group must set rds.force_ssl = 1.');
    }
  }),
};

export const rdsInsights: ResourceValidationPolicy = {
  name: 'rds-performance-insights',
  description: 'Performance Insights (Database Insights) is on.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.rdsInstance, T.rdsClusterInstance], (props, report) => {
    if (props.performanceInsightsEnabled !== true)
      report('performanceInsightsEnabled must be true.');
  }),
};
