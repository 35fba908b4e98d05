import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_MAX, poolMaxFrom, regionOfSecretArn } from './pool.js';

describe('poolMaxFrom', () => {
  it('takes DATABASE_POOL_MAX, then MPP_DB_POOL, then the default', () => {
    expect(poolMaxFrom({ DATABASE_POOL_MAX: '20', MPP_DB_POOL: '5' })).toBe(20);
    expect(poolMaxFrom({ MPP_DB_POOL: '5' })).toBe(5);
    expect(poolMaxFrom({ DATABASE_POOL_MAX: '' })).toBe(DEFAULT_POOL_MAX);
    expect(poolMaxFrom({})).toBe(DEFAULT_POOL_MAX);
  });

  it('accepts every positive whole number and refuses anything else, naming the variable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        expect(poolMaxFrom({ DATABASE_POOL_MAX: String(n) })).toBe(n);
      }),
    );
    for (const bad of ['0', '-3', '2.5', 'ten', '1e3', '007']) {
      expect(() => poolMaxFrom({ DATABASE_POOL_MAX: bad })).toThrow(
        `DATABASE_POOL_MAX must be a whole number of connections, at least 1 (got "${bad}")`,
      );
    }
  });
});

describe('regionOfSecretArn', () => {
  it('reads the region of a Secrets Manager ARN', () => {
    expect(
      regionOfSecretArn(
        'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:mpp-3599-prod/database/app-AbCdEf',
      ),
    ).toBe('ap-southeast-3');
  });

  it('names DATABASE_SECRET_ARN when the value is not such an ARN', () => {
    for (const bad of ['', 'mpp/database/app', 'arn:aws:s3:::bucket', 'arn:aws:secretsmanager:x']) {
      expect(() => regionOfSecretArn(bad)).toThrow(
        /^DATABASE_SECRET_ARN must be a Secrets Manager ARN/,
      );
    }
  });
});
