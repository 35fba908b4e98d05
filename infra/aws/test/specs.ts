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
};

export function specWith(overrides: Partial<InstanceSpec>): InstanceSpec {
  return { ...BASE_SPEC, ...overrides };
}

export function withoutDomain(spec: InstanceSpec): InstanceSpec {
  const { domain: _domain, ...rest } = spec;
  return rest;
}
