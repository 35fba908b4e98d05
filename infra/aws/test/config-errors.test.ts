// Bad configuration stops the Pulumi program (src/index.ts) with clear errors before any resource exists.
import { writeFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, lineOf, variant } from './config-variant.js';
import { mockCloud } from './mock-cloud.js';

const cloud = mockCloud('mpp-aws', 'test', 'ap-southeast-3');
/** Fleet settings every stack has, so each test fails for its own reason only. */
const VALID_FLEET_SETTINGS = {
  vpcCidr: '10.20.0.0/16',
  backupCopyVaultArn: 'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:mpp-fleet-copies',
  originSecret: 'x'.repeat(32),
};
let program: () => Promise<unknown>;

beforeAll(async () => {
  await pulumi.runtime.setMocks(cloud.mocks, 'mpp-aws', 'test', false);
  program = (await import('../src/index.js')).default;
});

/** Runs the program with these stack settings; returns the error message it fails with. */
async function failureOf(config: Record<string, string>): Promise<string> {
  const settings = { ...VALID_FLEET_SETTINGS, ...config };
  pulumi.runtime.setAllConfig(
    Object.fromEntries(Object.entries(settings).map(([k, v]) => [`mpp-aws:${k}`, v])),
  );
  try {
    await program();
  } catch (error) {
    expect(cloud.resources).toEqual([]); // nothing declared
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('the program did not fail');
}

describe('bad configuration', () => {
  it('names file, line and field of a schema error, in both languages', async () => {
    const file = variant('medium', { 'size: medium': 'size: huge' });
    const message = await failureOf({ configFile: file, imageTag: '1.0.0' });
    expect(message).toMatch(/tidak sah \/ is invalid/);
    expect(message).toContain(`${file}:${lineOf(file, 'size: huge')}:9 deployment.size`);
    expect(message).toContain('deployment.size');
  });

  it('rejects a region outside Indonesia', async () => {
    const file = variant('medium', { 'region: ap-southeast-3': 'region: eu-west-1' });
    const message = await failureOf({ configFile: file, imageTag: '1.0.0' });
    expect(message).toContain(`${file}:${lineOf(file, 'region: eu')}:11 deployment.region:`);
    expect(message).toMatch(/di luar Indonesia.* \/ region eu-west-1 is outside Indonesia/);
  });

  it('rejects backups kept fewer than 7 days, at the line of the field', async () => {
    const file = variant('medium', { 'backupRetentionDays: 14': 'backupRetentionDays: 3' });
    const message = await failureOf({ configFile: file, imageTag: '1.0.0' });
    expect(message).toContain(
      `${file}:${lineOf(file, 'backupRetentionDays')}:24 deployment.backupRetentionDays:`,
    );
    expect(message).toContain('backups must be kept 7–35 days, found 3');
  });

  it('rejects production without its custom domain, naming the stack key', async () => {
    const message = await failureOf({
      configFile: example('medium'),
      imageTag: '1.0.0',
      customDomain: 'false',
    });
    expect(message).toContain('mpp-aws:customDomain');
    expect(message).toContain('production must be served on its domain mpp.kotacontoh.go.id');
  });

  it("rejects the 'latest' tag, which an immutable repository cannot take twice", async () => {
    const message = await failureOf({ configFile: example('small'), imageTag: 'latest' });
    expect(message).toContain('mpp-aws:imageTag');
  });

  it('rejects a missing or public VPC range and a production stack without a backup copy', async () => {
    const message = await failureOf({
      configFile: example('small'),
      vpcCidr: '8.8.0.0/16',
      backupCopyVaultArn: '',
      officeCidrs: '10.1.2.3/32',
    });
    expect(message).toContain('Pulumi.<stack>.yaml (mpp-aws:vpcCidr)');
    expect(message).toMatch(
      /private \/16–\/20 range from the fleet's allocation table \(found 8\.8\.0\.0\/16\)/,
    );
    expect(message).toContain('Pulumi.<stack>.yaml (mpp-aws:backupCopyVaultArn)');
    expect(message).toContain("officeCidrs must be the MPP building's public addresses");
  });

  it('lists every problem at once', async () => {
    const file = variant('small', {
      'region: ap-southeast-3': 'region: us-east-1',
      'backupRetentionDays: 7': 'backupRetentionDays: 1',
    });
    const message = await failureOf({ configFile: file, availabilityZones: '4' });
    // Region, retention, zones, and the backup copy vault (now in another region than the stack).
    expect(message.split('\n').filter((l) => l.includes(' / '))).toHaveLength(5);
  });

  it('reports invalid YAML and a missing file', async () => {
    const broken = variant('small', { 'deployment:': 'deployment: [' });
    expect(await failureOf({ configFile: broken })).toMatch(/YAML/);
    const missing = `${broken}.missing`;
    expect(await failureOf({ configFile: missing })).toContain('cannot be read');
    writeFileSync(`${broken}.empty`, '');
    expect(await failureOf({ configFile: `${broken}.empty` })).toMatch(/is invalid/);
  });

  it('requires the configFile stack setting', async () => {
    expect(await failureOf({})).toMatch(/configFile/);
  });
});
