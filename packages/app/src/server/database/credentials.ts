/**
 * Database credentials that can change while the app runs (infra/aws CONTRACT.md, "What the app
 * must do on rotation"): the pure rules — what a secret must hold, which server errors mean "the
 * password changed", when the secret may be read again — apart from the Secrets Manager call.
 */

/** A login user and its password, as the app secret holds them. */
export interface DatabaseCredentials {
  readonly user: string;
  readonly password: string;
}

/** A secret or a setting the app cannot use; the message names the field, never a value. */
export class DatabaseCredentialsError extends Error {
  override name = 'DatabaseCredentialsError';
}

/**
 * Reads the app secret's JSON (`{"username": "...", "password": "..."}`). Other keys are ignored
 * (RDS-style secrets carry `engine`, `host`…). Errors name the missing or wrong field only: the
 * text of the secret never reaches a message.
 */
export function parseDatabaseSecret(
  secretString: string,
  source = 'database secret',
): DatabaseCredentials {
  let value: unknown;
  try {
    value = JSON.parse(secretString);
  } catch {
    throw new DatabaseCredentialsError(`${source}: SecretString is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DatabaseCredentialsError(`${source}: SecretString must be a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const field = (name: 'username' | 'password'): string => {
    const v = record[name];
    if (typeof v !== 'string' || v.length === 0) {
      throw new DatabaseCredentialsError(`${source}: field "${name}" must be a non-empty string`);
    }
    return v;
  };
  return { user: field('username'), password: field('password') };
}

/**
 * SQLSTATE of the server's refusal of a new connection's sign-in: `28P01` (invalid password) and
 * `28000` (invalid authorization, e.g. the user may no longer log in). Both mean "the
 * credentials this task holds are stale" after a rotation.
 */
export const CREDENTIAL_REJECTIONS: ReadonlySet<string> = new Set(['28P01', '28000']);

/** Whether an error is the server refusing the credentials of a new connection. */
export function isCredentialRejection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CREDENTIAL_REJECTIONS.has(code);
}

/** Least time between two reads of the secret (CONTRACT.md: at most once per 30 s). */
export const MIN_SECRET_READ_INTERVAL_MS = 30_000;

/** What a {@link RotatingCredentials} reports; never carries a credential. */
export type CredentialEvent =
  | { kind: 'reread'; changed: boolean }
  | { kind: 'read-failed'; error: string }
  | { kind: 'too-soon'; retryInMs: number };

export interface RotatingCredentialsOptions {
  /** Reads the current credentials (from Secrets Manager in production). */
  read: () => Promise<DatabaseCredentials>;
  minIntervalMs?: number;
  now?: () => number;
  onEvent?: (event: CredentialEvent) => void;
}

/**
 * The credentials new connections use, replaced from the secret when the server refuses them.
 * Every new connection takes one snapshot ({@link current}); after a refusal,
 * {@link replacementFor} says what to retry with: newer credentials someone already fetched, or
 * one fresh read of the secret — shared by concurrent refusals, and at most one read per
 * `minIntervalMs`, so a truly wrong password cannot make the app hammer Secrets Manager.
 */
export class RotatingCredentials {
  private latest: DatabaseCredentials;
  private lastReadAt: number | undefined;
  private reading: Promise<DatabaseCredentials | undefined> | undefined;
  private readonly minIntervalMs: number;
  private readonly now: () => number;

  constructor(
    initial: DatabaseCredentials,
    private readonly options: RotatingCredentialsOptions,
  ) {
    this.latest = initial;
    this.minIntervalMs = options.minIntervalMs ?? MIN_SECRET_READ_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Reads the secret for the first credentials (no PGUSER/PGPASSWORD in the environment). */
  static async load(options: RotatingCredentialsOptions): Promise<RotatingCredentials> {
    const now = options.now ?? Date.now;
    const initial = await options.read();
    const credentials = new RotatingCredentials(initial, options);
    credentials.lastReadAt = now();
    return credentials;
  }

  /** The credentials for a connection opened now. */
  current(): DatabaseCredentials {
    return this.latest;
  }

  /**
   * What to retry with after the server refused `rejected`; `undefined` means "do not retry"
   * (the secret was read too recently, could not be read, or still holds the refused values).
   */
  replacementFor(rejected: DatabaseCredentials): Promise<DatabaseCredentials | undefined> {
    if (!sameCredentials(this.latest, rejected)) return Promise.resolve(this.latest);
    if (this.reading) return this.reading;
    const at = this.now();
    if (this.lastReadAt !== undefined && at - this.lastReadAt < this.minIntervalMs) {
      this.options.onEvent?.({
        kind: 'too-soon',
        retryInMs: this.minIntervalMs - (at - this.lastReadAt),
      });
      return Promise.resolve(undefined);
    }
    this.lastReadAt = at;
    this.reading = this.options
      .read()
      .then(
        (next) => {
          const changed = !sameCredentials(next, rejected);
          this.options.onEvent?.({ kind: 'reread', changed });
          if (!changed) return undefined;
          this.latest = next;
          return next;
        },
        (error: unknown) => {
          this.options.onEvent?.({
            kind: 'read-failed',
            error: error instanceof Error ? error.message : String(error),
          });
          return undefined;
        },
      )
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

function sameCredentials(a: DatabaseCredentials, b: DatabaseCredentials): boolean {
  return a.user === b.user && a.password === b.password;
}
