import { fileURLToPath } from 'node:url';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { InstanceSecrets } from '../spec/instance-spec.js';
import type { InstanceContext } from './component-args.js';
import { type Database, databaseLogGroupNames } from './database.js';
import type { Service } from './service.js';

/** Share of `max_connections` at which the saturation alarm fires. */
export const CONNECTION_ALARM_SHARE = 0.8;
/** Lambda runtime of the chat forwarder. */
export const CHAT_RUNTIME = 'nodejs22.x';
const CHAT_CODE = fileURLToPath(new URL('../../lambda/chat-alert.mjs', import.meta.url));

/**
 * Log groups with a retention, encrypted with the logs key; an encrypted SNS topic that
 * e-mails the alarm address and (optionally) posts to the operations chat; the alarms (ALB
 * 5xx of the targets and of the ALB itself, latency, healthy hosts, ECS CPU and memory,
 * database CPU, storage and connection saturation) and the events (failed deployments,
 * failed backup and copy jobs, RDS events, GuardDuty findings).
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

  constructor(
    name: string,
    ctx: InstanceContext,
    logsKeyArn: pulumi.Output<string>,
    secrets: InstanceSecrets,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('mpp:aws:Observability', name, {}, opts);
    this.ctx = ctx;
    this.name = name;
    const { spec, tags, prefix } = ctx;
    const logGroup = (id: string, logGroupName: string) =>
      new aws.cloudwatch.LogGroup(
        id,
        {
          name: logGroupName,
          retentionInDays: spec.logRetentionDays,
          kmsKeyId: logsKeyArn,
          tags,
        },
        { parent: this },
      );
    const app = logGroup(`${name}-app-logs`, `/mpp/${prefix}/app`);
    this.appLogGroupName = app.name;
    this.databaseLogGroups = databaseLogGroupNames(ctx).map((logGroupName, i) =>
      logGroup(`${name}-db-logs-${i}`, logGroupName),
    );
    this.topic = new aws.sns.Topic(
      `${name}-alarms`,
      {
        name: `${prefix}-alarms`,
        displayName: `MPP ${spec.instanceCode} alarms`,
        kmsMasterKeyId: logsKeyArn,
        tags,
      },
      { parent: this },
    );
    this.alarmTopicArn = this.topic.arn;
    const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    new aws.sns.TopicPolicy(
      `${name}-alarms-policy`,
      {
        arn: this.topic.arn,
        policy: pulumi
          .all([this.topic.arn, account])
          .apply(([topic, id]) => JSON.stringify(alarmTopicPolicy(topic, id))),
      },
      { parent: this },
    );
    new aws.sns.TopicSubscription(
      `${name}-alarm-email`,
      { topic: this.topic.arn, protocol: 'email', endpoint: spec.alarmEmail },
      { parent: this },
    );
    if (secrets.chatWebhookUrl !== undefined) {
      this.chatForwarder(secrets.chatWebhookUrl, logGroup, logsKeyArn);
    }
  }

  /** A small Lambda that posts every alarm-topic message to the chat room's webhook. */
  private chatForwarder(
    webhookUrl: pulumi.Input<string>,
    logGroup: (id: string, name: string) => aws.cloudwatch.LogGroup,
    logsKeyArn: pulumi.Output<string>,
  ): void {
    const { tags, prefix } = this.ctx;
    const name = this.name;
    const parent = { parent: this };
    const functionName = `${prefix}-chat-alerts`;
    const logs = logGroup(`${name}-chat-logs`, `/aws/lambda/${functionName}`);
    const role = new aws.iam.Role(
      `${name}-chat-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
        description: 'Chat forwarder: writes its own log, decrypts its webhook URL',
        tags,
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-chat-policy`,
      {
        role: role.id,
        policy: pulumi.all([logs.arn, logsKeyArn]).apply(([logArn, keyArn]) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                Resource: `${logArn}:*`,
              },
              { Effect: 'Allow', Action: 'kms:Decrypt', Resource: keyArn },
            ],
          }),
        ),
      },
      parent,
    );
    const fn = new aws.lambda.Function(
      `${name}-chat`,
      {
        name: functionName,
        description: 'Posts MPP alarms to the operations chat',
        runtime: CHAT_RUNTIME,
        handler: 'index.handler',
        code: new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.FileAsset(CHAT_CODE) }),
        role: role.arn,
        timeout: 10,
        memorySize: 128,
        kmsKeyArn: logsKeyArn,
        environment: { variables: { CHAT_WEBHOOK_URL: pulumi.secret(webhookUrl) } },
        loggingConfig: { logFormat: 'Text', logGroup: logs.name },
        tags,
      },
      { parent: this, dependsOn: [logs] },
    );
    new aws.lambda.Permission(
      `${name}-chat-from-sns`,
      {
        function: fn.name,
        action: 'lambda:InvokeFunction',
        principal: 'sns.amazonaws.com',
        sourceArn: this.topic.arn,
      },
      parent,
    );
    new aws.sns.TopicSubscription(
      `${name}-alarm-chat`,
      { topic: this.topic.arn, protocol: 'lambda', endpoint: fn.arn },
      parent,
    );
  }

  /** An EventBridge rule that sends matching events to the alarm topic. */
  private onEvent(
    id: string,
    description: string,
    pattern: pulumi.Input<Record<string, unknown>>,
  ): void {
    const { tags, prefix } = this.ctx;
    const rule = new aws.cloudwatch.EventRule(
      `${this.name}-${id}`,
      {
        name: `${prefix}-${id}`,
        description,
        eventPattern: pulumi.output(pattern).apply((p) => JSON.stringify(p)),
        tags,
      },
      { parent: this },
    );
    new aws.cloudwatch.EventTarget(
      `${this.name}-${id}-target`,
      { rule: rule.name, arn: this.topic.arn },
      { parent: this },
    );
  }

  /** Declares every alarm, once the Service and Database exist. */
  watch(service: Service, database: Database, backupVaultName: pulumi.Output<string>): void {
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
    alarm(
      'alb-elb-5xx',
      'The ALB itself answers 5xx (no healthy target) / ALB sendiri membalas 5xx',
      {
        namespace: 'AWS/ApplicationELB',
        metricName: 'HTTPCode_ELB_5XX_Count',
        dimensions: alb,
        statistic: 'Sum',
        period: 60,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        threshold: 5,
        comparisonOperator: 'GreaterThanThreshold',
      },
    );
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
    const { serviceName, serviceArn } = service;
    if (serviceName !== undefined && serviceArn !== undefined) {
      // Bootstrap mode has no service yet, so nothing to watch.
      const ecs = { ClusterName: service.clusterName, ServiceName: serviceName };
      // Fewer healthy tasks than the minimum: an outage in the making (missing data = none).
      alarm(
        'healthy-hosts',
        'Healthy app tasks below the minimum / tugas aplikasi sehat di bawah minimum',
        {
          namespace: 'AWS/ApplicationELB',
          metricName: 'HealthyHostCount',
          dimensions: { ...alb, TargetGroup: service.targetGroupArnSuffix },
          statistic: 'Minimum',
          period: 60,
          evaluationPeriods: 3,
          threshold: profile.task.minCount,
          comparisonOperator: 'LessThanThreshold',
          treatMissingData: 'breaching',
        },
      );
      this.onEvent('deployment-failed', 'ECS rolled a deployment back / penerapan gagal', {
        source: ['aws.ecs'],
        'detail-type': ['ECS Deployment State Change'],
        resources: [serviceArn],
        detail: { eventName: ['SERVICE_DEPLOYMENT_FAILED'] },
      });
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
      threshold: Math.floor(profile.databaseMaxConnections * CONNECTION_ALARM_SHARE),
      comparisonOperator: 'GreaterThanThreshold',
    });

    this.onEvent('backup-failed', 'A backup or copy job failed / pencadangan gagal', {
      source: ['aws.backup'],
      'detail-type': ['Backup Job State Change', 'Copy Job State Change'],
      detail: { state: ['FAILED', 'ABORTED', 'EXPIRED'], backupVaultName: [backupVaultName] },
    });
    this.onEvent('guardduty-finding', 'GuardDuty finding, medium or higher / temuan GuardDuty', {
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', 4] }] },
    });
    new aws.rds.EventSubscription(
      `${name}-db-events`,
      {
        name: `${prefix}-db-events`,
        snsTopic: this.topic.arn,
        sourceType: database.kind === 'rds' ? 'db-instance' : 'db-cluster',
        sourceIds: [database.identifier],
        eventCategories: [
          'availability',
          'failover',
          'failure',
          'maintenance',
          'notification',
          'recovery',
        ],
        tags,
      },
      { parent: this },
    );
    this.registerOutputs({ alarmTopicArn: this.alarmTopicArn });
  }
}

/** The alarm topic's policy: the account keeps control; alarms, rules and RDS may publish. */
export function alarmTopicPolicy(topicArn: string, account: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AccountManages',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: [
          'sns:GetTopicAttributes',
          'sns:SetTopicAttributes',
          'sns:Subscribe',
          'sns:ListSubscriptionsByTopic',
          'sns:Publish',
        ],
        Resource: topicArn,
      },
      {
        Sid: 'AlarmsAndEventsPublish',
        Effect: 'Allow',
        Principal: {
          Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'events.rds.amazonaws.com'],
        },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}
