import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/**
 * A private S3 bucket for the ALB's access logs: public access blocked, ACLs disabled
 * (bucket owner enforced), SSE-S3 (the only encryption ALB log delivery supports),
 * TLS-only, expiring objects after `retentionDays`.
 */
export function accessLogBucket(
  name: string,
  prefix: string,
  retentionDays: number,
  forceDestroy: boolean,
  tags: Record<string, string>,
  parent: pulumi.Resource,
): aws.s3.Bucket {
  const opts = { parent };
  const bucket = new aws.s3.Bucket(
    name,
    { bucketPrefix: `${prefix}-alb-logs-`, forceDestroy, tags },
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
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    },
    opts,
  );
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-lifecycle`,
    {
      bucket: bucket.id,
      rules: [{ id: 'expire', status: 'Enabled', filter: {}, expiration: { days: retentionDays } }],
    },
    opts,
  );
  new aws.s3.BucketPolicy(
    `${name}-policy`,
    {
      bucket: bucket.id,
      policy: bucket.arn.apply((arn) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AlbLogDelivery',
              Effect: 'Allow',
              Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: `${arn}/alb/AWSLogs/*`,
            },
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
