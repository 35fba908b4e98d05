import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { InstanceContext } from './component-args.js';
import { type Database, databaseLogGroupNames } from './database.js';
import type { Service } from './service.js';

/**
 * Log groups with a retention, an SNS topic e-mailing the alarm address, and the alarms:
 * ALB 5xx and latency, ECS CPU and memory, database CPU, storage and connections.
 * Built in two steps: log groups first (the Service writes to them), alarms once the
 * Service and Database exist (`watch`).
 */
export class Observability extends pulumi.ComponentResource {
  readonly appLogGroupName: pulumi.Output<string>;
  readonly alarmTopicArn: pulumi.Output<string>;
  /** The log groups RDS exports to; the database waits for them. */
  readonly databaseLogGroups: aws.cloudwatch.LogGroup[];
  private readonly ctx: InstanceContext;
  private readonly name: string;
  private readonly topic: aws.sns.Topic;

  constructor(name: string, ctx: InstanceContext, opts?: pulumi.ComponentResourceOptions) {
    super('mpp:aws:Observability', name, {}, opts);
    this.ctx = ctx;
    this.name = name;
    const { spec, tags, prefix } = ctx;
    const app = new aws.cloudwatch.LogGroup(
      `${name}-app-logs`,
      { name: `/mpp/${prefix}/app`, retentionInDays: spec.logRetentionDays, tags },
      { parent: this },
    );
    this.appLogGroupName = app.name;
    this.databaseLogGroups = databaseLogGroupNames(ctx).map(
      (logGroupName, i) =>
        new aws.cloudwatch.LogGroup(
          `${name}-db-logs-${i}`,
          { name: logGroupName, retentionInDays: spec.logRetentionDays, tags },
          { parent: this },
        ),
    );
    this.topic = new aws.sns.Topic(
      `${name}-alarms`,
      { name: `${prefix}-alarms`, displayName: `MPP ${spec.instanceCode} alarms`, tags },
      { parent: this },
    );
    this.alarmTopicArn = this.topic.arn;
    new aws.sns.TopicSubscription(
      `${name}-alarm-email`,
      { topic: this.topic.arn, protocol: 'email', endpoint: spec.alarmEmail },
      { parent: this },
    );
  }

  /** Declares every alarm, once the Service and Database exist. */
  watch(service: Service, database: Database): void {
    const { profile, tags, prefix } = this.ctx;
    const name = this.name;

    const alarm = (
      id: string,
      description: string,
      args: Omit<aws.cloudwatch.MetricAlarmArgs, 'alarmActions' | 'okActions' | 'tags'>,
    ) =>
      new aws.cloudwatch.MetricAlarm(
        `${name}-${id}`,
        {
          name: `${prefix}-${id}`,
          alarmDescription: description,
          alarmActions: [this.topic.arn],
          okActions: [this.topic.arn],
          treatMissingData: 'notBreaching',
          ...args,
          tags,
        },
        { parent: this },
      );

    const alb = { LoadBalancer: service.albArnSuffix };
    const db: Record<string, string> =
      database.kind === 'rds'
        ? { DBInstanceIdentifier: database.identifier }
        : { DBClusterIdentifier: database.identifier };

    alarm('alb-5xx', 'ALB answers 5xx (target errors) / ALB membalas 5xx', {
      namespace: 'AWS/ApplicationELB',
      metricName: 'HTTPCode_Target_5XX_Count',
      dimensions: alb,
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 10,
      comparisonOperator: 'GreaterThanThreshold',
    });
    alarm('alb-latency', 'p95 target response time above 2 s / waktu respons p95 di atas 2 detik', {
      namespace: 'AWS/ApplicationELB',
      metricName: 'TargetResponseTime',
      dimensions: { ...alb, TargetGroup: service.targetGroupArnSuffix },
      extendedStatistic: 'p95',
      period: 300,
      evaluationPeriods: 2,
      threshold: 2,
      comparisonOperator: 'GreaterThanThreshold',
    });
    const serviceName = service.serviceName;
    if (serviceName !== undefined) {
      // Bootstrap mode has no service yet, so nothing to watch.
      const ecs = { ClusterName: service.clusterName, ServiceName: serviceName };
      alarm('ecs-cpu', 'App CPU above 85% / CPU aplikasi di atas 85%', {
        namespace: 'AWS/ECS',
        metricName: 'CPUUtilization',
        dimensions: ecs,
        statistic: 'Average',
        period: 300,
        evaluationPeriods: 3,
        threshold: 85,
        comparisonOperator: 'GreaterThanThreshold',
      });
      alarm('ecs-memory', 'App memory above 85% / memori aplikasi di atas 85%', {
        namespace: 'AWS/ECS',
        metricName: 'MemoryUtilization',
        dimensions: ecs,
        statistic: 'Average',
        period: 300,
        evaluationPeriods: 3,
        threshold: 85,
        comparisonOperator: 'GreaterThanThreshold',
      });
    }
    alarm('db-cpu', 'Database CPU above 80% / CPU basis data di atas 80%', {
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: db,
      statistic: 'Average',
      period: 300,
      evaluationPeriods: 3,
      threshold: 80,
      comparisonOperator: 'GreaterThanThreshold',
    });
    if (profile.database.kind === 'rds') {
      // 10% of the allocated storage left (autoscaling storage grows before that, normally).
      alarm('db-storage', 'Database free storage low / ruang basis data hampir habis', {
        namespace: 'AWS/RDS',
        metricName: 'FreeStorageSpace',
        dimensions: db,
        statistic: 'Minimum',
        period: 300,
        evaluationPeriods: 1,
        threshold: profile.database.allocatedStorageGb * 0.1 * 1024 ** 3,
        comparisonOperator: 'LessThanThreshold',
      });
    } else {
      // Aurora storage grows by itself; the local storage of the instances is what runs out.
      alarm(
        'db-storage',
        'Database local storage low / penyimpanan lokal basis data hampir habis',
        {
          namespace: 'AWS/RDS',
          metricName: 'FreeLocalStorage',
          dimensions: db,
          statistic: 'Minimum',
          period: 300,
          evaluationPeriods: 1,
          threshold: 2 * 1024 ** 3,
          comparisonOperator: 'LessThanThreshold',
        },
      );
    }
    alarm('db-connections', 'Database connections high / koneksi basis data tinggi', {
      namespace: 'AWS/RDS',
      metricName: 'DatabaseConnections',
      dimensions: db,
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 2,
      threshold: profile.task.maxCount * 20,
      comparisonOperator: 'GreaterThanThreshold',
    });
    this.registerOutputs({ alarmTopicArn: this.alarmTopicArn });
  }
}
