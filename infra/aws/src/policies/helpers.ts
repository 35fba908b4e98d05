import type { ReportViolation, ResourceValidationArgs } from '@pulumi/policy';
import { REQUIRED_TAG_KEYS } from '../tags.js';

/** Whether a resource belongs to a production instance (read from its environment tag). */
export function isProduction(props: Record<string, unknown>): boolean {
  const tags = props.tags as Record<string, unknown> | undefined;
  return tags?.['mpp:environment'] === 'production';
}

/** Resource properties as the policy engine hands them over: untyped JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the engine's property bags have no static type.
export type Props = Record<string, any>;

/** A resource check for one or more Pulumi type tokens. */
export function forTypes(
  types: readonly string[],
  check: (props: Props, report: ReportViolation, args: ResourceValidationArgs) => void,
): (args: ResourceValidationArgs, report: ReportViolation) => void {
  return (args, report) => {
    if (types.includes(args.type)) check(args.props, report, args);
  };
}

/** Required tag keys missing or empty on `tags`. */
export function missingTags(tags: unknown): string[] {
  const record = (tags ?? {}) as Record<string, unknown>;
  return REQUIRED_TAG_KEYS.filter((k) => typeof record[k] !== 'string' || record[k] === '');
}

export const T = {
  rdsInstance: 'aws:rds/instance:Instance',
  rdsCluster: 'aws:rds/cluster:Cluster',
  rdsClusterInstance: 'aws:rds/clusterInstance:ClusterInstance',
  rdsParameterGroup: 'aws:rds/parameterGroup:ParameterGroup',
  rdsClusterParameterGroup: 'aws:rds/clusterParameterGroup:ClusterParameterGroup',
  kmsKey: 'aws:kms/key:Key',
  bucket: 'aws:s3/bucket:Bucket',
  bucketV2: 'aws:s3/bucketV2:BucketV2',
  bucketAcl: 'aws:s3/bucketAcl:BucketAcl',
  bucketAclV2: 'aws:s3/bucketAclV2:BucketAclV2',
  bucketPublicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  bucketOwnershipControls: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
  bucketEncryption:
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  loadBalancer: 'aws:lb/loadBalancer:LoadBalancer',
  albLegacy: 'aws:alb/loadBalancer:LoadBalancer',
  listener: 'aws:lb/listener:Listener',
  albListenerLegacy: 'aws:alb/listener:Listener',
  logGroup: 'aws:cloudwatch/logGroup:LogGroup',
  distribution: 'aws:cloudfront/distribution:Distribution',
  securityGroup: 'aws:ec2/securityGroup:SecurityGroup',
  securityGroupRule: 'aws:ec2/securityGroupRule:SecurityGroupRule',
  ingressRule: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
  ecrRepository: 'aws:ecr/repository:Repository',
  ecsService: 'aws:ecs/service:Service',
  taskDefinition: 'aws:ecs/taskDefinition:TaskDefinition',
  listenerRule: 'aws:lb/listenerRule:ListenerRule',
  webAcl: 'aws:wafv2/webAcl:WebAcl',
  webAclLogging: 'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration',
  trail: 'aws:cloudtrail/trail:Trail',
  topic: 'aws:sns/topic:Topic',
  backupPlan: 'aws:backup/plan:Plan',
  backupVault: 'aws:backup/vault:Vault',
  vaultLock: 'aws:backup/vaultLockConfiguration:VaultLockConfiguration',
  vpc: 'aws:ec2/vpc:Vpc',
  flowLog: 'aws:ec2/flowLog:FlowLog',
  metricAlarm: 'aws:cloudwatch/metricAlarm:MetricAlarm',
  eventRule: 'aws:cloudwatch/eventRule:EventRule',
  rdsEventSubscription: 'aws:rds/eventSubscription:EventSubscription',
} as const;
