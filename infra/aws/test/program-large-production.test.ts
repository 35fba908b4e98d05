// Large profile, production: Aurora PostgreSQL Serverless v2 with a reader, advanced insights.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { example, specOf } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  spec = await specOf(example('large'));
  run = await runProgram(spec);
});

describe('large profile, production, with a custom domain', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('runs Aurora Serverless v2 instead of an RDS instance', () => {
    expect(ofType(run, 'aws:rds/instance:Instance')).toHaveLength(0);
    const cluster = one(run, 'aws:rds/cluster:Cluster').inputs;
    expect(cluster).toMatchObject({
      engine: 'aurora-postgresql',
      engineMode: 'provisioned',
      serverlessv2ScalingConfiguration: { minCapacity: 1, maxCapacity: 16 },
      storageEncrypted: true,
      deletionProtection: true,
      skipFinalSnapshot: false,
      backupRetentionPeriod: 35,
      manageMasterUserPassword: true,
      databaseInsightsMode: 'advanced',
      performanceInsightsRetentionPeriod: 465,
    });
    const groups = ofType(run, 'aws:cloudwatch/logGroup:LogGroup').map((g) => g.inputs.name);
    expect(groups).toContain(`/aws/rds/cluster/${cluster.clusterIdentifier}/postgresql`);
    const members = ofType(run, 'aws:rds/clusterInstance:ClusterInstance').map((m) => m.inputs);
    expect(members).toHaveLength(2);
    for (const m of members)
      expect(m).toMatchObject({ instanceClass: 'db.serverless', publiclyAccessible: false });
    const params = one(run, 'aws:rds/clusterParameterGroup:ClusterParameterGroup').inputs;
    expect(params.family).toBe('aurora-postgresql17');
    expect(params.parameters).toContainEqual(
      expect.objectContaining({ name: 'rds.force_ssl', value: '1' }),
    );
  });

  it('watches the cluster local storage instead of allocated storage', () => {
    const storage = ofType(run, 'aws:cloudwatch/metricAlarm:MetricAlarm').find((a) =>
      a.name.endsWith('db-storage'),
    );
    expect(storage?.inputs).toMatchObject({
      metricName: 'FreeLocalStorage',
      dimensions: { DBClusterIdentifier: 'mpp-7399-prod-db' },
    });
  });

  it('uses the WITA time zone of the region and large task sizes', () => {
    const app = ofType(run, 'aws:ecs/taskDefinition:TaskDefinition').find(
      (t) => t.name === 'service-app-task',
    );
    const container = JSON.parse(app?.inputs.containerDefinitions)[0];
    expect(container.environment).toContainEqual({ name: 'TZ', value: 'Asia/Makassar' });
    expect([app?.inputs.cpu, app?.inputs.memory]).toEqual(['2048', '4096']);
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
  });
});
