// First `pulumi up` before any image exists: everything but the tasks, so the image can be pushed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { example, specOf } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  const { imageTag: _none, ...rest } = await specOf(example('medium'));
  spec = rest;
  run = await runProgram(spec);
});

describe('bootstrap: no image tag yet', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('creates the repository, cluster, ALB and database but no task, migration or service', () => {
    expect(ofType(run, 'aws:ecr/repository:Repository')).toHaveLength(1);
    expect(ofType(run, 'aws:ecs/cluster:Cluster')).toHaveLength(1);
    expect(ofType(run, 'aws:lb/loadBalancer:LoadBalancer')).toHaveLength(1);
    expect(ofType(run, 'aws:rds/instance:Instance')).toHaveLength(1);
    expect(ofType(run, 'aws:ecs/taskDefinition:TaskDefinition')).toHaveLength(0);
    expect(ofType(run, 'aws:ecs/service:Service')).toHaveLength(0);
    expect(ofType(run, 'command:local:Command')).toHaveLength(0);
    expect(ofType(run, 'aws:appautoscaling/target:Target')).toHaveLength(0);
    const alarms = ofType(run, 'aws:cloudwatch/metricAlarm:MetricAlarm').map(
      (a) => a.inputs.namespace,
    );
    expect(alarms).not.toContain('AWS/ECS');
    expect(run.outputs.repositoryUrl).toMatch(
      /\.dkr\.ecr\.ap-southeast-3\.amazonaws\.com\/mpp\/kota-contoh\/production$/,
    );
  });
});
