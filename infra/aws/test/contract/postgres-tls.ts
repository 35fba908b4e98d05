/**
 * A throwaway Debian PostgreSQL 15 that, like RDS with `rds.force_ssl`, accepts TCP sign-ins only
 * over TLS with SCRAM passwords, its certificate issued by a private CA made here with openssl.
 * As root it runs as the `postgres` user (PostgreSQL refuses root), as packages/queue's tests do.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsPostgres {
  readonly port: number;
  /** The CA that signed the server certificate (what the image's RDS bundle stands for). */
  readonly caFile: string;
  /** Another CA, which did not sign it. */
  readonly wrongCaFile: string;
  /** Runs SQL as the cluster's superuser over the Unix socket (the test's "AWS console"). */
  sql(database: string, statement: string): string;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A CA and a server certificate for `hostNames` (subjectAltName DNS entries). */
function makeCertificates(dir: string, hostNames: readonly string[]) {
  for (const ca of ['ca', 'wrong-ca']) {
    openssl(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=MPP test ${ca}`,
        '-keyout',
        `${ca}.key`,
        '-out',
        `${ca}.pem`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    );
  }
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${hostNames[0]}`,
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
    ],
    dir,
  );
  writeFileSync(
    join(dir, 'server.ext'),
    `subjectAltName=${hostNames.map((h) => `DNS:${h}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
}

export async function startTlsPostgres(hostNames: readonly string[]): Promise<TlsPostgres> {
  const binDir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
  if (!existsSync(join(binDir, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL 15 not found in ${binDir} (Debian package postgresql); set PG_BIN_DIR`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'mpp-contract-pg-'));
  const data = join(dir, 'data');
  const certs = join(dir, 'certs');
  execFileSync('mkdir', ['-p', certs]);
  makeCertificates(certs, hostNames);
  // the server key must be private to the server's user; the CA files are readable by all
  chmodSync(join(certs, 'server.key'), 0o600);
  chmodSync(dir, 0o755);
  if (asRoot) {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
    for (const f of ['server.key', 'server.pem']) chownSync(join(certs, f), id('-u'), id('-g'));
  }
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args], {
          encoding: 'utf8',
          stdio: 'pipe',
        })
      : execFileSync(join(binDir, bin), args, { encoding: 'utf8', stdio: 'pipe' });
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=reject',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  // TCP only over TLS with SCRAM, as RDS with rds.force_ssl = 1; the socket is the test's own.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    'local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 0.0.0.0/0 reject\n',
  );
  if (asRoot) execFileSync('chown', ['postgres:postgres', join(data, 'pg_hba.conf')]);
  const log = join(dir, 'server.log');
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c ssl=on',
      `-c ssl_cert_file=${join(certs, 'server.pem')}`,
      `-c ssl_key_file=${join(certs, 'server.key')}`,
      '-c password_encryption=scram-sha-256',
      '-c fsync=off',
      '-c max_connections=100',
    ].join(' ');
    try {
      run('pg_ctl', ['-D', data, '-o', settings, '-l', log, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      if (attempt >= 3) {
        const said = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '(no log)';
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${String(error)}\n${said}`);
      }
    }
  }
  let stopped = false;
  return {
    port,
    caFile: join(certs, 'ca.pem'),
    wrongCaFile: join(certs, 'wrong-ca.pem'),
    sql: (database, statement) =>
      run('psql', [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-At',
        '-c',
        statement,
      ]),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
