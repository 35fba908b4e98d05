import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import {
  type CredentialEvent,
  type DatabaseCredentials,
  DatabaseCredentialsError,
  isCredentialRejection,
  parseDatabaseSecret,
  RotatingCredentials,
} from './credentials.js';

/** The part of the app's logger the pool writes to. */
export interface PoolLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/** Connections per process when neither `DATABASE_POOL_MAX` nor `MPP_DB_POOL` is set. */
export const DEFAULT_POOL_MAX = 10;

/**
 * Largest pool of this process: `DATABASE_POOL_MAX` (set by infra/aws from the shared
 * `max_connections`), else the older `MPP_DB_POOL`, else {@link DEFAULT_POOL_MAX}.
 */
export function poolMaxFrom(env: NodeJS.ProcessEnv): number {
  const settings = { DATABASE_POOL_MAX: env.DATABASE_POOL_MAX, MPP_DB_POOL: env.MPP_DB_POOL };
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined || value === '') continue;
    if (!/^[1-9][0-9]{0,4}$/.test(value.trim())) {
      throw new DatabaseCredentialsError(
        `${name} must be a whole number of connections, at least 1 (got "${value}")`,
      );
    }
    return Number(value.trim());
  }
  return DEFAULT_POOL_MAX;
}

/** Region of a Secrets Manager ARN (`arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`). */
export function regionOfSecretArn(arn: string): string {
  const match = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):[0-9]{12}:secret:.+$/.exec(arn);
  if (!match?.[1]) {
    throw new DatabaseCredentialsError(
      'DATABASE_SECRET_ARN must be a Secrets Manager ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)',
    );
  }
  return match[1];
}

/**
 * Reads the app secret with Secrets Manager's `GetSecretValue`. The SDK is loaded on first use
 * (a demo or a plain DATABASE_URL never loads it) and honours `AWS_ENDPOINT_URL_SECRETS_MANAGER`
 * and the task role's credentials, as every AWS SDK does.
 */
export function secretsManagerReader(
  secretArn: string,
  env: NodeJS.ProcessEnv,
): () => Promise<DatabaseCredentials> {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || regionOfSecretArn(secretArn);
  let send: ((secretId: string) => Promise<string | undefined>) | undefined;
  return async () => {
    if (!send) {
      const sdk = await import('@aws-sdk/client-secrets-manager');
      const client = new sdk.SecretsManagerClient({ region, maxAttempts: 2 });
      send = async (secretId) =>
        (await client.send(new sdk.GetSecretValueCommand({ SecretId: secretId }))).SecretString;
    }
    const secretString = await send(secretArn);
    if (secretString === undefined) {
      throw new DatabaseCredentialsError('DATABASE_SECRET_ARN: the secret has no SecretString');
    }
    return parseDatabaseSecret(secretString, 'DATABASE_SECRET_ARN secret');
  };
}

/**
 * The database's certificate failed verification (wrong CA bundle, wrong host name, expired):
 * said in one sentence that names the host and the CA file. Verification is never relaxed.
 */
export class DatabaseTlsError extends Error {
  override name = 'DatabaseTlsError';
}

/** Node's codes for a certificate that does not verify (tls.connect, X509_V_ERR_* names). */
function isCertificateFailure(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) ||
      code === 'ERR_TLS_CERT_ALTNAME_INVALID')
  );
}

function describeTlsFailure(error: Error & { code: string }, host: string, caFile: string) {
  return new DatabaseTlsError(
    `Sertifikat server basis data tidak terverifikasi / the database server's certificate could not be verified ` +
      `for host ${host} against the CA in ${caFile || '(no sslrootcert)'}: ${error.code}: ${error.message}. ` +
      'Verification stays on (sslmode=verify-full); check that sslrootcert/PGSSLROOTCERT names the CA bundle of this database.',
    { cause: error },
  );
}

/** Rejected connections' errors → the credentials they were made with (for the pool's retry). */
type Replacement = Promise<DatabaseCredentials | undefined>;

/**
 * A `pg.Client` that signs in with the credentials current when it is created and, when the
 * server refuses them, asks {@link RotatingCredentials} for a replacement (every pool that
 * copies the app pool's options — the queue engine's does — gets this behaviour too). It also
 * turns certificate failures into {@link DatabaseTlsError}.
 */
function clientClass(
  credentials: RotatingCredentials | undefined,
  tls: { host: string; caFile: string },
  replacements: WeakMap<object, Replacement>,
) {
  return class DatabaseClient extends pg.Client {
    private readonly signedInWith: DatabaseCredentials | undefined;

    constructor(config: pg.ClientConfig) {
      // one snapshot: the user and the password must come from the same version of the secret
      const snapshot = credentials?.current();
      super(snapshot ? { ...config, user: snapshot.user, password: snapshot.password } : config);
      this.signedInWith = snapshot;
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | undefined {
      const connected = super.connect().catch((error: unknown) => {
        if (isCertificateFailure(error)) throw describeTlsFailure(error, tls.host, tls.caFile);
        if (credentials && this.signedInWith && isCredentialRejection(error)) {
          replacements.set(error as object, credentials.replacementFor(this.signedInWith));
        }
        throw error;
      });
      if (!callback) return connected;
      // pg-pool connects through this callback form
      connected.then(() => callback(undefined as unknown as Error), callback);
      return undefined;
    }
  };
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * A pool whose new connections survive a rotation: a connection refused with `28P01`/`28000`
 * is retried once with the credentials re-read from the secret; later connections use them.
 */
class DatabasePool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly replacements: WeakMap<object, Replacement>,
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const connected = this.connectRetryingOnce();
    if (!callback) return connected;
    // pool.query() checks out through this callback form
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }

  private async connectRetryingOnce(): Promise<pg.PoolClient> {
    try {
      return await super.connect();
    } catch (error) {
      const replacement = this.replacements.get(error as object);
      if (!replacement || !(await replacement)) throw error;
      return super.connect();
    }
  }
}

/**
 * The app's connection pool, for `DATABASE_URL` or the embedded database's URL.
 *
 * With `DATABASE_SECRET_ARN` set (infra/aws CONTRACT.md) the URL names no user: connections sign
 * in as `PGUSER`/`PGPASSWORD` (or, when they are unset, what the secret holds), and after a
 * credential rotation re-read the secret (at most once per 30 s) and retry once. TLS comes from
 * the URL exactly as `pg` reads it (`sslmode=verify-full&sslrootcert=…`). Credentials are never
 * logged.
 */
export async function createDatabasePool(options: {
  url: string;
  env: NodeJS.ProcessEnv;
  logger: PoolLogger;
  /** Stands in for Secrets Manager in unit tests; defaults to {@link secretsManagerReader}. */
  readSecret?: () => Promise<DatabaseCredentials>;
}): Promise<pg.Pool> {
  const { url, env, logger } = options;
  const max = poolMaxFrom(env);
  const parsed = parseConnectionString(url);
  const tls = {
    host: parsed.host ?? '',
    caFile: String(parsed.sslrootcert ?? env.PGSSLROOTCERT ?? ''),
  };
  const replacements = new WeakMap<object, Replacement>();
  const secretArn = env.DATABASE_SECRET_ARN;
  let config: pg.PoolConfig;
  let credentials: RotatingCredentials | undefined;
  if (secretArn) {
    if (parsed.user || parsed.password) {
      throw new DatabaseCredentialsError(
        'DATABASE_URL must not name a user or password when DATABASE_SECRET_ARN is set: they come from PGUSER/PGPASSWORD and the secret',
      );
    }
    const read = options.readSecret ?? secretsManagerReader(secretArn, env);
    const onEvent = (event: CredentialEvent) => logCredentialEvent(logger, secretArn, event);
    credentials =
      env.PGUSER && env.PGPASSWORD
        ? new RotatingCredentials({ user: env.PGUSER, password: env.PGPASSWORD }, { read, onEvent })
        : await RotatingCredentials.load({ read, onEvent });
    // pg lets a connection string's empty user and password override `user`/`password` options
    // (and fall back to PGUSER/PGPASSWORD); the parsed fields without them keep ours in force.
    const { user: _user, password: _password, ...connection } = parsed;
    config = { ...(connection as pg.PoolConfig), max };
  } else {
    config = { connectionString: url, max };
  }
  // A session left idle inside a transaction (its client gone without closing the connection: a
  // host crash, a network cut) ends after a minute instead of holding its locks (decision 0067).
  config.idle_in_transaction_session_timeout = 60_000;
  const pool = new DatabasePool(
    // pg-pool constructs `Client` with the pool's options (the typings say without arguments)
    {
      ...config,
      Client: clientClass(credentials, tls, replacements) as unknown as pg.PoolConfig['Client'],
    },
    replacements,
  );
  // An idle connection the server closed (restart, failover) must not crash the process.
  pool.on('error', (error) =>
    logger.warn({ err: error.message }, 'idle database connection failed'),
  );
  return pool;
}

function logCredentialEvent(logger: PoolLogger, secret: string, event: CredentialEvent): void {
  switch (event.kind) {
    case 'reread':
      if (event.changed)
        logger.info(
          { secret },
          'database sign-in refused; credentials re-read from the secret, new connections use them',
        );
      else
        logger.warn(
          { secret },
          'database sign-in refused; the secret still holds the same credentials',
        );
      return;
    case 'read-failed':
      logger.warn(
        { secret, err: event.error },
        'database sign-in refused; reading the secret failed',
      );
      return;
    case 'too-soon':
      logger.warn(
        { secret, retryInMs: event.retryInMs },
        'database sign-in refused; the secret was read less than 30 s ago and is not read again yet',
      );
      return;
  }
}
