import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CredentialEvent,
  type DatabaseCredentials,
  isCredentialRejection,
  MIN_SECRET_READ_INTERVAL_MS,
  parseDatabaseSecret,
  RotatingCredentials,
} from './credentials.js';

const nonEmpty = fc.string({ minLength: 1 });

describe('parseDatabaseSecret', () => {
  it('takes username and password from the secret JSON, ignoring other keys', () => {
    fc.assert(
      fc.property(nonEmpty, nonEmpty, fc.dictionary(fc.string(), fc.jsonValue()), (u, p, extra) => {
        const { username: _u, password: _p, ...others } = extra;
        const secret = JSON.stringify({ ...others, username: u, password: p });
        expect(parseDatabaseSecret(secret)).toEqual({ user: u, password: p });
      }),
    );
  });

  it('names the missing field and never shows the secret text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8 }).filter((s) => !/^\s*$/.test(s)),
        fc.constantFrom('username', 'password'),
        fc.constantFrom(undefined, '', 42, null),
        (password, field, bad) => {
          const secret = { username: 'mpp_app_a', password, [field]: bad };
          let message = '';
          try {
            parseDatabaseSecret(JSON.stringify(secret), 'DATABASE_SECRET_ARN secret');
          } catch (error) {
            message = (error as Error).message;
          }
          expect(message).toContain(`field "${field}"`);
          expect(message).toContain('DATABASE_SECRET_ARN secret');
          if (field === 'username') expect(message).not.toContain(password);
        },
      ),
    );
  });

  it('refuses text that is not a JSON object without echoing it', () => {
    expect(() => parseDatabaseSecret('hunter2-not-json')).toThrow(/is not JSON/);
    expect(() => parseDatabaseSecret('hunter2-not-json')).not.toThrow(/hunter2/);
    expect(() => parseDatabaseSecret('["a","b"]')).toThrow(/JSON object/);
  });
});

describe('isCredentialRejection', () => {
  it('is true for the sign-in refusals 28P01 and 28000 only', () => {
    expect(isCredentialRejection({ code: '28P01' })).toBe(true);
    expect(isCredentialRejection({ code: '28000' })).toBe(true);
    for (const code of ['42501', '57P01', '3D000', 'ECONNREFUSED', undefined, 28000]) {
      expect(isCredentialRejection({ code })).toBe(false);
    }
    expect(isCredentialRejection(null)).toBe(false);
  });
});

/** A secret whose version the test moves on, read through a counting reader. */
function secretStore(initial: DatabaseCredentials) {
  let value = initial;
  let reads = 0;
  return {
    set(next: DatabaseCredentials) {
      value = next;
    },
    get reads() {
      return reads;
    },
    read: async () => {
      reads += 1;
      return value;
    },
  };
}

const A = { user: 'mpp_app_a', password: 'first-password' };
const B = { user: 'mpp_app_b', password: 'second-password' };

describe('RotatingCredentials', () => {
  it('after a rotation, re-reads the secret and hands out both new user and password', async () => {
    const store = secretStore(A);
    let clock = 0;
    const credentials = new RotatingCredentials(A, { read: store.read, now: () => clock });
    store.set(B);
    clock = 1_000;
    expect(await credentials.replacementFor(A)).toEqual(B);
    expect(credentials.current()).toEqual(B);
    expect(store.reads).toBe(1);
  });

  it('shares one read between connections refused at the same time', async () => {
    const store = secretStore(B);
    const credentials = new RotatingCredentials(A, { read: store.read });
    const answers = await Promise.all([1, 2, 3, 4].map(() => credentials.replacementFor(A)));
    expect(answers).toEqual([B, B, B, B]);
    expect(store.reads).toBe(1);
  });

  it('gives a connection refused with stale credentials the newer ones without a read', async () => {
    const store = secretStore(B);
    const credentials = new RotatingCredentials(A, { read: store.read });
    await credentials.replacementFor(A);
    expect(await credentials.replacementFor(A)).toEqual(B);
    expect(store.reads).toBe(1);
  });

  it('does not retry when the secret still holds the refused credentials', async () => {
    const store = secretStore(A);
    const events: CredentialEvent[] = [];
    const credentials = new RotatingCredentials(A, {
      read: store.read,
      onEvent: (e) => events.push(e),
    });
    expect(await credentials.replacementFor(A)).toBeUndefined();
    expect(events).toEqual([{ kind: 'reread', changed: false }]);
  });

  it('does not retry when the secret cannot be read, and reports why without credentials', async () => {
    const events: CredentialEvent[] = [];
    const credentials = new RotatingCredentials(A, {
      read: () => Promise.reject(new Error('AccessDeniedException: not allowed')),
      onEvent: (e) => events.push(e),
    });
    expect(await credentials.replacementFor(A)).toBeUndefined();
    expect(events).toEqual([{ kind: 'read-failed', error: 'AccessDeniedException: not allowed' }]);
    expect(JSON.stringify(events)).not.toContain(A.password);
  });

  it('reads the secret at most once per 30 s, whatever the refusals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (gaps, secretChanges) => {
          let clock = 0;
          const readAt: number[] = [];
          const stale = { user: 'mpp_app_a', password: 'revoked' };
          const credentials = new RotatingCredentials(stale, {
            // a secret that keeps the refused value (a truly wrong password) or moves on each read
            read: async () => {
              readAt.push(clock);
              return secretChanges ? { user: 'mpp_app_b', password: `p${readAt.length}` } : stale;
            },
            now: () => clock,
          });
          for (const gap of gaps) {
            clock += gap;
            // the connection always fails with what it was given: the worst case
            await credentials.replacementFor(credentials.current());
          }
          const spacing = readAt.slice(1).map((at, i) => at - (readAt[i] ?? 0));
          for (const gap of spacing)
            expect(gap).toBeGreaterThanOrEqual(MIN_SECRET_READ_INTERVAL_MS);
          expect(readAt[0]).toBe(gaps[0]);
        },
      ),
    );
  });

  it('load() reads the secret for the first credentials and counts it as a read', async () => {
    const store = secretStore(B);
    let clock = 5;
    const credentials = await RotatingCredentials.load({ read: store.read, now: () => clock });
    expect(credentials.current()).toEqual(B);
    clock = 10;
    expect(await credentials.replacementFor(B)).toBeUndefined();
    expect(store.reads).toBe(1);
  });
});
