// Started as root in a folder the `postgres` user cannot enter (a clone in /root, a `mktemp -d`
// folder of mode 700), the embedded PostgreSQL died with initdb's raw `spawn … EACCES` stack
// trace. It now stops before initdb with one sentence saying why and what to do.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseSetupError, startEmbeddedDatabase } from '../src/server/database/embedded.js';
import { demoConfigFile, freePort } from './support/app-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)('embedded PostgreSQL started as root in a mode-700 folder', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  const privateDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mpp-private-'));
    made.push(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    return dir;
  };

  it('the database code refuses up front with one sentence naming the folder', async () => {
    const dir = await privateDir();
    const started = startEmbeddedDatabase({
      dataDir: path.join(dir, 'data'),
      port: await freePort(),
      log: () => {},
    });
    const error = await started.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseSetupError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`cannot enter ${dir} `);
    expect(message).toContain('MPP_DATA_DIR');
    expect(message).not.toContain('EACCES');
  });

  it('the app prints that one sentence and exits 1, without a stack trace', async () => {
    const dir = await privateDir();
    const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'start'], {
      cwd: path.join(root, 'test/project'),
      env: {
        ...process.env,
        MPP_CONFIG: demoConfigFile,
        MPP_DATA_DIR: path.join(dir, 'data'),
        MPP_PG_PORT: String(await freePort()),
        PORT: String(await freePort()),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines, output).toHaveLength(1);
    expect(output).toContain('cannot enter');
    expect(output).not.toMatch(/EACCES|\n\s+at /);
  }, 60_000);
});
