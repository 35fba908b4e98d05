import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as p from '@clack/prompts';
import type { Catalogue } from '@mpp-kit/service-standard';
import { agencyChoices } from './agencies.js';
import { type Answers, validateAnswers } from './answers.js';
import { helpText, parseCliArgs } from './args.js';
import { CreateMppError } from './errors.js';
import { fillDefaults, promptForMissing } from './prompts.js';
import { scaffold } from './scaffold.js';

/** Where {@link run} reads and writes; the real process by default. */
export interface RunContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a person can answer questions (a terminal, not CI). */
  readonly interactive: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Loads the agency catalogue; the national one by default. */
  readonly catalogue: () => Catalogue | Promise<Catalogue>;
  readonly templateDir?: string;
}

/** The version of this package. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/**
 * Runs create-mpp with command-line arguments. Returns the exit code: 0 on success, 1 on an
 * error (printed in Bahasa Indonesia and English, naming the flag or answer at fault).
 */
export async function run(argv: readonly string[], ctx: RunContext): Promise<number> {
  try {
    const request = parseCliArgs(argv);
    if (request.help) {
      ctx.out(`${helpText(packageVersion())}\n`);
      return 0;
    }
    if (request.version) {
      ctx.out(`${packageVersion()}\n`);
      return 0;
    }
    const catalogue = await ctx.catalogue();
    const choices = agencyChoices(catalogue);
    const ask = ctx.interactive && !request.yes;
    if (ask) p.intro(`create-mpp ${packageVersion()}`);
    const raw = ask
      ? await promptForMissing(request.answers, choices)
      : fillDefaults(request.answers, choices);
    const answers = validateAnswers(
      raw,
      choices.map((c) => c.agency.code),
    );
    const spin = ask ? p.spinner() : undefined;
    const step = (message: string) => (spin ? spin.message(message) : ctx.out(`• ${message}\n`));
    spin?.start('Membuat proyek / creating the project');
    const result = scaffold({
      answers,
      cwd: ctx.cwd,
      catalogue,
      onProgress: step,
      ...(ctx.templateDir === undefined ? {} : { templateDir: ctx.templateDir }),
    });
    const done = `${result.files.length} berkas ditulis di / files written to ${result.directory}`;
    if (spin) spin.stop(done);
    else ctx.out(`✔ ${done}\n`);
    // The project is an npm project whichever tool ran create-mpp: its Dockerfile runs `npm ci`
    // on its package-lock.json, and npm runs the install script embedded PostgreSQL needs.
    const manager = 'npm';
    if (request.install) {
      const message = `Memasang dependensi (${manager} install) / installing dependencies`;
      if (spin) spin.start(message);
      else ctx.out(`• ${message}…\n`);
      await install(manager, result.directory);
      if (spin) spin.stop('Dependensi terpasang / dependencies installed');
      else ctx.out('✔ Dependensi terpasang / dependencies installed\n');
    }
    const next = nextSteps(
      answers,
      relative(ctx.cwd, result.directory) || '.',
      manager,
      request.install,
    );
    if (ask) p.outro(next);
    else ctx.out(`${next}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CreateMppError) {
      ctx.err(`✖ ${error.id}\n  ${error.en}\n`);
    } else {
      ctx.err(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return 1;
  }
}

/**
 * The package manager that ran create-mpp (`npm create`, `pnpm create`, `yarn create`). The new
 * project itself is always installed with npm (decision 0092).
 */
export function packageManager(env: Readonly<Record<string, string | undefined>>): string {
  const agent = env.npm_config_user_agent ?? '';
  if (agent.startsWith('pnpm')) return 'pnpm';
  if (agent.startsWith('yarn')) return 'yarn';
  if (agent.startsWith('bun')) return 'bun';
  return 'npm';
}

function install(manager: string, cwd: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(manager, ['install'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      reject(
        new CreateMppError('install-failed', {
          id: `${manager} tidak dapat dijalankan: ${error.message}`,
          en: `${manager} could not be started: ${error.message}`,
        }),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new CreateMppError('install-failed', {
            id: `${manager} install gagal (kode ${code}); proyek sudah ditulis, jalankan ulang di foldernya:\n${output.slice(-4000)}`,
            en: `${manager} install failed (code ${code}); the project is written, run it again in its folder`,
          }),
        );
    });
  });
}

function nextSteps(answers: Answers, dir: string, manager: string, installed: boolean): string {
  const run = manager === 'npm' ? 'npm run' : manager;
  return [
    `${answers.name} siap / is ready. Langkah berikutnya / next steps:`,
    `  cd ${dir}`,
    ...(installed ? [] : [`  ${manager} install`]),
    `  ${run} build`,
    `  PORT=3000 ${manager} start`,
    '  # AWS: cd infra && npm install && pulumi up — lihat / see README.md',
  ].join('\n');
}
