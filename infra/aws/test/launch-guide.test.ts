// The launch guide's commands match the program: settings, outputs, scripts, names and paths.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APP_COMMAND,
  APP_PORT,
  HEALTH_PATH,
  MIGRATE_COMMAND,
  repositoryNameOf,
  serviceNameOf,
} from '../src/components/service.js';
import { contextOf, OUTPUT_NAMES } from '../src/instance.js';
import { STACK_KEYS } from '../src/spec/stack-settings.js';
import { example, specOf } from './config-variant.js';

const here = (path: string) => new URL(path, import.meta.url);
const guides = {
  en: readFileSync(here('../../../docs/launch-guide/en.md'), 'utf8'),
  id: readFileSync(here('../../../docs/launch-guide/id.md'), 'utf8'),
};
const scripts = Object.keys(JSON.parse(readFileSync(here('../package.json'), 'utf8')).scripts);

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? '');
const shellBlocks = (text: string) =>
  all(text, /```sh\n([\s\S]*?)```/g).map((b) => b.replace(/^ +/gm, ''));

describe.each(Object.entries(guides))('docs/launch-guide/%s.md', (_lang, text) => {
  it('sets only stack settings the program reads', () => {
    const keys = all(text, /mpp-aws:(\w+)/g);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(Object.values(STACK_KEYS)).toContain(key);
  });

  it('reads only outputs the program exports', () => {
    const outputs = all(text, /pulumi stack output (\w+)/g);
    expect(new Set(outputs).size).toBeGreaterThanOrEqual(8);
    for (const name of outputs) expect(OUTPUT_NAMES).toContain(name);
  });

  it('runs only package scripts, policy packs and scripts that exist', () => {
    for (const script of all(text, /pnpm --filter @mpp-kit\/infra-aws (\w+)/g))
      expect(scripts).toContain(script);
    for (const dir of all(shellBlocks(text).join('\n'), /--policy-pack (\S+)/g)) {
      expect(existsSync(here(`../${dir}/PulumiPolicy.yaml`))).toBe(true);
    }
    for (const script of all(text, /(scripts\/[\w.-]+\.sh)/g))
      expect(existsSync(here(`../${script}`))).toBe(true);
    for (const file of all(text, /-f (docker\/\S+)/g))
      expect(existsSync(here(`../${file}`))).toBe(true);
  });

  it('names the resources as the program does for the example instance', async () => {
    const spec = await specOf(example('medium'));
    const { prefix } = contextOf(spec);
    expect(text).toContain(`--service ${serviceNameOf(prefix)} `);
    expect(text).toContain(`--names ${prefix} `);
    expect(text).toContain(`--repository-name ${repositoryNameOf(spec)} `);
    expect(text).toContain(`mpp-aws:configFile ../../mpp.config.yaml`);
  });

  it('states the app contract the program relies on', () => {
    expect(text).toContain(`\`${MIGRATE_COMMAND.join(' ')}\``);
    const dockerfile = readFileSync(here('../docker/template-mpp.Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`CMD ${JSON.stringify(APP_COMMAND).replaceAll(',', ', ')}`);
    expect(dockerfile).toContain(`PORT=${APP_PORT}`);
    expect(text).toContain(`\`PORT\` (${APP_PORT})`);
    expect(text).toContain(`\`GET ${HEALTH_PATH}\``);
  });

  it('covers the nine steps from prerequisites to teardown', () => {
    expect(all(text, /^## (\d)\. /gm)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('both languages', () => {
  it('hold exactly the same shell commands', () => {
    expect(shellBlocks(guides.id)).toEqual(shellBlocks(guides.en));
    expect(shellBlocks(guides.en).length).toBeGreaterThan(15);
  });
});
