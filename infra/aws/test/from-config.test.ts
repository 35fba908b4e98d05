import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromConfig, slugOf } from '../src/spec/from-config.js';
import { example, specOf, variant } from './config-variant.js';

describe('slugOf', () => {
  it('makes names from regency names', () => {
    expect(slugOf('Kota Surabaya')).toBe('kota-surabaya');
    expect(slugOf('Kabupaten Kepulauan Seribu Utara Selatan')).toBe('kabupaten-kepulauan-seri');
    expect(slugOf('Kota Bau-Bau')).toBe('kota-bau-bau');
    expect(slugOf('  Kab. Pangkajene dan Kepulauan ')).toBe('kab-pangkajene-dan-kepul');
  });

  it('always yields a short DNS-safe label', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const slug = slugOf(text);
        expect(slug).toMatch(/^(?:[a-z0-9](?:[a-z0-9-]{0,22}[a-z0-9])?)?$/);
        expect(slugOf(slug)).toBe(slug);
      }),
    );
  });
});

describe('fromConfig', () => {
  it('maps the deployment section and stack settings to the instance spec', async () => {
    expect(await specOf(example('medium'))).toEqual({
      instanceCode: 'kota-contoh',
      displayName: 'MPP Kota Contoh',
      regionCode: '35.99',
      timezone: 'Asia/Jakarta',
      environment: 'production',
      awsRegion: 'ap-southeast-3',
      availabilityZoneCount: 3,
      profile: 'medium',
      domain: { name: 'mpp.kotacontoh.go.id', hostedZoneName: 'mpp.kotacontoh.go.id' },
      alarmEmail: 'diskominfo@kotacontoh.go.id',
      backupRetentionDays: 14,
      logRetentionDays: 365,
      costCentre: 'mpp-35.99',
      imageTag: '1.0.0',
      vpcCidr: '10.20.0.0/16',
      backupCopyVaultArn:
        'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:mpp-fleet-copies',
      databaseCredentialsVersion: 1,
    });
  });

  it('accepts a parent hosted zone and rejects one that does not hold the domain', async () => {
    const spec = await specOf(example('medium'), { hostedZone: 'kotacontoh.go.id' });
    expect(spec.domain?.hostedZoneName).toBe('kotacontoh.go.id');
    await expect(specOf(example('medium'), { hostedZone: 'lain.go.id' })).rejects.toThrow(
      /hosted zone lain\.go\.id does not contain the domain mpp\.kotacontoh\.go\.id/,
    );
  });

  it('lets the stack allow a region outside Indonesia explicitly', async () => {
    const file = variant('small', { 'region: ap-southeast-3': 'region: ap-southeast-1' });
    await expect(specOf(file)).rejects.toThrow(/outside Indonesia/);
    // The backup copy stays in the same region as the instance.
    await expect(specOf(file, { allowRegionOutsideIndonesia: true })).rejects.toThrow(
      /backupCopyVaultArn/,
    );
    const spec = await specOf(file, {
      allowRegionOutsideIndonesia: true,
      backupCopyVaultArn: 'arn:aws:backup:ap-southeast-1:210987654321:backup-vault:copies',
    });
    expect(spec.awsRegion).toBe('ap-southeast-1');
  });

  it('returns problems instead of throwing, so nothing is declared', async () => {
    const { loadConfigOrThrow } = await import('@mpp-kit/config');
    const { config } = await loadConfigOrThrow(example('small'));
    const result = fromConfig(config, {
      configFile: 'x',
      imageTag: 'not a tag',
      customDomain: true,
      availabilityZones: 1,
      allowRegionOutsideIndonesia: false,
      costCentre: 'bad<>',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.code).sort()).toEqual([
        'availability_zones',
        'backup_copy_vault',
        'cost_centre',
        'image_tag',
        'vpc_cidr',
      ]);
    }
  });

  it('never throws: any deployment section and stack settings give a spec or bilingual problems', async () => {
    const { loadConfigOrThrow } = await import('@mpp-kit/config');
    const { config } = await loadConfigOrThrow(example('medium'));
    fc.assert(
      fc.property(
        fc.record({
          region: fc.constantFrom('ap-southeast-3', 'ap-southeast-1', 'eu-west-1'),
          environment: fc.constantFrom('production', 'staging', 'development'),
          size: fc.constantFrom('small', 'medium', 'large'),
          backupRetentionDays: fc.integer({ min: 1, max: 35 }),
        }),
        fc.record({
          imageTag: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
          costCentre: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
          hostedZone: fc.option(fc.constantFrom('kotacontoh.go.id', 'go.id', 'lain.go.id'), {
            nil: undefined,
          }),
          customDomain: fc.boolean(),
          availabilityZones: fc.integer({ min: 0, max: 6 }),
          allowRegionOutsideIndonesia: fc.boolean(),
          vpcCidr: fc.option(
            fc.constantFrom(
              '10.20.0.0/16',
              '10.20.16.0/20',
              '10.20.0.0/24',
              '8.8.0.0/16',
              '10.20.0.1/16',
              'x',
            ),
            { nil: undefined },
          ),
          backupCopyVaultArn: fc.option(
            fc.constantFrom(
              'arn:aws:backup:ap-southeast-3:210987654321:backup-vault:copies',
              'arn:aws:backup:eu-west-1:210987654321:backup-vault:copies',
              'not-an-arn',
            ),
            { nil: undefined },
          ),
        }),
        (deployment, stack) => {
          const settings = Object.fromEntries(
            Object.entries(stack).filter(([, v]) => v !== undefined),
          );
          const result = fromConfig(
            { ...config, deployment: { ...config.deployment, ...deployment } },
            { configFile: 'x', ...settings } as Parameters<typeof fromConfig>[1],
          );
          if (result.ok) {
            expect(result.spec.backupRetentionDays).toBeGreaterThanOrEqual(7);
            expect([2, 3]).toContain(result.spec.availabilityZoneCount);
            if (result.spec.environment === 'production') {
              expect(result.spec.domain).toBeDefined();
              expect(result.spec.backupCopyVaultArn).toContain(`:${result.spec.awsRegion}:`);
            }
            expect(['10.20.0.0/16', '10.20.16.0/20']).toContain(result.spec.vpcCidr);
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) {
              expect(p.message.id.length).toBeGreaterThan(0);
              expect(p.message.en.length).toBeGreaterThan(0);
              expect(p.path.length).toBe(2);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops the domain when the stack serves on CloudFront only', async () => {
    const file = variant('small', { 'environment: production': 'environment: staging' });
    const spec = await specOf(file, { customDomain: false });
    expect(spec.domain).toBeUndefined();
    expect(spec.logRetentionDays).toBe(30);
  });
});
