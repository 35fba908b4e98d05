// Small profile, staging, no custom domain (customDomain=false): CloudFront's own name, cheaper settings.
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSpec } from '../src/spec/instance-spec.js';
import { specOf, variant } from './config-variant.js';
import { itHoldsInvariants } from './invariants.js';
import { ofType, one, type ProgramRun, runProgram } from './run-program.js';

let run: ProgramRun;
let spec: InstanceSpec;
beforeAll(async () => {
  const file = variant('small', { 'environment: production': 'environment: staging' });
  spec = await specOf(file, { customDomain: false });
  run = await runProgram(spec);
});

describe('small profile, staging, without a custom domain', () => {
  itHoldsInvariants(() => ({ run, spec }));

  it('declares no Route 53 record, no certificate and no zone lookup', () => {
    expect(ofType(run, 'aws:route53/record:Record')).toHaveLength(0);
    expect(ofType(run, 'aws:acm/certificate:Certificate')).toHaveLength(0);
    expect(run.calls).not.toContain('aws:route53/getZone:getZone');
  });

  it('serves on the CloudFront name, reaching the ALB over HTTP through a header rule', () => {
    const cdn = one(run, 'aws:cloudfront/distribution:Distribution').inputs;
    expect(cdn.viewerCertificate).toEqual({ cloudfrontDefaultCertificate: true });
    expect(cdn.aliases).toEqual([]);
    expect(cdn.origins[0].customOriginConfig.originProtocolPolicy).toBe('http-only');
    expect(cdn.webAclId).toBeTruthy();
    // The origin secret, not a guessable name: another distribution cannot pass the rule.
    const rule = one(run, 'aws:lb/listenerRule:ListenerRule').inputs;
    expect(rule.conditions[0].httpHeader).toEqual({
      httpHeaderName: 'X-Mpp-Origin-Verify',
      values: ['test-origin-secret-0123456789abcdef'],
    });
    expect(cdn.origins[0].customHeaders).toEqual([
      { name: 'X-Mpp-Origin-Verify', value: 'test-origin-secret-0123456789abcdef' },
    ]);
    expect(ofType(run, 'aws:lb/listener:Listener').map((l) => l.inputs.port)).toEqual([80]);
    expect(run.outputs.publicUrl).toBe('https://d111111abcdef8.cloudfront.net');
    expect(run.outputs.boardUrl).toBe('https://d111111abcdef8.cloudfront.net/board');
  });

  it('skips the production-only safety nets', () => {
    expect(one(run, 'aws:rds/instance:Instance').inputs).toMatchObject({
      multiAz: false,
      deletionProtection: false,
      skipFinalSnapshot: true,
    });
    expect(one(run, 'aws:lb/loadBalancer:LoadBalancer').inputs.enableDeletionProtection).toBe(
      false,
    );
    expect(one(run, 'aws:ecr/repository:Repository').inputs.forceDelete).toBe(true);
    expect(ofType(run, 'aws:ec2/natGateway:NatGateway')).toHaveLength(1);
    expect(
      ofType(run, 'aws:cloudwatch/logGroup:LogGroup').map((g) => g.inputs.retentionInDays),
    ).toEqual([30, 30, 30, 30]); // app, two RDS exports, the chat forwarder
  });
});
