import type {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from '@pulumi/policy';
import type { Props } from '../src/policies/helpers.js';
import type { RecordedResource } from './mock-cloud.js';

export interface Violation {
  readonly policy: string;
  readonly resource: string;
  readonly message: string;
}

const OPTS = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  additionalSecretOutputs: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
};

// The policy server checks types the same way: `cls.isInstance({ __pulumiType: type })`.
function typeHelpers(type: string, props: Props) {
  const isType = (cls: unknown) =>
    (cls as { isInstance(o: unknown): boolean }).isInstance({ __pulumiType: type });
  return { isType, asType: (cls: unknown): never => (isType(cls) ? props : undefined) as never };
}

class NotApplicable extends Error {}

/** Runs each per-resource rule over each recorded custom resource, as the policy server would. */
export async function replayResourcePolicies(
  resources: readonly RecordedResource[],
  policies: readonly ResourceValidationPolicy[],
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const r of resources.filter((x) => x.custom)) {
    for (const policy of policies) {
      const args: ResourceValidationArgs = {
        type: r.type,
        props: r.inputs,
        urn: r.urn,
        name: r.name,
        opts: OPTS as ResourceValidationArgs['opts'],
        stackTags: new Map(),
        ...typeHelpers(r.type, r.inputs),
        getConfig: <T extends object>() => ({}) as T,
        notApplicable: (reason?: string): never => {
          throw new NotApplicable(reason);
        },
      };
      const checks = policy.validateResource;
      const list = checks === undefined ? [] : Array.isArray(checks) ? checks : [checks];
      for (const check of list) {
        try {
          await check(args, (message) =>
            violations.push({ policy: policy.name, resource: r.name, message }),
          );
        } catch (error) {
          if (!(error instanceof NotApplicable)) throw error;
        }
      }
    }
  }
  return violations;
}

/**
 * Runs stack rules over all recorded resources. Property dependencies are rebuilt from the
 * values: an input equal to another resource's ID depends on that resource.
 */
export async function replayStackPolicies(
  resources: readonly RecordedResource[],
  policies: readonly StackValidationPolicy[],
): Promise<Violation[]> {
  const custom = resources.filter((x) => x.custom);
  // IDs and ARNs: e.g. a WAF logging configuration names its web ACL by ARN.
  const byId = new Map(
    custom.flatMap((r) => [[r.id, r] as const, ...(r.arn ? [[r.arn, r] as const] : [])]),
  );
  const policyResources: PolicyResource[] = [];
  for (const r of custom) {
    const propertyDependencies: Record<string, PolicyResource[]> = {};
    const pr = {
      type: r.type,
      props: r.inputs,
      urn: r.urn,
      name: r.name,
      opts: OPTS,
      dependencies: [] as PolicyResource[],
      propertyDependencies,
      ...typeHelpers(r.type, r.inputs),
    } as unknown as PolicyResource;
    policyResources.push(pr);
  }
  const byUrn = new Map(policyResources.map((p) => [p.urn, p]));
  for (const pr of policyResources) {
    for (const [key, value] of Object.entries(pr.props)) {
      const target = typeof value === 'string' ? byId.get(value) : undefined;
      const dep = target ? byUrn.get(target.urn) : undefined;
      if (dep) pr.propertyDependencies[key] = [dep];
    }
  }
  const violations: Violation[] = [];
  for (const policy of policies) {
    await policy.validateStack(
      { resources: policyResources, getConfig: <T extends object>() => ({}) as T } as never,
      (message, urn) =>
        violations.push({ policy: policy.name, resource: urn ?? '(stack)', message }),
    );
  }
  return violations;
}
