// Each rule of the policy pack, proven to pass a good resource and to fail a bad one.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Props } from '../src/policies/helpers.js';
import {
  auroraMultiAzProduction,
  backupVaultLocked,
  mppPolicies,
  networkLogsOn,
  outagesAlarmed,
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

const TASK = 'aws:ecs/taskDefinition:TaskDefinition';
const URL_OK = 'postgres://db:5432/mpp?sslmode=verify-full&sslrootcert=/etc/mpp/rds-ca-bundle.pem';
const task = (containers: object[]) => ({
  containerDefinitions: JSON.stringify(containers),
  tags: TAGS,
});
const withUrl = (url: string) =>
  task([{ name: 'app', environment: [{ name: 'DATABASE_URL', value: url }] }]);
const MASTER = 'arn:aws:secretsmanager:ap-southeast-3:1:secret:rds!db-1:password::';
const APP_SECRET = 'arn:aws:secretsmanager:ap-southeast-3:1:secret:mpp/database/app:password::';
const rate = (limit: number, scopeDownStatement?: object) => ({
  name: `rate-${limit}`,
  statement: {
    rateBasedStatement: {
      limit,
      aggregateKeyType: 'IP',
      ...(scopeDownStatement ? { scopeDownStatement } : {}),
    },
  },
});
const OFFICE = 'arn:aws:wafv2:us-east-1:1:global/ipset/office';
const plan = (rules: object[], tags = TAGS) => ({ rules, tags });
const COPY = {
  destinationVaultArn: 'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:copies',
};
const params = (overrides: Record<string, string>) => ({
  parameters: Object.entries({
    'rds.force_ssl': '1',
    log_statement: 'ddl',
    log_parameter_max_length: '0',
    log_parameter_max_length_on_error: '0',
    ...overrides,
  }).map(([name, value]) => ({ name, value })),
  tags: TAGS,
});

/** One good and one bad resource per rule; the bad one differs only in what the rule checks. */
const CASES: Record<string, Case[]> = {
  'ecs-database-tls-verified': [
    { type: TASK, good: withUrl(URL_OK), bad: withUrl('postgres://db:5432/mpp?sslmode=require') },
    {
      type: TASK,
      good: withUrl(URL_OK),
      bad: withUrl('postgres://u:pw@db:5432/mpp?sslmode=verify-full&sslrootcert=/ca.pem'),
    },
  ],
  'ecs-master-secret-only-for-roles': [
    {
      type: TASK,
      good: task([
        { name: 'db-roles', secrets: [{ name: 'PGPASSWORD', valueFrom: MASTER }] },
        { name: 'migrate', secrets: [{ name: 'PGPASSWORD', valueFrom: APP_SECRET }] },
      ]),
      bad: task([{ name: 'app', secrets: [{ name: 'PGPASSWORD', valueFrom: MASTER }] }]),
    },
  ],
  'alb-origin-secret': [
    {
      type: 'aws:lb/listener:Listener',
      good: { protocol: 'HTTPS', defaultActions: [{ type: 'fixed-response' }], tags: TAGS },
      bad: {
        protocol: 'HTTPS',
        defaultActions: [{ type: 'forward', targetGroupArn: 'tg' }],
        tags: TAGS,
      },
    },
    {
      type: 'aws:lb/listenerRule:ListenerRule',
      good: {
        actions: [{ type: 'forward' }],
        conditions: [{ httpHeader: { httpHeaderName: 'X-Mpp-Origin-Verify', values: ['s'] } }],
        tags: TAGS,
      },
      bad: {
        actions: [{ type: 'forward' }],
        conditions: [{ pathPattern: { values: ['/*'] } }],
        tags: TAGS,
      },
    },
    {
      type: 'aws:cloudfront/distribution:Distribution',
      good: {
        webAclId: 'acl',
        origins: [
          {
            originId: 'alb',
            customOriginConfig: {},
            customHeaders: [{ name: 'X-Mpp-Origin-Verify', value: 's' }],
          },
        ],
        tags: TAGS,
      },
      bad: { webAclId: 'acl', origins: [{ originId: 'alb', customOriginConfig: {} }], tags: TAGS },
    },
  ],
  'waf-rate-limits-sized': [
    {
      type: 'aws:wafv2/webAcl:WebAcl',
      good: {
        rules: [
          rate(1500, { notStatement: { statement: { ipSetReferenceStatement: { arn: OFFICE } } } }),
          rate(19000, { ipSetReferenceStatement: { arn: OFFICE } }),
        ],
        tags: TAGS,
      },
      bad: {
        rules: [rate(1500), rate(19000, { ipSetReferenceStatement: { arn: OFFICE } })],
        tags: TAGS,
      },
    },
    {
      type: 'aws:wafv2/webAcl:WebAcl',
      good: { rules: [rate(1500)], tags: TAGS },
      bad: { rules: [rate(100)], tags: TAGS },
    },
  ],
  'cloudtrail-log-file-validation': [
    {
      type: 'aws:cloudtrail/trail:Trail',
      good: { enableLogFileValidation: true, kmsKeyId: 'k', tags: TAGS },
      bad: { enableLogFileValidation: false, kmsKeyId: 'k', tags: TAGS },
    },
  ],
  'log-bucket-object-lock': [
    {
      type: 'aws:s3/bucket:Bucket',
      good: { objectLockEnabled: true, tags: TAGS },
      bad: { tags: TAGS },
    },
  ],
  'logs-and-alarms-cmk': [
    {
      type: 'aws:cloudwatch/logGroup:LogGroup',
      good: { retentionInDays: 30, kmsKeyId: 'k', tags: TAGS },
      bad: { retentionInDays: 30, tags: TAGS },
    },
    {
      type: 'aws:sns/topic:Topic',
      good: { kmsMasterKeyId: 'k', tags: TAGS },
      bad: { kmsMasterKeyId: 'alias/aws/sns', tags: TAGS },
    },
  ],
  'rds-no-parameter-logging': [
    {
      type: 'aws:rds/parameterGroup:ParameterGroup',
      good: params({}),
      bad: params({ log_parameter_max_length: '-1' }),
    },
    {
      type: 'aws:rds/clusterParameterGroup:ClusterParameterGroup',
      good: params({}),
      bad: params({ log_statement: 'all' }),
    },
  ],
  'ecs-deployment-safety': [
    {
      type: 'aws:ecs/service:Service',
      good: {
        waitForSteadyState: true,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        networkConfiguration: { assignPublicIp: false },
        tags: TAGS,
      },
      bad: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        networkConfiguration: { assignPublicIp: false },
        tags: TAGS,
      },
    },
  ],
  'backup-continuous-and-copied': [
    {
      type: 'aws:backup/plan:Plan',
      good: plan([{ enableContinuousBackup: true }, { copyActions: [COPY] }]),
      bad: plan([{ enableContinuousBackup: true }, {}]),
    },
    {
      type: 'aws:backup/plan:Plan',
      good: plan([{ enableContinuousBackup: true }], { ...TAGS, 'mpp:environment': 'staging' }),
      bad: plan([{ copyActions: [COPY] }], { ...TAGS, 'mpp:environment': 'staging' }),
    },
  ],
  'vpc-cidr-allocated': [
    {
      type: 'aws:ec2/vpc:Vpc',
      good: { cidrBlock: '10.61.16.0/20', tags: TAGS },
      bad: { cidrBlock: '100.64.0.0/16', tags: TAGS },
    },
    {
      type: 'aws:ec2/vpc:Vpc',
      good: { cidrBlock: '172.16.0.0/16', tags: TAGS },
      bad: { cidrBlock: '10.0.0.0/8', tags: TAGS },
    },
  ],
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

describe('stack rules of issue 15', () => {
  const vpc = resource('aws:ec2/vpc:Vpc', { cidrBlock: '10.61.16.0/20', tags: TAGS }, 'vpc');
  const flow = resource('aws:ec2/flowLog:FlowLog', { vpcId: 'vpc-id', tags: TAGS }, 'flow');
  const acl = {
    ...resource('aws:wafv2/webAcl:WebAcl', { tags: TAGS }, 'acl'),
    arn: 'arn:aws:wafv2:us-east-1:1:acl',
  };
  const aclLog = resource(
    'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration',
    { resourceArn: 'arn:aws:wafv2:us-east-1:1:acl' },
    'acl-log',
  );

  it('network-logs-on passes a VPC with a flow log and a logged web ACL, fails each missing', async () => {
    expect(await replayStackPolicies([vpc, flow, acl, aclLog], [networkLogsOn])).toEqual([]);
    const found = await replayStackPolicies([vpc, acl], [networkLogsOn]);
    expect(found.map((v) => v.resource)).toEqual([vpc.urn, acl.urn]);
  });

  const vault = resource('aws:backup/vault:Vault', { name: 'v', tags: TAGS }, 'vault');
  const lock = resource(
    'aws:backup/vaultLockConfiguration:VaultLockConfiguration',
    { backupVaultName: 'v' },
    'lock',
  );
  it('backup-vault-locked fails a vault without a lock', async () => {
    expect(await replayStackPolicies([vault, lock], [backupVaultLocked])).toEqual([]);
    expect(await replayStackPolicies([vault], [backupVaultLocked])).toHaveLength(1);
  });

  const alarm = (metricName: string) =>
    resource('aws:cloudwatch/metricAlarm:MetricAlarm', { metricName, tags: TAGS }, metricName);
  const rule = (source: string) =>
    resource(
      'aws:cloudwatch/eventRule:EventRule',
      { eventPattern: JSON.stringify({ source: [source] }), tags: TAGS },
      source,
    );
  const complete = [
    resource('aws:ecs/service:Service', { tags: TAGS }, 'svc'),
    ...[
      'HTTPCode_ELB_5XX_Count',
      'DatabaseConnections',
      'HealthyHostCount',
      'FreeStorageSpace',
    ].map(alarm),
    rule('aws.backup'),
    rule('aws.ecs'),
    resource('aws:rds/eventSubscription:EventSubscription', { tags: TAGS }, 'rds-events'),
  ];
  it('outages-alarmed passes the full set and names each missing alarm or rule', async () => {
    expect(await replayStackPolicies(complete, [outagesAlarmed])).toEqual([]);
    for (let i = 1; i < complete.length; i++) {
      const found = await replayStackPolicies(
        complete.filter((_, j) => j !== i),
        [outagesAlarmed],
      );
      expect(found, complete[i]?.name).toHaveLength(1);
    }
  });
});
