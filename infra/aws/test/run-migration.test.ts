// scripts/run-migration.sh against a stand-in `aws` command that records its calls: the script's
// own logic (arguments, waiting, exit-code check) is what is under test, not the AWS CLI.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/run-migration.sh', import.meta.url));

function fakeAws(exitCode: string, rolesExit: string): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-aws-cli-'));
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(dir, 'aws'),
    `#!/usr/bin/env bash
echo "$*" >> "${log}"
case "$2" in
  run-task) echo "arn:aws:ecs:ap-southeast-3:1:task/c/abc" ;;
  wait) exit 0 ;;
  describe-tasks) if [[ "$*" == *db-roles* ]]; then echo "${rolesExit}"; else echo "${exitCode}"; fi ;;
esac
`,
  );
  chmodSync(join(dir, 'aws'), 0o755);
  return { dir, log };
}

const ENV = {
  MPP_REGION: 'ap-southeast-3',
  MPP_CLUSTER: 'mpp-3599-prod',
  MPP_TASK_DEFINITION: 'arn:aws:ecs:ap-southeast-3:1:task-definition/mpp-3599-prod-migrate:3',
  MPP_SUBNETS: 'subnet-a,subnet-b',
  MPP_SECURITY_GROUP: 'sg-app',
};

function run(exitCode: string, env: Record<string, string> = ENV, rolesExit = '0') {
  const { dir, log } = fakeAws(exitCode, rolesExit);
  try {
    const out = execFileSync('bash', [script], {
      env: { PATH: `${dir}:${process.env.PATH}`, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, out, calls: readFileSync(log, 'utf8') };
  } catch (error) {
    const e = error as { stderr: string; status: number };
    return { ok: false, out: e.stderr, calls: readFileSync(log, { encoding: 'utf8', flag: 'a+' }) };
  }
}

describe('scripts/run-migration.sh', () => {
  it('runs the task in the app subnets without a public IP, waits, and succeeds on exit 0', () => {
    const result = run('0');
    expect(result.ok).toBe(true);
    const [runTask, wait, describeTasks] = result.calls.trim().split('\n');
    expect(runTask).toContain('ecs run-task --region ap-southeast-3 --cluster mpp-3599-prod');
    expect(runTask).toContain(
      'subnets=[subnet-a,subnet-b],securityGroups=[sg-app],assignPublicIp=DISABLED',
    );
    expect(wait).toContain('ecs wait tasks-stopped');
    expect(describeTasks).toContain('--tasks arn:aws:ecs:ap-southeast-3:1:task/c/abc');
    expect(result.out).toContain('migrations applied');
  });

  it('fails, in both languages, when the migration exits non-zero or never ran', () => {
    for (const code of ['1', 'None']) {
      const result = run(code);
      expect(result.ok).toBe(false);
      expect(result.out).toContain(`migration failed (exit code ${code})`);
      expect(result.out).toContain('migrasi gagal');
    }
  });

  it('stops before judging the migration when the roles step failed or never ran', () => {
    for (const code of ['1', 'None']) {
      const result = run('0', ENV, code);
      expect(result.ok).toBe(false);
      expect(result.out).toContain(`database roles step failed (exit code ${code})`);
      expect(result.out).toContain('langkah peran basis data gagal');
      expect(result.calls).not.toContain('`migrate`');
    }
  });

  it('refuses to start without its settings', () => {
    const { MPP_SUBNETS: _omit, ...rest } = ENV;
    const result = run('0', rest);
    expect(result.ok).toBe(false);
    expect(result.out).toContain('MPP_SUBNETS');
    expect(result.calls).toBe('');
  });
});
