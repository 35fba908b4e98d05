// Medium profile, production, custom domain: the reference deployment, checked in detail.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALB_IDLE_TIMEOUT,
  APP_PORT,
  HEALTH_PATH,
  MIGRATE_COMMAND,
} from '../src/components/service.js';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { example, specOf } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  spec = await specOf(example('medium'));
  run = await runProgram(spec);
});

describe('medium profile, production, with a custom domain', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('spans three AZs with public, app and isolated database subnets and a NAT per AZ', () => {
    const subnets = ofType(run, 'aws:ec2/subnet:Subnet');
    expect(subnets).toHaveLength(9);
    for (const tier of ['public', 'app', 'database']) {
      const zones = subnets
        .filter((s) => s.inputs.tags['mpp:tier'] === tier)
        .map((s) => s.inputs.availabilityZone);
      expect(zones).toEqual(['ap-southeast-3a', 'ap-southeast-3b', 'ap-southeast-3c']);
    }
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
    const routeTables = ofType(run, 'aws:ec2/routeTable:RouteTable');
    const db = routeTables.find((t) => t.name === 'network-db-rt');
    expect(db?.inputs.routes ?? []).toEqual([]); // isolated: no way out
    const appNats = routeTables
      .filter((t) => t.name.startsWith('network-app-rt-'))
      .map((t) => t.inputs.routes[0].natGatewayId);
    expect(new Set(appNats).size).toBe(3);
  });

  it('has VPC endpoints for S3, ECR, Secrets Manager and Logs', () => {
    const services = ofType(run, 'aws:ec2/vpcEndpoint:VpcEndpoint').map(
      (e) => e.inputs.serviceName,
    );
    expect(services.sort()).toEqual(
      ['s3', 'ecr.api', 'ecr.dkr', 'secretsmanager', 'logs']
        .map((s) => `com.amazonaws.ap-southeast-3.${s}`)
        .sort(),
    );
  });

  it('runs RDS PostgreSQL private, encrypted, Multi-AZ, protected, TLS-only, with insights', () => {
    const db = one(run, 'aws:rds/instance:Instance').inputs;
    expect(db).toMatchObject({
      engine: 'postgres',
      instanceClass: 'db.m7g.large',
      storageEncrypted: true,
      publiclyAccessible: false,
      multiAz: true,
      backupRetentionPeriod: 14,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: 'mpp-3599-prod-db-final',
      manageMasterUserPassword: true,
      performanceInsightsEnabled: true,
      databaseInsightsMode: 'standard',
    });
    expect(db.kmsKeyId).toMatch(/^arn:aws:kms:/);
    // The restore drill of the launch guide passes the identifier as the subnet group name.
    expect(one(run, 'aws:rds/subnetGroup:SubnetGroup').inputs.name).toBe(db.identifier);
    expect(run.outputs.databaseIdentifier).toBe(db.identifier);
    const groups = ofType(run, 'aws:cloudwatch/logGroup:LogGroup').map((g) => g.inputs.name);
    for (const log of db.enabledCloudwatchLogsExports) {
      expect(groups).toContain(`/aws/rds/instance/${db.identifier}/${log}`);
    }
    expect(db.password).toBeUndefined();
    const params = one(run, 'aws:rds/parameterGroup:ParameterGroup').inputs;
    expect(params.parameters).toContainEqual(
      expect.objectContaining({ name: 'rds.force_ssl', value: '1' }),
    );
    expect(ofType(run, 'aws:kms/key:Key').every((k) => k.inputs.enableKeyRotation === true)).toBe(
      true,
    );
  });

  it('lets only the app reach the database, and only the ALB reach the app', () => {
    const rules = ofType(run, 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule');
    expect(rules.map((r) => [r.name, r.inputs.fromPort])).toEqual([
      ['service-db-from-app', 5432],
      ['service-app-from-alb', APP_PORT],
    ]);
    const alb = ofType(run, 'aws:ec2/securityGroup:SecurityGroup').find(
      (g) => g.name === 'service-alb-sg',
    );
    expect(alb?.inputs.ingress).toEqual([
      expect.objectContaining({ fromPort: 80, toPort: 443, prefixListIds: ['pl-cloudfront'] }),
    ]);
  });

  it('builds the image repository immutable and scanned, and migrates before rolling out', () => {
    expect(one(run, 'aws:ecr/repository:Repository').inputs).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
    });
    const tasks = ofType(run, 'aws:ecs/taskDefinition:TaskDefinition');
    const migrate = JSON.parse(
      tasks.find((t) => t.name === 'service-migrate-task')?.inputs.containerDefinitions,
    );
    expect(migrate[0].command).toEqual(MIGRATE_COMMAND);
    expect(migrate[0].image).toMatch(/mpp\/kota-contoh\/production:1\.0\.0$/);
    expect(migrate[0].environment).toContainEqual({ name: 'MPP_DEMO_ACCOUNTS', value: 'false' });
    expect(migrate[0].secrets).toEqual([
      { name: 'PGPASSWORD', valueFrom: expect.stringMatching(/:password::$/) },
    ]);
    const command = one(run, 'command:local:Command').inputs;
    expect(command.create).toBe('bash scripts/run-migration.sh');
    expect(command.environment.MPP_TASK_DEFINITION).toContain('service-migrate-task');
    const service = one(run, 'aws:ecs/service:Service').inputs;
    expect(service).toMatchObject({
      launchType: 'FARGATE',
      desiredCount: 2,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      networkConfiguration: { assignPublicIp: false },
    });
  });

  it('scales on CPU and on requests per target', () => {
    const target = one(run, 'aws:appautoscaling/target:Target').inputs;
    expect([target.minCapacity, target.maxCapacity]).toEqual([2, 8]);
    const metrics = ofType(run, 'aws:appautoscaling/policy:Policy').map(
      (p) => p.inputs.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification,
    );
    expect(metrics.map((m) => m.predefinedMetricType)).toEqual([
      'ECSServiceAverageCPUUtilization',
      'ALBRequestCountPerTarget',
    ]);
    expect(metrics[1].resourceLabel).toMatch(/^app\/.+\/targetgroup\/.+/);
  });

  it('puts an HTTPS ALB with redirect, protection, access logs, SSE-friendly timeouts and /readyz checks', () => {
    const alb = one(run, 'aws:lb/loadBalancer:LoadBalancer').inputs;
    expect(alb).toMatchObject({
      enableDeletionProtection: true,
      idleTimeout: ALB_IDLE_TIMEOUT,
      accessLogs: { enabled: true, prefix: 'alb' },
      dropInvalidHeaderFields: true,
    });
    const listeners = ofType(run, 'aws:lb/listener:Listener').map((l) => l.inputs);
    expect(listeners.find((l) => l.port === 80)?.defaultActions[0]).toMatchObject({
      type: 'redirect',
      redirect: { protocol: 'HTTPS' },
    });
    const https = listeners.find((l) => l.port === 443);
    expect(https).toMatchObject({ protocol: 'HTTPS', sslPolicy: expect.stringContaining('TLS13') });
    expect(https?.certificateArn).toMatch(/service-origin-cert/);
    expect(one(run, 'aws:lb/targetGroup:TargetGroup').inputs.healthCheck).toMatchObject({
      path: HEALTH_PATH,
    });
    expect(ofType(run, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')).toHaveLength(1);
  });

  it('fronts everything with CloudFront, a WAF in us-east-1 and the domain certificate', () => {
    const cdn = one(run, 'aws:cloudfront/distribution:Distribution').inputs;
    expect(cdn.aliases).toEqual(['mpp.kotacontoh.go.id']);
    expect(cdn.webAclId).toMatch(/^arn:aws:wafv2:us-east-1:/);
    expect(cdn.viewerCertificate.acmCertificateArn).toMatch(/^arn:aws:acm:us-east-1:/);
    expect(cdn.origins[0]).toMatchObject({
      domainName: 'origin.mpp.kotacontoh.go.id',
      customOriginConfig: { originProtocolPolicy: 'https-only' },
    });
    const acl = one(run, 'aws:wafv2/webAcl:WebAcl').inputs;
    expect(acl.scope).toBe('CLOUDFRONT');
    expect(acl.rules.map((r: { name: string }) => r.name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'rate-limit-per-ip',
    ]);
    expect(acl.rules[3].statement.rateBasedStatement.limit).toBe(2000);
    const certs = ofType(run, 'aws:acm/certificate:Certificate').map((c) => [
      c.inputs.domainName,
      c.inputs.region,
    ]);
    expect(certs).toEqual([
      ['origin.mpp.kotacontoh.go.id', undefined],
      ['mpp.kotacontoh.go.id', 'us-east-1'],
    ]);
    const records = ofType(run, 'aws:route53/record:Record').map(
      (r) => `${r.inputs.type} ${r.inputs.name}`,
    );
    expect(records).toEqual(
      expect.arrayContaining([
        'A origin.mpp.kotacontoh.go.id',
        'A mpp.kotacontoh.go.id',
        'AAAA mpp.kotacontoh.go.id',
      ]),
    );
  });

  it('alarms on ALB 5xx and latency, ECS CPU and memory, database CPU, storage and connections', () => {
    const alarms = ofType(run, 'aws:cloudwatch/metricAlarm:MetricAlarm').map(
      (a) => `${a.inputs.namespace} ${a.inputs.metricName}`,
    );
    expect(alarms.sort()).toEqual([
      'AWS/ApplicationELB HTTPCode_Target_5XX_Count',
      'AWS/ApplicationELB TargetResponseTime',
      'AWS/ECS CPUUtilization',
      'AWS/ECS MemoryUtilization',
      'AWS/RDS CPUUtilization',
      'AWS/RDS DatabaseConnections',
      'AWS/RDS FreeStorageSpace',
    ]);
  });

  it('backs up tagged resources daily into a KMS-encrypted vault', () => {
    const vault = one(run, 'aws:backup/vault:Vault').inputs;
    expect(vault.kmsKeyArn).toMatch(/backup-key/);
    const plan = one(run, 'aws:backup/plan:Plan').inputs;
    expect(plan.rules[0].lifecycle.deleteAfter).toBe(14);
    const selection = one(run, 'aws:backup/selection:Selection').inputs;
    expect(selection.conditions[0].stringEquals).toContainEqual({
      key: 'aws:ResourceTag/mpp:backup',
      value: 'true',
    });
    expect(one(run, 'aws:rds/instance:Instance').inputs.tags['mpp:backup']).toBe('true');
  });

  it('outputs the public, kiosk and board URLs and the database endpoint', () => {
    expect(run.outputs).toMatchObject({
      publicUrl: 'https://mpp.kotacontoh.go.id',
      kioskUrl: 'https://mpp.kotacontoh.go.id/kiosk',
      boardUrl: 'https://mpp.kotacontoh.go.id/board',
      databaseEndpoint: expect.stringMatching(/\.rds\.amazonaws\.com$/),
    });
  });
});
