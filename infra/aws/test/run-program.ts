import * as pulumi from '@pulumi/pulumi';
import type { InstanceSecrets, InstanceSpec } from '../src/spec/instance-spec.js';
import { mockCloud, promiseOf, type RecordedResource } from './mock-cloud.js';
import { TEST_SECRETS } from './specs.js';

export interface ProgramRun {
  readonly resources: RecordedResource[];
  readonly calls: string[];
  readonly outputs: Record<string, string>;
}

/**
 * Declares one instance under mocks and waits until every resource is registered.
 * Mocks are set before the program is imported (pitfall 1) and preview is off (pitfall 2).
 */
export async function runProgram(
  spec: InstanceSpec,
  secrets: InstanceSecrets = TEST_SECRETS,
): Promise<ProgramRun> {
  const cloud = mockCloud('mpp-aws', spec.environment, spec.awsRegion);
  await pulumi.runtime.setMocks(cloud.mocks, 'mpp-aws', spec.environment, false);
  const { declareInstance } = await import('../src/instance.js');
  const declared = declareInstance(spec, secrets);
  const outputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(declared)) outputs[key] = await promiseOf(value);
  await settle(cloud.resources);
  return { resources: cloud.resources, calls: cloud.calls, outputs };
}

export function ofType(run: ProgramRun, type: string): RecordedResource[] {
  return run.resources.filter((r) => r.type === type);
}

export function one(run: ProgramRun, type: string): RecordedResource {
  const found = ofType(run, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as RecordedResource;
}

/** Waits until registrations stop: alarms and other leaves are not behind any output. */
export async function settle(resources: readonly unknown[]): Promise<void> {
  // The SDK counts every outstanding RPC (registrations included) and exports the wait, untyped.
  const { waitForRPCs } = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
  let seen = -1;
  while (resources.length !== seen) {
    seen = resources.length;
    await waitForRPCs();
    await new Promise((r) => setTimeout(r, 20));
  }
}
