import type { InstanceSpec } from '../src/spec/instance-spec.js';

/** A plausible instance: Kota Surabaya, production, medium, with its own domain. */
export const BASE_SPEC: InstanceSpec = {
  instanceCode: 'kota-surabaya',
  displayName: 'MPP Kota Surabaya',
  regionCode: '35.78',
  timezone: 'Asia/Jakarta',
  environment: 'production',
  awsRegion: 'ap-southeast-3',
  availabilityZoneCount: 3,
  profile: 'medium',
  domain: { name: 'mpp.surabaya.go.id', hostedZoneName: 'surabaya.go.id' },
  alarmEmail: 'tik@surabaya.go.id',
  backupRetentionDays: 14,
  logRetentionDays: 90,
  costCentre: 'diskominfo-surabaya',
  imageTag: '1.0.0',
  vpcCidr: '10.20.0.0/16',
  officeCidrs: ['203.0.113.16/29'],
  backupCopyVaultArn: 'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:mpp-fleet-copies',
  databaseCredentialsVersion: 1,
};

/** The secret stack settings of the test stacks. */
export const TEST_SECRETS = {
  originSecret: 'test-origin-secret-0123456789abcdef',
  chatWebhookUrl: 'https://chat.example.go.id/hooks/ops',
};

export function specWith(overrides: Partial<InstanceSpec>): InstanceSpec {
  return { ...BASE_SPEC, ...overrides };
}

export function withoutDomain(spec: InstanceSpec): InstanceSpec {
  const { domain: _domain, ...rest } = spec;
  return rest;
}
