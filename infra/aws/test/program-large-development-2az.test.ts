// Large profile, development, two AZs, no custom domain: Aurora stays Multi-AZ, protection is off.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { specOf, variant } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  const file = variant('large', {
    'environment: production': 'environment: development',
    'backupRetentionDays: 35': 'backupRetentionDays: 7',
  });
  spec = await specOf(file, {
    customDomain: false,
    availabilityZones: 2,
    costCentre: 'diskominfo-dev',
  });
  run = await runProgram(spec);
});

describe('large profile, development, two AZs, without a custom domain', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('spans two AZs with one NAT gateway', () => {
    expect(ofType(run, 'aws:ec2/subnet:Subnet')).toHaveLength(6);
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
    expect(
      ofType(run, 'aws:ec2/vpcEndpoint:VpcEndpoint').find((e) => e.name.includes('logs'))?.inputs
        .subnetIds,
    ).toHaveLength(2);
  });

  it('keeps the Aurora reader but drops deletion protection', () => {
    expect(ofType(run, 'aws:rds/clusterInstance:ClusterInstance')).toHaveLength(2);
    expect(one(run, 'aws:rds/cluster:Cluster').inputs).toMatchObject({
      deletionProtection: false,
      skipFinalSnapshot: true,
      backupRetentionPeriod: 7,
    });
  });

  it('uses the stack cost centre', () => {
    expect(one(run, 'aws:ec2/vpc:Vpc').inputs.tags['mpp:cost-centre']).toBe('diskominfo-dev');
  });
});
