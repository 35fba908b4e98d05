import * as pulumi from '@pulumi/pulumi';
import { expect, it } from 'vitest';
import { resourcePolicies } from '../src/policies/index.js';
import { mockCloud, promiseOf } from './mock-cloud.js';
import { replayResourcePolicies } from './policy-replay.js';
import { settle } from './run-program.js';

it('declares a small staging instance offline and checks it against every rule', async () => {
  // 1. Mocks first, preview off, then import the program.
  const cloud = mockCloud('mpp-aws', 'staging', 'ap-southeast-3');
  await pulumi.runtime.setMocks(cloud.mocks, 'mpp-aws', 'staging', false);
  const { declareInstance } = await import('../src/instance.js');

  // 2. Declare one instance from a hand-written spec (normally derived from mpp.config.yaml).
  const outputs = declareInstance(
    {
      instanceCode: 'kota-contoh',
      displayName: 'MPP Kota Contoh',
      regionCode: '35.99',
      timezone: 'Asia/Jakarta',
      environment: 'staging',
      awsRegion: 'ap-southeast-3',
      availabilityZoneCount: 3,
      profile: 'small',
      alarmEmail: 'ops@kotacontoh.go.id',
      backupRetentionDays: 7,
      logRetentionDays: 30,
      costCentre: 'diskominfo',
      imageTag: '1.0.0',
      vpcCidr: '10.20.0.0/20', // from the fleet's allocation table
    },
    { originSecret: 'from `pulumi config set --secret mpp-aws:originSecret`' },
  );
  expect(await promiseOf(outputs.publicUrl)).toMatch(/^https:\/\/.+\.cloudfront\.net$/);
  await settle(cloud.resources);

  // 3. Replay every recorded resource through the policy pack's rules.
  expect(await replayResourcePolicies(cloud.resources, resourcePolicies)).toEqual([]);
});
