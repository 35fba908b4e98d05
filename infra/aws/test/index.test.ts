// The Pulumi entry point end to end: stack settings → mpp.config.yaml → every resource.
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { type InstanceOutputs, OUTPUT_NAMES } from '../src/instance.js';
import { example } from './config-variant.js';
import { mockCloud, promiseOf } from './mock-cloud.js';
import { settle } from './run-program.js';

const cloud = mockCloud('mpp-aws', 'prod', 'ap-southeast-3');
let outputs: InstanceOutputs;

beforeAll(async () => {
  await pulumi.runtime.setMocks(cloud.mocks, 'mpp-aws', 'prod', false);
  pulumi.runtime.setAllConfig({
    'mpp-aws:configFile': example('small'),
    'mpp-aws:imageTag': '2.3.1',
    'mpp-aws:costCentre': 'bappeda-kabcontoh',
    'mpp-aws:createFirstAccounts': 'true',
    'mpp-aws:vpcCidr': '10.61.16.0/20',
    'mpp-aws:backupCopyVaultArn':
      'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:mpp-fleet-copies',
    'mpp-aws:originSecret': 'origin-secret-from-the-stack-0123456789',
  });
  const program = (await import('../src/index.js')).default;
  outputs = await program();
  await promiseOf(outputs.publicUrl);
  await settle(cloud.resources);
});

describe('src/index.ts', () => {
  it('declares the instance from the configuration file named in the stack', async () => {
    expect(await promiseOf(outputs.publicUrl)).toBe('https://mpp.kabcontoh.go.id');
    expect(await promiseOf(outputs.kioskUrl)).toBe('https://mpp.kabcontoh.go.id/kiosk');
    const vpc = cloud.resources.find((r) => r.type === 'aws:ec2/vpc:Vpc');
    expect(vpc?.inputs.tags).toMatchObject({
      'mpp:instance': 'kabupaten-contoh',
      'mpp:region-code': '33.99',
      'mpp:environment': 'production',
      'mpp:cost-centre': 'bappeda-kabcontoh',
    });
    expect(vpc?.inputs.cidrBlock).toBe('10.61.16.0/20');
    const cdn = cloud.resources.find((r) => r.type === 'aws:cloudfront/distribution:Distribution');
    expect(cdn?.inputs.origins[0].customHeaders[0].value).toBe(
      'origin-secret-from-the-stack-0123456789',
    );
    const migrate = cloud.resources.find((r) => r.name === 'service-migrate-task');
    expect(migrate?.inputs.containerDefinitions).toContain(':2.3.1');
  });

  it('exports exactly the documented outputs', () => {
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('lets the first rollout create the first staff accounts when the stack asks', () => {
    const app = cloud.resources.find((r) => r.name === 'service-app-task');
    const env = JSON.parse(app?.inputs.containerDefinitions)[0].environment;
    expect(env).toContainEqual({ name: 'MPP_DEMO_ACCOUNTS', value: 'true' });
    expect(env).toContainEqual({ name: 'MPP_PUBLIC_URL', value: 'https://mpp.kabcontoh.go.id' });
  });
});
