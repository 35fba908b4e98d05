import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** One statement of a bucket policy, built once the bucket's ARN is known. */
export type BucketStatement = Record<string, unknown>;

export interface LogBucketArgs {
  /** Physical name prefix (the WAF requires `aws-waf-logs-` on its destination). */
  readonly bucketPrefix: string;
  readonly retentionDays: number;
  readonly production: boolean;
  /** Customer-managed key; absent = SSE-S3, the only encryption ALB log delivery supports. */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** The log writers' statements (service principals), given the bucket ARN. */
  readonly writers: (arn: string) => BucketStatement[];
  readonly tags: Record<string, string>;
}

/**
 * A private S3 bucket for logs that are evidence: public access blocked, ACLs disabled, encrypted,
 * TLS-only, versioned and under S3 Object Lock for the retention period (COMPLIANCE in production:
 * nobody, not even the account's root, can delete or overwrite a log before it expires;
 * GOVERNANCE elsewhere, so a test stack can still be torn down), then expired.
 */
export function logBucket(
  name: string,
  args: LogBucketArgs,
  parent: pulumi.Resource,
): aws.s3.Bucket {
  const opts = { parent };
  const bucket = new aws.s3.Bucket(
    name,
    {
      bucketPrefix: args.bucketPrefix,
      objectLockEnabled: true,
      forceDestroy: !args.production,
      tags: args.tags,
    },
    opts,
  );
  new aws.s3.BucketPublicAccessBlock(
    `${name}-public-access`,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    opts,
  );
  new aws.s3.BucketOwnershipControls(
    `${name}-ownership`,
    { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } },
    opts,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-encryption`,
    {
      bucket: bucket.id,
      rules: [
        args.kmsKeyArn === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: 'aws:kms',
                kmsMasterKeyId: args.kmsKeyArn,
              },
              bucketKeyEnabled: true,
            },
      ],
    },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(
    `${name}-versioning`,
    { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
    opts,
  );
  new aws.s3.BucketObjectLockConfiguration(
    `${name}-object-lock`,
    {
      bucket: bucket.id,
      objectLockEnabled: 'Enabled',
      rule: {
        defaultRetention: {
          mode: args.production ? 'COMPLIANCE' : 'GOVERNANCE',
          days: args.retentionDays,
        },
      },
    },
    { parent, dependsOn: [versioning] },
  );
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    {
      bucket: bucket.id,
      rules: [
        {
          id: 'expire',
          status: 'Enabled',
          filter: {},
          expiration: { days: args.retentionDays },
          // Object Lock keeps every version until its retention ends; then it may go.
          noncurrentVersionExpiration: { noncurrentDays: 1 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ],
    },
    { parent, dependsOn: [versioning] },
  );
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: bucket.arn.apply((arn) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            ...args.writers(arn),
            {
              Sid: 'TlsOnly',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [arn, `${arn}/*`],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      ),
    },
    opts,
  );
  return bucket;
}

/** The bucket of the ALB's access logs (SSE-S3: ALB log delivery supports nothing else). */
export function accessLogBucket(
  name: string,
  prefix: string,
  retentionDays: number,
  production: boolean,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): aws.s3.Bucket {
  return logBucket(
    name,
    {
      bucketPrefix: `${prefix}-alb-logs-`,
      retentionDays,
      production,
      tags,
      writers: (arn) => [
        {
          Sid: 'AlbLogDelivery',
          Effect: 'Allow',
          Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `${arn}/alb/AWSLogs/*`,
        },
      ],
    },
    parent,
  );
}
