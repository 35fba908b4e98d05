import type {
  PolicyResource,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from '@pulumi/policy';
import { forTypes, T } from './helpers.js';

export const kmsKeyRotation: ResourceValidationPolicy = {
  name: 'kms-key-rotation',
  description: 'Customer-managed KMS keys rotate automatically.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.kmsKey], (props, report) => {
    if (props.enableKeyRotation !== true) report('enableKeyRotation must be true.');
  }),
};

export const s3PublicAccessBlocked: ResourceValidationPolicy = {
  name: 's3-public-access-blocked',
  description: 'S3 public access blocks turn on all four settings.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.bucketPublicAccessBlock], (props, report) => {
    for (const k of [
      'blockPublicAcls',
      'blockPublicPolicy',
      'ignorePublicAcls',
      'restrictPublicBuckets',
    ]) {
      if (props[k] !== true) report(`${k} must be true.`);
    }
  }),
};

export const s3NoAcls: ResourceValidationPolicy = {
  name: 's3-no-acls',
  description: 'S3 ACLs are disabled (bucket owner enforced) and never granted.',
  enforcementLevel: 'mandatory',
  validateResource: [
    forTypes([T.bucketAcl, T.bucketAclV2], (_props, report) => {
      report('bucket ACLs are not allowed; use bucket policies.');
    }),
    forTypes([T.bucket, T.bucketV2], (props, report) => {
      if (props.acl !== undefined || props.grants !== undefined)
        report('bucket acl/grants are not allowed.');
    }),
    forTypes([T.bucketOwnershipControls], (props, report) => {
      if (props.rule?.objectOwnership !== 'BucketOwnerEnforced') {
        report('objectOwnership must be BucketOwnerEnforced (ACLs disabled).');
      }
    }),
  ],
};

export const s3Encrypted: ResourceValidationPolicy = {
  name: 's3-encrypted',
  description: 'S3 default encryption names an algorithm.',
  enforcementLevel: 'mandatory',
  validateResource: forTypes([T.bucketEncryption], (props, report) => {
    const rules = (props.rules ?? []) as {
      applyServerSideEncryptionByDefault?: { sseAlgorithm?: string };
    }[];
    if (!rules.some((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm)) {
      report('a default encryption rule with an sseAlgorithm is required.');
    }
  }),
};

function companionsOf(resources: PolicyResource[], bucket: PolicyResource, type: string) {
  return resources.filter(
    (r) =>
      r.type === type &&
      (r.propertyDependencies.bucket?.some((d) => d.urn === bucket.urn) ?? false),
  );
}

/** Since aws v7 a bucket's settings are separate resources: every bucket needs all three. */
export const s3BucketHardened: StackValidationPolicy = {
  name: 's3-bucket-hardened',
  description: 'Every bucket has a public access block, default encryption and ACLs disabled.',
  enforcementLevel: 'mandatory',
  validateStack: (args, report) => {
    const buckets = args.resources.filter((r) => r.type === T.bucket || r.type === T.bucketV2);
    for (const bucket of buckets) {
      const needs: [string, string][] = [
        [T.bucketPublicAccessBlock, 'BucketPublicAccessBlock'],
        [T.bucketEncryption, 'BucketServerSideEncryptionConfiguration'],
        [T.bucketOwnershipControls, 'BucketOwnershipControls'],
      ];
      for (const [type, label] of needs) {
        if (companionsOf(args.resources, bucket, type).length === 0) {
          report(`bucket ${bucket.name} has no ${label}.`, bucket.urn);
        }
      }
    }
  },
};
