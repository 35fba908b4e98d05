import * as aws from '@pulumi/aws';
import { expect, it } from 'vitest';
import { EDGE_REGION } from '../src/components/edge.js';
import { resourcePolicies, stackPolicies, TAGGABLE_TYPES } from '../src/policies/index.js';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { REQUIRED_TAG_KEYS } from '../src/tags.js';
import { replayResourcePolicies, replayStackPolicies } from './policy-replay.js';
import type { ProgramRun } from './run-program.js';

/** Whether the provider's class for a type token (`aws:ec2/vpc:Vpc`) takes a `tags` input. */
export function acceptsTags(type: string): boolean {
  const [pkg, mod, name] = type.split(':');
  const module = mod?.split('/')[0];
  if (pkg !== 'aws' || module === undefined || name === undefined) return false;
  const cls = (aws as unknown as Record<string, Record<string, unknown>>)[module]?.[name];
  if (typeof cls !== 'function') throw new Error(`no class aws.${module}.${name} for ${type}`);
  return String(cls).includes('resourceInputs["tags"] = args');
}

/** The checks every configuration must pass, whatever its profile. */
export function itHoldsInvariants(get: () => { run: ProgramRun; spec: InstanceSpec }): void {
  it('passes every resource policy with zero violations', async () => {
    const { run } = get();
    expect(await replayResourcePolicies(run.resources, resourcePolicies)).toEqual([]);
  });

  it('passes every stack policy with zero violations', async () => {
    const { run } = get();
    expect(await replayStackPolicies(run.resources, stackPolicies)).toEqual([]);
  });

  it('tags every taggable resource with instance, region code, environment and cost centre', () => {
    const { run, spec } = get();
    const custom = run.resources.filter((r) => r.custom);
    for (const r of custom) {
      // The policy's list must know every type the provider lets us tag.
      expect({ type: r.type, listed: TAGGABLE_TYPES.has(r.type) }).toEqual({
        type: r.type,
        listed: acceptsTags(r.type),
      });
      if (!acceptsTags(r.type)) continue;
      for (const key of REQUIRED_TAG_KEYS)
        expect(r.inputs.tags?.[key], `${r.name} ${key}`).toBeTruthy();
      expect(r.inputs.tags['mpp:region-code']).toBe(spec.regionCode);
      expect(r.inputs.tags['mpp:environment']).toBe(spec.environment);
      expect(r.inputs.tags['mpp:cost-centre']).toBe(spec.costCentre);
    }
  });

  it('groups resources in the seven components', () => {
    const { run } = get();
    const components = run.resources.filter((r) => !r.custom).map((r) => r.type);
    for (const c of [
      'Audit',
      'Network',
      'Database',
      'Service',
      'Edge',
      'Observability',
      'Backup',
    ]) {
      expect(components).toContain(`mpp:aws:${c}`);
    }
  });

  it('declares every AWS resource through a provider in the region of mpp.config.yaml', () => {
    const { run, spec } = get();
    const provider = run.resources.find((r) => r.type === 'pulumi:providers:aws');
    expect(provider?.inputs.region).toBe(spec.awsRegion);
    for (const r of run.resources.filter((x) => x.custom && x.type.startsWith('aws:'))) {
      expect(r.provider, r.name).toMatch(/::pulumi:providers:aws::aws::/);
    }
  });

  it('puts only the CloudFront certificate, web ACL, its logging and IP set and the CloudFront log source in us-east-1', () => {
    const { run } = get();
    const east = run.resources.filter(
      (r) => r.inputs.region !== undefined && !r.type.startsWith('pulumi:'),
    );
    for (const r of east) expect(r.inputs.region).toBe(EDGE_REGION);
    expect(east.map((r) => r.type).sort()).toEqual(
      [
        'aws:wafv2/webAcl:WebAcl',
        'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration',
        'aws:cloudwatch/logDeliverySource:LogDeliverySource',
        'aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination',
        'aws:cloudwatch/logDelivery:LogDelivery',
        ...(get().spec.officeCidrs ? ['aws:wafv2/ipSet:IpSet'] : []),
        ...(get().spec.domain
          ? [
              'aws:acm/certificate:Certificate',
              'aws:acm/certificateValidation:CertificateValidation',
            ]
          : []),
      ].sort(),
    );
  });

  it('never puts a password in state or outputs', () => {
    const { run } = get();
    const text = JSON.stringify(run.resources.map((r) => r.inputs));
    expect(text).not.toMatch(/"(password|masterPassword|passwordWo)"/);
    for (const value of Object.values(run.outputs)) {
      // Secret ARNs are addresses, not values; anything else must not look like a secret.
      if (/^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/!-]+$/.test(value)) continue;
      expect(value).not.toMatch(/secret|password/i);
    }
  });

  it('keeps every log group for the configured retention and sends every alarm to SNS', () => {
    const { run, spec } = get();
    const groups = run.resources.filter((r) => r.type === 'aws:cloudwatch/logGroup:LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) expect(g.inputs.retentionInDays).toBe(spec.logRetentionDays);
    const topic = run.resources.find((r) => r.type === 'aws:sns/topic:Topic');
    const alarms = run.resources.filter((r) => r.type === 'aws:cloudwatch/metricAlarm:MetricAlarm');
    for (const a of alarms)
      expect(a.inputs.alarmActions).toEqual([expect.stringContaining(topic?.name ?? '?')]);
    const sub = run.resources.find((r) => r.type === 'aws:sns/topicSubscription:TopicSubscription');
    expect(sub?.inputs).toMatchObject({ protocol: 'email', endpoint: spec.alarmEmail });
  });
}
