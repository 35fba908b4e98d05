import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost, formatEstimate } from '../src/cost/estimate.js';
import { JAKARTA_PRICES } from '../src/cost/price-table.js';
import { SIZE_PROFILES } from '../src/spec/profiles.js';
import { example, specOf, variant } from './config-variant.js';

describe('price table', () => {
  it('is dated, sourced and prices every RDS class the profiles use', () => {
    expect(JAKARTA_PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JAKARTA_PRICES.source.length).toBeGreaterThan(20);
    expect(JAKARTA_PRICES.region).toBe('ap-southeast-3');
    for (const profile of Object.values(SIZE_PROFILES)) {
      if (profile.database.kind === 'rds') {
        expect(
          JAKARTA_PRICES.prices.rdsInstanceHour[profile.database.instanceClass],
        ).toBeGreaterThan(0);
      }
    }
    for (const value of Object.values(JAKARTA_PRICES.prices)) {
      if (typeof value === 'number') expect(value).toBeGreaterThan(0);
    }
  });
});

describe('estimateMonthlyCost', () => {
  it('costs each demo profile, larger profiles more, with lines that add up', async () => {
    const totals: number[] = [];
    for (const size of ['small', 'medium', 'large'] as const) {
      const estimate = estimateMonthlyCost(await specOf(example(size)), JAKARTA_PRICES);
      const sum = estimate.lines.reduce((s, l) => s + l.monthly, 0);
      expect(estimate.total).toBeCloseTo(sum, 6);
      expect(estimate.lines.every((l) => l.monthly >= 0 && Number.isFinite(l.monthly))).toBe(true);
      totals.push(estimate.total);
    }
    expect(totals[0]).toBeLessThan(totals[1] ?? 0);
    expect(totals[1]).toBeLessThan(totals[2] ?? 0);
  });

  it('halves the database and drops NAT gateways outside production', async () => {
    const prod = estimateMonthlyCost(await specOf(example('medium')), JAKARTA_PRICES);
    const staging = estimateMonthlyCost(
      await specOf(variant('medium', { 'environment: production': 'environment: staging' })),
      JAKARTA_PRICES,
    );
    const line = (e: typeof prod, item: string) =>
      e.lines.find((l) => l.item.startsWith(item))?.monthly ?? 0;
    expect(line(staging, 'RDS PostgreSQL')).toBeCloseTo(line(prod, 'RDS PostgreSQL') / 2, 6);
    expect(line(staging, 'NAT gateway')).toBeCloseTo(line(prod, 'NAT gateway') / 3, 6);
    // 730 h of a Multi-AZ db.m7g.large at the table's rate.
    expect(line(prod, 'RDS PostgreSQL')).toBeCloseTo(2 * 730 * 0.226, 6);
  });

  it("includes what issue 15's fixes cost: security services, logs, keys, the backup account", async () => {
    const prod = estimateMonthlyCost(await specOf(example('medium')), JAKARTA_PRICES);
    const items = prod.lines.map((l) => l.item);
    for (const item of [
      'GuardDuty (CloudTrail, flow logs, RDS logins, S3)',
      'CloudTrail (first copy of management events)',
      'VPC flow logs to S3',
      'WAF logs to S3',
      'CloudFront access logs to S3',
      'Audit and ALB log storage (S3, Object Lock)',
      'KMS keys (database, backup, logs) and requests',
      'Backup copy in the backup account (≈ one full copy)',
    ]) {
      expect(items).toContain(item);
    }
    const line = (item: string) => prod.lines.find((l) => l.item === item)?.monthly ?? -1;
    // 50 GB of the medium database copied to the second account at the backup rate.
    expect(line('Backup copy in the backup account (≈ one full copy)')).toBeCloseTo(50 * 0.095, 6);
    expect(line('GuardDuty (CloudTrail, flow logs, RDS logins, S3)')).toBeGreaterThan(0);
    // No copy line when no backup account is configured (outside production).
    const staging = estimateMonthlyCost(
      await specOf(variant('medium', { 'environment: production': 'environment: staging' }), {
        backupCopyVaultArn: undefined,
      } as never),
      JAKARTA_PRICES,
    );
    expect(staging.lines.map((l) => l.item)).not.toContain(
      'Backup copy in the backup account (≈ one full copy)',
    );
  });

  it('prints a table with a total', async () => {
    const spec = await specOf(example('small'));
    const text = formatEstimate('MPP', estimateMonthlyCost(spec, JAKARTA_PRICES), JAKARTA_PRICES);
    expect(text).toMatch(/^MPP\nItem +Quantity +USD\/month\n/);
    expect(text).toMatch(/Total \/ Jumlah +\$\d+\.\d{2}$/);
  });
});
