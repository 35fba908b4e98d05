import { beforeAll, describe, expect, it } from 'vitest';
import { mppPolicies, resourcePolicies, stackPolicies } from '../src/policies/index.js';
import { replayResourcePolicies, replayStackPolicies } from './policy-replay.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';
import { BASE_SPEC } from './specs.js';

let run: ProgramRun;
beforeAll(async () => {
  run = await runProgram(BASE_SPEC);
});

describe('medium profile, production, custom domain', () => {
  it('records resources', () => {
    console.log(run.resources.length, run.outputs);
    expect(run.resources.length).toBeGreaterThan(50);
  });
  it('passes every policy', async () => {
    expect(mppPolicies.length).toBeGreaterThan(0);
    expect(await replayResourcePolicies(run.resources, resourcePolicies)).toEqual([]);
    expect(await replayStackPolicies(run.resources, stackPolicies)).toEqual([]);
  });
  it('has one RDS instance', () => {
    expect(one(run, 'aws:rds/instance:Instance').inputs.multiAz).toBe(true);
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
  });
});
