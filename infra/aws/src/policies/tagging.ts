import type { ResourceValidationPolicy } from '@pulumi/policy';
import { missingTags } from './helpers.js';

/**
 * Resource types of this program that accept `tags`. A test compares this list with the
 * provider's classes, so a new taggable type cannot slip in untagged.
 */
export const TAGGABLE_TYPES: ReadonlySet<string> = new Set([
  'aws:acm/certificate:Certificate',
  'aws:appautoscaling/target:Target',
  'aws:backup/plan:Plan',
  'aws:backup/vault:Vault',
  'aws:cloudfront/distribution:Distribution',
  'aws:cloudtrail/trail:Trail',
  'aws:cloudwatch/eventRule:EventRule',
  'aws:cloudwatch/logDelivery:LogDelivery',
  'aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination',
  'aws:cloudwatch/logDeliverySource:LogDeliverySource',
  'aws:cloudwatch/logGroup:LogGroup',
  'aws:cloudwatch/metricAlarm:MetricAlarm',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup',
  'aws:ec2/eip:Eip',
  'aws:ec2/flowLog:FlowLog',
  'aws:ec2/internetGateway:InternetGateway',
  'aws:ec2/natGateway:NatGateway',
  'aws:ec2/routeTable:RouteTable',
  'aws:ec2/securityGroup:SecurityGroup',
  'aws:ec2/subnet:Subnet',
  'aws:ec2/vpc:Vpc',
  'aws:ec2/vpcEndpoint:VpcEndpoint',
  'aws:ecr/repository:Repository',
  'aws:ecs/cluster:Cluster',
  'aws:ecs/service:Service',
  'aws:ecs/taskDefinition:TaskDefinition',
  'aws:guardduty/detector:Detector',
  'aws:iam/role:Role',
  'aws:kms/key:Key',
  'aws:lambda/function:Function',
  'aws:lb/listener:Listener',
  'aws:lb/listenerRule:ListenerRule',
  'aws:lb/loadBalancer:LoadBalancer',
  'aws:lb/targetGroup:TargetGroup',
  'aws:rds/cluster:Cluster',
  'aws:rds/clusterInstance:ClusterInstance',
  'aws:rds/clusterParameterGroup:ClusterParameterGroup',
  'aws:rds/eventSubscription:EventSubscription',
  'aws:rds/instance:Instance',
  'aws:rds/parameterGroup:ParameterGroup',
  'aws:rds/subnetGroup:SubnetGroup',
  'aws:s3/bucket:Bucket',
  'aws:secretsmanager/secret:Secret',
  'aws:sns/topic:Topic',
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
  'aws:wafv2/ipSet:IpSet',
  'aws:wafv2/webAcl:WebAcl',
]);

export const resourcesTagged: ResourceValidationPolicy = {
  name: 'resources-tagged',
  description:
    'Every taggable resource carries the instance code, Kemendagri region code, environment and cost centre.',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => {
    if (!TAGGABLE_TYPES.has(args.type)) return;
    const missing = missingTags(args.props.tags);
    if (missing.length > 0) report(`missing tags: ${missing.join(', ')}.`);
  },
};
