// The roles step of the migrate task (infra/aws CONTRACT.md). Runs as the RDS master user,
// the only place that user is used outside break-glass, before every migration:
//   - mpp_migrator: LOGIN, owns the schema's objects, runs the migrations;
//   - mpp_app: NOLOGIN group with row rights on the migrator's tables and sequences;
//   - mpp_app_a / mpp_app_b: LOGIN members of mpp_app; the app secret names one of them, and a
//     rotation moves to the other, so the previous password keeps working for running tasks.
// Passwords are sent as SCRAM-SHA-256 verifiers computed here, never in clear text: with
// log_statement = 'ddl' the server logs ALTER ROLE, and a verifier is all it can log.
// Idempotent: every run converges the roles and sets the passwords the secrets hold.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

/** SCRAM-SHA-256 verifier as PostgreSQL stores it (RFC 5802/7677; ASCII passwords only). */
export function scramVerifier(password, salt = randomBytes(16), iterations = 4096) {
  if (!/^[\x21-\x7e]+$/.test(password)) throw new Error('password must be printable ASCII');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  const b64 = (b) => b.toString('base64');
  return `SCRAM-SHA-256$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}

const ident = (name) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe role name ${name}`);
  return `"${name}"`;
};

/** The SQL statements that bring the roles to their wanted state. */
export function roleStatements({
  appRole,
  appLoginUsers,
  migrator,
  appCredentials,
  migratorCredentials,
}) {
  if (!appLoginUsers.includes(appCredentials.username)) {
    throw new Error(
      `app secret names ${appCredentials.username}, not one of ${appLoginUsers.join(', ')}`,
    );
  }
  if (migratorCredentials.username !== migrator) {
    throw new Error(`migrator secret names ${migratorCredentials.username}, expected ${migrator}`);
  }
  const ensure = (role, options) =>
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${ident(role)} ${options}; END IF; END $$`;
  const password = (role, secret) =>
    `ALTER ROLE ${ident(role)} WITH LOGIN PASSWORD '${scramVerifier(secret)}'`;
  const [m, a] = [ident(migrator), ident(appRole)];
  return [
    ensure(migrator, 'LOGIN'),
    ensure(appRole, 'NOLOGIN'),
    ...appLoginUsers.map((u) => ensure(u, `LOGIN IN ROLE ${a}`)),
    ...appLoginUsers.map((u) => `GRANT ${a} TO ${ident(u)}`),
    // The master needs membership to hand tables to the migrator and set its default privileges.
    `GRANT ${m} TO CURRENT_USER`,
    // No NOSUPERUSER: only a superuser may name that attribute (PostgreSQL answers 42501), the
    // RDS master is not one, and no role it creates can be one.
    `ALTER ROLE ${m} NOCREATEDB NOCREATEROLE`,
    `ALTER ROLE ${a} NOCREATEDB NOCREATEROLE NOLOGIN`,
    password(migrator, migratorCredentials.password),
    password(appCredentials.username, appCredentials.password),
    // The migrator may create in the schema; the app may only use it.
    `GRANT USAGE, CREATE ON SCHEMA public TO ${m}`,
    `GRANT USAGE ON SCHEMA public TO ${a}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    // Tables created before this step existed (by the master user) move to the migrator.
    `DO $$ DECLARE t record; BEGIN FOR t IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m','S') AND pg_get_userbyid(c.relowner) <> '${migrator}' AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a','i')) LOOP EXECUTE format('ALTER %s public.%I OWNER TO ${migrator}', CASE t.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, t.relname); END LOOP; END $$`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${m} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${m} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${a}`,
  ];
}

function credentials(variable) {
  const value = JSON.parse(process.env[variable] ?? 'null');
  if (typeof value?.username !== 'string' || typeof value?.password !== 'string') {
    throw new Error(`${variable} must be a JSON secret with username and password`);
  }
  return value;
}

/**
 * `pg` as the project's @mpp-kit/app uses it. Loaded only when the step runs, so the pure parts
 * above are testable without it; found through @mpp-kit/app, which depends on it, rather than
 * relying on npm hoisting it to the project's top-level node_modules.
 */
async function loadPg() {
  const app = createRequire(import.meta.resolve('@mpp-kit/app/package.json'));
  return app('pg');
}

async function main() {
  const statements = roleStatements({
    appRole: process.env.MPP_APP_ROLE,
    appLoginUsers: (process.env.MPP_APP_LOGIN_USERS ?? '').split(','),
    migrator: process.env.MPP_MIGRATOR_USER,
    appCredentials: credentials('MPP_APP_CREDENTIALS'),
    migratorCredentials: credentials('MPP_MIGRATOR_CREDENTIALS'),
  });
  // DATABASE_URL names no user: pg takes PGUSER and PGPASSWORD (the master) from the environment.
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  console.log('database roles ready / peran basis data siap');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    // Never print the error's query: it may carry a verifier.
    console.error(`roles step failed / langkah peran gagal: ${error.code ?? ''} ${error.message}`);
    process.exit(1);
  });
}
