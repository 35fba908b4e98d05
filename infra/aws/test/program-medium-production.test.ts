// Medium profile, production, custom domain: the reference deployment, checked in detail.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALB_IDLE_TIMEOUT,
  APP_PORT,
  DB_ROLES_COMMAND,
  HEALTH_PATH,
  MIGRATE_COMMAND,
  RDS_CA_BUNDLE_PATH,
} from '../src/components/service.js';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { example, specOf } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  // The MPP building's NAT addresses get their own WAF limit.
  spec = await specOf(example('medium'), { officeCidrs: '203.0.113.16/29, 198.51.100.7/32' });
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
    // The roles step runs first, as the master user; the migrations wait for its success.
    expect(migrate.map((c: { name: string }) => c.name)).toEqual(['db-roles', 'migrate']);
    expect(migrate[0]).toMatchObject({ command: DB_ROLES_COMMAND, essential: false });
    expect(migrate[0].secrets).toContainEqual({
      name: 'PGPASSWORD',
      valueFrom: expect.stringMatching(/:secret:rds!db-1:password::$/),
    });
    expect(migrate[1].command).toEqual(MIGRATE_COMMAND);
    expect(migrate[1].dependsOn).toEqual([{ containerName: 'db-roles', condition: 'SUCCESS' }]);
    expect(migrate[1].image).toMatch(/mpp\/kota-contoh\/production:1\.0\.0$/);
    expect(migrate[1].secrets).toEqual([
      { name: 'PGUSER', valueFrom: expect.stringMatching(/database\/migrator-AbCdEf:username::$/) },
      {
        name: 'PGPASSWORD',
        valueFrom: expect.stringMatching(/database\/migrator-AbCdEf:password::$/),
      },
    ]);
    // The app signs in as a least-privilege user, verifies the server against the RDS CA.
    const app = JSON.parse(
      tasks.find((t) => t.name === 'service-app-task')?.inputs.containerDefinitions,
    )[0];
    expect(app.environment).toContainEqual({ name: 'MPP_DEMO_ACCOUNTS', value: 'false' });
    expect(app.secrets).toEqual([
      { name: 'PGUSER', valueFrom: expect.stringMatching(/database\/app-AbCdEf:username::$/) },
      { name: 'PGPASSWORD', valueFrom: expect.stringMatching(/database\/app-AbCdEf:password::$/) },
    ]);
    const env = Object.fromEntries(
      app.environment.map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    expect(env.DATABASE_URL).toBe(
      `postgres://mpp-3599-prod-db.abc123.ap-southeast-3.rds.amazonaws.com:5432/mpp?sslmode=verify-full&sslrootcert=${RDS_CA_BUNDLE_PATH}`,
    );
    expect(env.PGSSLROOTCERT).toBe(RDS_CA_BUNDLE_PATH);
    expect(env.DATABASE_SECRET_ARN).toMatch(/database\/app-AbCdEf$/);
    expect(env.DATABASE_POOL_MAX).toBe('20');
    const command = one(run, 'command:local:Command').inputs;
    expect(command.create).toBe('bash scripts/run-migration.sh');
    expect(command.environment.MPP_TASK_DEFINITION).toContain('service-migrate-task');
    const service = one(run, 'aws:ecs/service:Service').inputs;
    expect(service).toMatchObject({
      launchType: 'FARGATE',
      desiredCount: 2,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      waitForSteadyState: true,
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
    // ALB logs and audit logs, both under Object Lock.
    expect(ofType(run, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock')).toHaveLength(2);
    expect(
      ofType(run, 'aws:s3/bucket:Bucket').map((b) => [
        b.inputs.bucketPrefix,
        b.inputs.objectLockEnabled,
      ]),
    ).toEqual([
      ['aws-waf-logs-mpp-3599-prod-', true],
      ['mpp-3599-prod-alb-logs-', true],
    ]);
    // Only requests with the origin secret are forwarded; the rest get 403.
    expect(https?.defaultActions).toEqual([
      expect.objectContaining({
        type: 'fixed-response',
        fixedResponse: expect.objectContaining({ statusCode: '403' }),
      }),
    ]);
    expect(one(run, 'aws:lb/listenerRule:ListenerRule').inputs.conditions).toEqual([
      {
        httpHeader: {
          httpHeaderName: 'X-Mpp-Origin-Verify',
          values: ['test-origin-secret-0123456789abcdef'],
        },
      },
    ]);
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
      'rate-limit-mpp-building',
    ]);
    // Citizens per address; the building's devices in their own rule (traffic model).
    expect(acl.rules[3].statement.rateBasedStatement).toMatchObject({
      limit: 1500,
      scopeDownStatement: { notStatement: { statement: { ipSetReferenceStatement: {} } } },
    });
    expect(acl.rules[4].statement.rateBasedStatement.limit).toBe(19000);
    expect(one(run, 'aws:wafv2/ipSet:IpSet').inputs.addresses).toEqual([
      '203.0.113.16/29',
      '198.51.100.7/32',
    ]);
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
      'AWS/ApplicationELB HTTPCode_ELB_5XX_Count',
      'AWS/ApplicationELB HTTPCode_Target_5XX_Count',
      'AWS/ApplicationELB HealthyHostCount',
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
