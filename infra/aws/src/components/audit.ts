import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { logBucket } from './access-log-bucket.js';
import type { InstanceContext } from './component-args.js';
import { rotatingKey } from './kms-key.js';

/** The audit bucket's name must start with this for the WAF to deliver its logs to it. */
export const WAF_LOG_BUCKET_PREFIX = 'aws-waf-logs-';

/** Key prefixes in the audit bucket, one per log source. */
export const AUDIT_PREFIXES = {
  cloudtrail: 'cloudtrail',
  flowLogs: 'vpc-flow-logs',
  /** The WAF takes no prefix: it writes below `AWSLogs/<account>/WAFLogs/` at the root. */
  waf: 'AWSLogs',
  cloudfront: 'cloudfront',
} as const;

/**
 * What an investigation needs within the 3 × 24 hours UU PDP allows for a breach notice: a
 * customer-managed key for every log and the alarm topic, one Object-Lock bucket for the
 * audit logs (CloudTrail with log-file validation, VPC flow logs, WAF and CloudFront logs),
 * and GuardDuty watching the account, the database sign-ins and S3. CloudTrail and GuardDuty
 * are left to the organisation when it runs them centrally (`securityServicesCentral`).
 */
export class Audit extends pulumi.ComponentResource {
  /** Encrypts log groups, the audit bucket, CloudTrail and the alarm topic. */
  readonly logsKeyArn: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  readonly bucketName: pulumi.Output<string>;
  /** Absent when the organisation runs GuardDuty. */
  readonly guardDutyDetectorId: pulumi.Output<string> | undefined;

  constructor(name: string, ctx: InstanceContext, opts?: pulumi.ComponentResourceOptions) {
    super('mpp:aws:Audit', name, {}, opts);
    const parent = { parent: this };
    const { spec, production, tags, prefix } = ctx;
    const account = aws.getCallerIdentityOutput({}, parent).accountId;
    const region = spec.awsRegion;
    const trailName = `${prefix}-trail`;

    const key = rotatingKey(
      `${name}-logs-key`,
      `${prefix}-logs`,
      `MPP ${spec.displayName}: logs, audit trail and alarm topic`,
      tags,
      this,
      production,
      account.apply((id) => JSON.stringify(logsKeyPolicy(id, region, trailName))),
    );
    this.logsKeyArn = key.arn;

    const bucket = logBucket(
      `${name}-bucket`,
      {
        bucketPrefix: `${WAF_LOG_BUCKET_PREFIX}${prefix}-`,
        retentionDays: spec.logRetentionDays,
        production,
        kmsKeyArn: key.arn,
        tags,
        writers: (arn) => auditWriters(arn, region, trailName),
      },
      this,
    );
    this.bucketArn = bucket.arn;
    this.bucketName = bucket.bucket;

    if (spec.securityServicesCentral) {
      this.guardDutyDetectorId = undefined;
    } else {
      new aws.cloudtrail.Trail(
        `${name}-trail`,
        {
          name: trailName,
          s3BucketName: bucket.bucket,
          s3KeyPrefix: AUDIT_PREFIXES.cloudtrail,
          enableLogFileValidation: true,
          isMultiRegionTrail: true,
          includeGlobalServiceEvents: true,
          kmsKeyId: key.arn,
          tags,
        },
        { parent: this, dependsOn: [bucket] },
      );
      const detector = new aws.guardduty.Detector(
        `${name}-guardduty`,
        { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', tags },
        parent,
      );
      // Sign-ins to the database and reads of the buckets are where personal data would leak.
      for (const feature of ['RDS_LOGIN_EVENTS', 'S3_DATA_EVENTS']) {
        new aws.guardduty.DetectorFeature(
          `${name}-guardduty-${feature.toLowerCase().replaceAll('_', '-')}`,
          { detectorId: detector.id, name: feature, status: 'ENABLED' },
          parent,
        );
      }
      this.guardDutyDetectorId = detector.id;
    }
    this.registerOutputs({ bucketName: this.bucketName });
  }
}

/** The logs key: the account administers it; each log writer may only encrypt for its purpose. */
export function logsKeyPolicy(account: string, region: string, trailName: string) {
  const trailArn = `arn:aws:cloudtrail:${region}:${account}:trail/${trailName}`;
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
      {
        Sid: 'CloudTrailEncrypts',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': trailArn },
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${account}:trail/*`,
          },
        },
      },
      {
        Sid: 'LogGroupsEncrypt',
        Effect: 'Allow',
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: [
          'kms:Encrypt*',
          'kms:Decrypt*',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:Describe*',
        ],
        Resource: '*',
        Condition: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${region}:${account}:*` },
        },
      },
      {
        Sid: 'LogDeliveryEncrypts',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
      {
        // Alarms and EventBridge rules publish to the encrypted alarm topic.
        Sid: 'AlarmPublishersEncrypt',
        Effect: 'Allow',
        Principal: {
          Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'events.rds.amazonaws.com'],
        },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  };
}

/** Who may write into the audit bucket, and only below their own prefix. */
function auditWriters(arn: string, region: string, trailName: string) {
  const ownerFullControl = { 's3:x-amz-acl': 'bucket-owner-full-control' };
  return [
    {
      Sid: 'CloudTrailChecksAcl',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: arn,
    },
    {
      Sid: 'CloudTrailWrites',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${arn}/${AUDIT_PREFIXES.cloudtrail}/AWSLogs/*`,
      Condition: {
        StringEquals: ownerFullControl,
        ArnLike: { 'aws:SourceArn': `arn:aws:cloudtrail:${region}:*:trail/${trailName}` },
      },
    },
    {
      Sid: 'LogDeliveryChecksAcl',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: ['s3:GetBucketAcl', 's3:ListBucket'],
      Resource: arn,
    },
    {
      // VPC flow logs, WAF logs and CloudFront access logs arrive through log delivery.
      Sid: 'LogDeliveryWrites',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: [AUDIT_PREFIXES.flowLogs, AUDIT_PREFIXES.waf, AUDIT_PREFIXES.cloudfront].map(
        (p) => `${arn}/${p}/*`,
      ),
      Condition: { StringEquals: ownerFullControl },
    },
  ];
}
