// Small profile, production, custom domain: one NAT to save cost, but still Multi-AZ and protected.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { example, specOf } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  spec = await specOf(example('small'));
  run = await runProgram(spec);
});

describe('small profile, production, with a custom domain', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('keeps one NAT gateway that every app subnet routes through', () => {
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
    const nats = ofType(run, 'aws:ec2/routeTable:RouteTable')
      .filter((t) => t.name.startsWith('network-app-rt-'))
      .map((t) => t.inputs.routes[0].natGatewayId);
    expect(nats).toEqual(['network-nat-0-id', 'network-nat-0-id', 'network-nat-0-id']);
  });

  it('runs a small RDS instance that is still Multi-AZ and protected in production', () => {
    expect(one(run, 'aws:rds/instance:Instance').inputs).toMatchObject({
      instanceClass: 'db.t4g.small',
      multiAz: true,
      deletionProtection: true,
      backupRetentionPeriod: 7,
    });
  });

  it('sizes tasks and the WAF rate limit for the small profile', () => {
    const task = ofType(run, 'aws:ecs/taskDefinition:TaskDefinition')[0]?.inputs;
    expect([task?.cpu, task?.memory]).toEqual(['512', '1024']);
    const target = one(run, 'aws:appautoscaling/target:Target').inputs;
    expect([target.minCapacity, target.maxCapacity]).toEqual([2, 4]);
    const acl = one(run, 'aws:wafv2/webAcl:WebAcl').inputs;
    // No office addresses in the demo stack settings: one per-address rule from the model.
    expect(acl.rules.at(-1).statement.rateBasedStatement.limit).toBe(1500);
  });

  it('looks the hosted zone up by the domain itself', () => {
    expect(run.calls).toContain('aws:route53/getZone:getZone');
    expect(run.outputs.publicUrl).toBe('https://mpp.kabcontoh.go.id');
  });
});
