// Each rule of the policy pack, proven to pass a good resource and to fail a bad one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Props } from '../src/policies/helpers.js';
import {
  auroraMultiAzProduction,
  mppPolicies,
  resourcePolicies,
  s3BucketHardened,
  stackPolicies,
} from '../src/policies/index.js';
import type { RecordedResource } from './mock-cloud.js';
import { replayResourcePolicies, replayStackPolicies } from './policy-replay.js';

const TAGS = {
  'mpp:instance': 'kota-contoh',
  'mpp:region-code': '35.99',
  'mpp:environment': 'production',
  'mpp:cost-centre': 'diskominfo',
};

function resource(type: string, props: Props, name = 'r'): RecordedResource {
  return {
    type,
    name,
    id: `${name}-id`,
    urn: `urn:pulumi:test::mpp-aws::${type}::${name}`,
    custom: true,
    inputs: props,
    provider: undefined,
  };
}

interface Case {
  readonly type: string;
  readonly good: Props;
  readonly bad: Props;
}

const rds = {
  storageEncrypted: true,
  kmsKeyId: 'arn:aws:kms:ap-southeast-3:1:key/k',
  publiclyAccessible: false,
  backupRetentionPeriod: 14,
  deletionProtection: true,
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: 'final',
  multiAz: true,
  manageMasterUserPassword: true,
  performanceInsightsEnabled: true,
  tags: TAGS,
};
const RDS = 'aws:rds/instance:Instance';
const redirect = {
  type: 'redirect',
  redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' },
};
const alb = {
  enableDeletionProtection: true,
  accessLogs: { enabled: true, bucket: 'logs' },
  tags: TAGS,
};
const SG = 'aws:ec2/securityGroup:SecurityGroup';

/** One good and one bad resource per rule; the bad one differs only in what the rule checks. */
const CASES: Record<string, Case[]> = {
  'rds-storage-encrypted': [
    { type: RDS, good: rds, bad: { ...rds, storageEncrypted: false } },
    { type: 'aws:rds/cluster:Cluster', good: rds, bad: { ...rds, kmsKeyId: undefined } },
  ],
  'rds-not-publicly-accessible': [
    { type: RDS, good: rds, bad: { ...rds, publiclyAccessible: true } },
    {
      type: 'aws:rds/clusterInstance:ClusterInstance',
      good: rds,
      bad: { ...rds, publiclyAccessible: undefined },
    },
  ],
  'rds-backup-retention': [
    { type: RDS, good: rds, bad: { ...rds, backupRetentionPeriod: 3 } },
    {
      type: 'aws:rds/cluster:Cluster',
      good: rds,
      bad: { ...rds, backupRetentionPeriod: undefined },
    },
  ],
  'rds-production-protection': [
    { type: RDS, good: rds, bad: { ...rds, deletionProtection: false } },
    { type: RDS, good: rds, bad: { ...rds, skipFinalSnapshot: true } },
    {
      type: 'aws:rds/cluster:Cluster',
      good: rds,
      bad: { ...rds, finalSnapshotIdentifier: undefined },
    },
  ],
  'rds-multi-az-production': [{ type: RDS, good: rds, bad: { ...rds, multiAz: false } }],
  'rds-managed-master-password': [
    { type: RDS, good: rds, bad: { ...rds, manageMasterUserPassword: false } },
    { type: 'aws:rds/cluster:Cluster', good: rds, bad: { ...rds, masterPassword: 'hunter2' } },
  ],
  'rds-tls-enforced': [
    {
      type: 'aws:rds/parameterGroup:ParameterGroup',
      good: { parameters: [{ name: 'rds.force_ssl', value: '1' }], tags: TAGS },
      bad: { parameters: [{ name: 'rds.force_ssl', value: '0' }], tags: TAGS },
    },
  ],
  'rds-performance-insights': [
    { type: RDS, good: rds, bad: { ...rds, performanceInsightsEnabled: false } },
  ],
  'kms-key-rotation': [
    { type: 'aws:kms/key:Key', good: { enableKeyRotation: true, tags: TAGS }, bad: { tags: TAGS } },
  ],
  's3-public-access-blocked': [
    {
      type: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
      good: {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      bad: {
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
    },
  ],
  's3-no-acls': [
    {
      type: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
      good: { rule: { objectOwnership: 'BucketOwnerEnforced' } },
      bad: { rule: { objectOwnership: 'ObjectWriter' } },
    },
    { type: 'aws:s3/bucket:Bucket', good: { tags: TAGS }, bad: { acl: 'public-read', tags: TAGS } },
    {
      type: 'aws:s3/bucketAcl:BucketAcl',
      good: { ignored: 'good is impossible' },
      bad: { acl: 'private' },
    },
  ],
  's3-encrypted': [
    {
      type: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
      good: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }] },
      bad: { rules: [{}] },
    },
  ],
  'alb-http-to-https-redirect': [
    {
      type: 'aws:lb/listener:Listener',
      good: { protocol: 'HTTP', port: 80, defaultActions: [redirect], tags: TAGS },
      bad: {
        protocol: 'HTTP',
        port: 80,
        defaultActions: [{ type: 'forward', targetGroupArn: 'tg' }],
        tags: TAGS,
      },
    },
  ],
  'alb-deletion-protection': [
    {
      type: 'aws:lb/loadBalancer:LoadBalancer',
      good: alb,
      bad: { ...alb, enableDeletionProtection: false },
    },
  ],
  'alb-access-logs': [
    {
      type: 'aws:lb/loadBalancer:LoadBalancer',
      good: alb,
      bad: { ...alb, accessLogs: { enabled: false, bucket: 'logs' } },
    },
  ],
  'log-retention-set': [
    {
      type: 'aws:cloudwatch/logGroup:LogGroup',
      good: { retentionInDays: 30, tags: TAGS },
      bad: { tags: TAGS },
    },
  ],
  'waf-attached': [
    {
      type: 'aws:cloudfront/distribution:Distribution',
      good: { webAclId: 'arn:aws:wafv2:us-east-1:1:global/webacl/x', tags: TAGS },
      bad: { tags: TAGS },
    },
  ],
  'no-open-ingress': [
    {
      type: SG,
      good: {
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }],
        tags: { ...TAGS, 'mpp:role': 'load-balancer' },
      },
      bad: {
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }],
        tags: { ...TAGS, 'mpp:role': 'app' },
      },
    },
    {
      type: SG,
      good: {
        ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, ipv6CidrBlocks: ['::/0'] }],
        tags: { ...TAGS, 'mpp:role': 'load-balancer' },
      },
      bad: {
        ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }],
        tags: { ...TAGS, 'mpp:role': 'load-balancer' },
      },
    },
    {
      type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
      good: { cidrIpv4: '10.40.0.0/16', fromPort: 5432, toPort: 5432, tags: TAGS },
      bad: { cidrIpv4: '0.0.0.0/0', fromPort: 5432, toPort: 5432, tags: TAGS },
    },
    {
      type: 'aws:ec2/securityGroupRule:SecurityGroupRule',
      good: { type: 'egress', cidrBlocks: ['0.0.0.0/0'] },
      bad: { type: 'ingress', cidrBlocks: ['0.0.0.0/0'] },
    },
  ],
  'ecr-immutable-scanned': [
    {
      type: 'aws:ecr/repository:Repository',
      good: {
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        tags: TAGS,
      },
      bad: {
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        tags: TAGS,
      },
    },
  ],
  'ecs-no-public-ip': [
    {
      type: 'aws:ecs/service:Service',
      good: { networkConfiguration: { assignPublicIp: false }, tags: TAGS },
      bad: { networkConfiguration: { assignPublicIp: true }, tags: TAGS },
    },
  ],
  'resources-tagged': [
    {
      type: 'aws:ec2/vpc:Vpc',
      good: { cidrBlock: '10.40.0.0/16', tags: TAGS },
      bad: { cidrBlock: '10.40.0.0/16', tags: { ...TAGS, 'mpp:cost-centre': '' } },
    },
    { type: 'aws:sns/topic:Topic', good: { tags: TAGS }, bad: {} },
  ],
};

async function violationsOf(policyName: string, r: RecordedResource) {
  const policy = resourcePolicies.find((p) => p.name === policyName);
  if (!policy) throw new Error(`no policy ${policyName}`);
  return replayResourcePolicies([r], [policy]);
}

describe('the pack', () => {
  it('has unique names the policy server accepts, all mandatory', () => {
    const names = mppPolicies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of mppPolicies) {
      expect(p.name).toMatch(/^[a-zA-Z0-9_.-]{1,100}$/);
      expect(p.enforcementLevel).toBe('mandatory');
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  it('has a CLI entry that parses and serves exactly these rules', () => {
    const entry = readFileSync(new URL('../policy-pack/index.js', import.meta.url), 'utf8');
    execFileSync(process.execPath, [
      '--check',
      fileURLToPath(new URL('../policy-pack/index.js', import.meta.url)),
    ]);
    expect(entry).toMatch(/new PolicyPack\('mpp-kit-aws', \{ policies: mppPolicies \}\)/);
    expect(entry).toContain("from '../dist/policies/index.js'");
  });
});

describe('resource rules', () => {
  it('has a good/bad case for every rule of the pack', () => {
    expect(Object.keys(CASES).sort()).toEqual(resourcePolicies.map((p) => p.name).sort());
    expect(mppPolicies).toHaveLength(resourcePolicies.length + stackPolicies.length);
  });

  for (const [name, cases] of Object.entries(CASES)) {
    describe(name, () => {
      cases.forEach((c, i) => {
        if (c.type !== 'aws:s3/bucketAcl:BucketAcl') {
          it(`passes good ${c.type} (#${i + 1})`, async () => {
            expect(await violationsOf(name, resource(c.type, c.good))).toEqual([]);
          });
        }
        it(`fails bad ${c.type} (#${i + 1})`, async () => {
          const found = await violationsOf(name, resource(c.type, c.bad));
          expect(found.length).toBeGreaterThan(0);
          expect(found.every((v) => v.policy === name && v.message.length > 0)).toBe(true);
        });
      });
    });
  }

  it('exempts non-production resources from the production-only rules', async () => {
    const staging = { ...TAGS, 'mpp:environment': 'staging' };
    for (const name of ['rds-production-protection', 'rds-multi-az-production']) {
      const bad = {
        ...rds,
        multiAz: false,
        deletionProtection: false,
        skipFinalSnapshot: true,
        tags: staging,
      };
      expect(await violationsOf(name, resource(RDS, bad))).toEqual([]);
    }
    const lb = resource('aws:lb/loadBalancer:LoadBalancer', {
      ...alb,
      enableDeletionProtection: false,
      tags: staging,
    });
    expect(await violationsOf('alb-deletion-protection', lb)).toEqual([]);
  });
});

describe('stack rules', () => {
  const bucket = resource('aws:s3/bucket:Bucket', { tags: TAGS }, 'logs');
  const companions = [
    resource(
      'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
      { bucket: 'logs-id' },
      'pab',
    ),
    resource(
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
      { bucket: 'logs-id' },
      'sse',
    ),
    resource(
      'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
      { bucket: 'logs-id' },
      'own',
    ),
  ];

  it('s3-bucket-hardened passes a bucket with all three companions', async () => {
    expect(await replayStackPolicies([bucket, ...companions], [s3BucketHardened])).toEqual([]);
  });

  it('s3-bucket-hardened fails a bucket missing each companion', async () => {
    for (let i = 0; i < companions.length; i++) {
      const rest = companions.filter((_, j) => j !== i);
      const found = await replayStackPolicies([bucket, ...rest], [s3BucketHardened]);
      expect(found).toHaveLength(1);
      expect(found[0]?.resource).toBe(bucket.urn);
    }
  });

  const cluster = resource('aws:rds/cluster:Cluster', { tags: TAGS }, 'db');
  const member = (n: number) =>
    resource(
      'aws:rds/clusterInstance:ClusterInstance',
      { clusterIdentifier: 'db-id', tags: TAGS },
      `db-${n}`,
    );

  it('aurora-multi-az-production passes a production cluster with a reader', async () => {
    expect(
      await replayStackPolicies([cluster, member(0), member(1)], [auroraMultiAzProduction]),
    ).toEqual([]);
  });

  it('aurora-multi-az-production fails a production cluster with one instance', async () => {
    const found = await replayStackPolicies([cluster, member(0)], [auroraMultiAzProduction]);
    expect(found.map((v) => v.policy)).toEqual(['aurora-multi-az-production']);
  });
});
