// The two scripts that run in AWS: the chat forwarder (Lambda) and the roles step (migrate task).
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { roleStatements, scramVerifier } from '../docker/db-roles.mjs';
import { chatTextOf, handler } from '../lambda/chat-alert.mjs';
import { DB_ROLES_COMMAND, RDS_CA_BUNDLE_PATH } from '../src/components/service.js';

describe('docker/template-mpp.Dockerfile', () => {
  const dockerfile = readFileSync(
    new URL('../docker/template-mpp.Dockerfile', import.meta.url),
    'utf8',
  );
  it('puts the RDS CA bundle where DATABASE_URL and PGSSLROOTCERT point', () => {
    expect(dockerfile).toContain(
      `ADD --chmod=0444 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem ${RDS_CA_BUNDLE_PATH}`,
    );
  });
  it('ships the roles step where the migrate task runs it', () => {
    expect(dockerfile).toContain(`COPY --from=mpp-infra db-roles.mjs ./${DB_ROLES_COMMAND[1]}`);
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
  });
  it('builds the thin project as its own Dockerfile does, with mpp-app on the PATH', () => {
    const project = readFileSync(
      new URL('../../../templates/mpp/Dockerfile', import.meta.url),
      'utf8',
    );
    const steps = (text: string) => text.match(/^(COPY package\.json.*|RUN npm .*)$/gm);
    expect(steps(dockerfile)).toEqual(steps(project));
    expect(steps(dockerfile)).toEqual([
      'COPY package.json package-lock.json ./',
      'RUN npm ci',
      'RUN npm run build',
      'RUN npm prune --omit=dev',
    ]);
    expect(dockerfile).toMatch(/^ENV .*PATH=\/app\/node_modules\/\.bin:\$PATH$/m);
  });
});

describe('lambda/chat-alert.mjs', () => {
  afterEach(() => {
    delete process.env.CHAT_WEBHOOK_URL;
  });

  const alarm = JSON.stringify({
    AlarmName: 'mpp-3599-prod-healthy-hosts',
    AlarmDescription: 'Healthy app tasks below the minimum',
    NewStateValue: 'ALARM',
    NewStateReason: 'Threshold Crossed: 1 datapoint [0.0] < 2.0',
  });

  it('turns an alarm, an EventBridge event and plain text into one chat line each', () => {
    expect(chatTextOf('ALARM', alarm)).toBe(
      '🔴 mpp-3599-prod-healthy-hosts: ALARM\nHealthy app tasks below the minimum\nThreshold Crossed: 1 datapoint [0.0] < 2.0',
    );
    const event = JSON.stringify({
      'detail-type': 'Backup Job State Change',
      source: 'aws.backup',
      region: 'ap-southeast-3',
      detail: { state: 'FAILED' },
    });
    expect(chatTextOf(undefined, event)).toBe(
      '🟠 Backup Job State Change (aws.backup, ap-southeast-3): FAILED',
    );
    expect(chatTextOf('RDS Notification Message', 'DB instance restarted')).toBe(
      'RDS Notification Message\nDB instance restarted',
    );
  });

  it('posts every SNS record to the webhook and fails when the chat refuses', async () => {
    process.env.CHAT_WEBHOOK_URL = 'https://chat.example.go.id/hooks/ops';
    const posts: { url: string; body: string }[] = [];
    const ok = async (url: string, init: { body: string }) => {
      posts.push({ url, body: init.body });
      return { ok: true, status: 200 };
    };
    await handler({ Records: [{ Sns: { Subject: 'ALARM', Message: alarm } }] }, {}, ok);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('https://chat.example.go.id/hooks/ops');
    expect(JSON.parse(posts[0]?.body ?? '{}').text).toContain('healthy-hosts: ALARM');
    const refused = async () => ({ ok: false, status: 403 });
    await expect(handler({ Records: [{ Sns: { Message: 'x' } }] }, {}, refused)).rejects.toThrow(
      'chat webhook answered 403',
    );
  });

  it('refuses to run without a webhook URL', async () => {
    await expect(handler({ Records: [] }, {})).rejects.toThrow('CHAT_WEBHOOK_URL is not set');
  });
});

describe('docker/db-roles.mjs', () => {
  const args = {
    appRole: 'mpp_app',
    appLoginUsers: ['mpp_app_a', 'mpp_app_b'],
    migrator: 'mpp_migrator',
    appCredentials: { username: 'mpp_app_b', password: 'AppPassword0123456789' },
    migratorCredentials: { username: 'mpp_migrator', password: 'MigratorPassword0123' },
  };

  it('computes the SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802 / 7677)', () => {
    const salt = Buffer.from('0123456789abcdef');
    const verifier = scramVerifier('pencil', salt, 4096);
    // Recomputed step by step from the RFC's definitions.
    const salted = pbkdf2Sync('pencil', salt, 4096, 32, 'sha256');
    const stored = createHash('sha256')
      .update(createHmac('sha256', salted).update('Client Key').digest())
      .digest('base64');
    const server = createHmac('sha256', salted).update('Server Key').digest('base64');
    expect(verifier).toBe(`SCRAM-SHA-256$4096:${salt.toString('base64')}$${stored}:${server}`);
    expect(() => scramVerifier('kata sandi')).toThrow('printable ASCII');
  });

  it('never sends a password in clear text, and grants the app rows only', () => {
    const sql = roleStatements(args).join(';\n');
    expect(sql).not.toContain('AppPassword0123456789');
    expect(sql).not.toContain('MigratorPassword0123');
    expect(sql).toMatch(/ALTER ROLE "mpp_app_b" WITH LOGIN PASSWORD 'SCRAM-SHA-256\$4096:/);
    expect(sql).toContain(
      'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "mpp_app"',
    );
    expect(sql).toContain(
      'ALTER DEFAULT PRIVILEGES FOR ROLE "mpp_migrator" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "mpp_app"',
    );
    expect(sql).not.toMatch(/GRANT (ALL|CREATE)[^;]*TO "mpp_app"/);
  });

  it('refuses secrets that name the wrong users', () => {
    expect(() =>
      roleStatements({ ...args, appCredentials: { username: 'mpp_admin', password: 'x' } }),
    ).toThrow('not one of mpp_app_a, mpp_app_b');
    expect(() =>
      roleStatements({ ...args, migratorCredentials: { username: 'mpp_app_a', password: 'x' } }),
    ).toThrow('expected mpp_migrator');
  });
});
