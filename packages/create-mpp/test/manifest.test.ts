import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addRootTools,
  findLeaks,
  formatLeaks,
  inlineBiomeRoot,
  inlineTsconfigBase,
  projectBiome,
  publishedRange,
  rewriteClimbingPaths,
  rewriteWorkspaceRanges,
  templateSourceOf,
  ticketPrefix,
} from '../src/index.js';
import { tempDir } from './helpers.js';

describe('rewriting workspace: ranges for a published template', () => {
  const workspace = new Map([
    ['@mpp-kit/config', { version: '0.3.1', private: false }],
    ['@mpp-kit/infra-aws', { version: '0.0.0', private: true }],
  ]);

  it('turns each workspace: form into a registry range', () => {
    expect(publishedRange('workspace:^', '0.3.1')).toBe('^0.3.1');
    expect(publishedRange('workspace:*', '0.3.1')).toBe('^0.3.1');
    expect(publishedRange('workspace:~', '0.3.1')).toBe('~0.3.1');
    expect(publishedRange('workspace:^0.2.0', '0.3.1')).toBe('^0.2.0');
  });

  it('rewrites every dependency field and leaves other ranges alone', () => {
    const out = rewriteWorkspaceRanges(
      {
        name: 'app',
        dependencies: { '@mpp-kit/config': 'workspace:^', zod: '^4.0.0' },
        devDependencies: { '@mpp-kit/config': 'workspace:~' },
      },
      workspace,
      'templates/mpp/package.json',
    );
    expect(out.dependencies).toEqual({ '@mpp-kit/config': '^0.3.1', zod: '^4.0.0' });
    expect(out.devDependencies).toEqual({ '@mpp-kit/config': '~0.3.1' });
  });

  it('refuses a range on a private or unknown workspace package, naming file and field', () => {
    expect(() =>
      rewriteWorkspaceRanges(
        { dependencies: { '@mpp-kit/infra-aws': 'workspace:^' } },
        workspace,
        'templates/mpp/package.json',
      ),
    ).toThrow(
      /templates\/mpp\/package.json: dependencies.@mpp-kit\/infra-aws points at a workspace package that is not published/,
    );
  });
});

describe('standalone build settings', () => {
  it('adds the root tools the scripts call, without changing declared ones', () => {
    const out = addRootTools(
      {
        scripts: { build: 'astro build && tsc --noEmit', test: 'vitest run' },
        devDependencies: { vitest: '^5.0.0' },
      },
      { typescript: '6.0.3', vitest: '5.1.1', tsup: '9.0.0', '@types/node': '^24.0.0' },
      true,
    );
    expect(out.devDependencies).toEqual({
      '@types/node': '^24.0.0',
      typescript: '6.0.3',
      vitest: '^5.0.0',
    });
  });

  it('inlines a tsconfig base, the child winning', () => {
    expect(
      inlineTsconfigBase(
        { extends: '../../tsconfig.base.json', compilerOptions: { noEmit: true, strict: false } },
        { compilerOptions: { strict: true, target: 'ES2024' } },
      ),
    ).toEqual({ compilerOptions: { strict: false, target: 'ES2024', noEmit: true } });
  });

  it('gives unique ticket prefixes of one or two capital letters', () => {
    const prefixes = Array.from({ length: 200 }, (_, i) => ticketPrefix(i));
    expect(new Set(prefixes).size).toBe(200);
    for (const p of prefixes) expect(p).toMatch(/^[A-Z]{1,2}$/);
    expect(prefixes.slice(24, 28)).toEqual(['Y', 'Z', 'AA', 'AB']);
  });
});

describe('inlineBiomeRoot', () => {
  it('merges the root settings under a nested config that extends "//"', () => {
    const merged = inlineBiomeRoot(
      {
        $schema: '../../node_modules/@biomejs/biome/configuration_schema.json',
        root: false,
        extends: '//',
        formatter: { lineWidth: 120 },
        overrides: [{ includes: ['**/*.astro'] }],
      },
      {
        $schema: './node_modules/@biomejs/biome/configuration_schema.json',
        formatter: { enabled: true, indentWidth: 2, lineWidth: 100 },
        linter: { enabled: true },
      },
    );
    expect(merged).toEqual({
      formatter: { enabled: true, indentWidth: 2, lineWidth: 120 },
      linter: { enabled: true },
      overrides: [{ includes: ['**/*.astro'] }],
    });
  });
});

describe('projectBiome', () => {
  it('keeps the root style and rules, drops the monorepo file list, uses the project’s Biome', () => {
    const project = projectBiome({
      $schema: './node_modules/@biomejs/biome/configuration_schema.json',
      root: true,
      files: { includes: ['**', '!**/storybook-static', '!.changeset'] },
      formatter: { enabled: true, lineWidth: 100 },
      linter: { enabled: true, rules: { preset: 'recommended' } },
    });
    expect(project).toEqual({
      $schema: './node_modules/@biomejs/biome/configuration_schema.json',
      formatter: { enabled: true, lineWidth: 100 },
      linter: { enabled: true, rules: { preset: 'recommended' } },
    });
  });
});

describe('findLeaks', () => {
  it('finds workspace ranges, the monorepo path and real paths back into it', () => {
    const monorepo = tempDir();
    mkdirSync(join(monorepo, 'templates', 'mpp', 'src'), { recursive: true });
    writeFileSync(join(monorepo, 'tsconfig.base.json'), '{}');
    const project = tempDir();
    mkdirSync(join(project, 'src'));
    writeFileSync(
      join(project, 'package.json'),
      '{\n  "dependencies": { "@mpp-kit/config": "workspace:^" }\n}\n',
    );
    writeFileSync(join(project, 'tsconfig.json'), '{ "extends": "../../tsconfig.base.json" }\n');
    writeFileSync(
      join(project, 'src', 'a.test.ts'),
      `const inputs = ['../..', '../../etc/passwd'];\nconst root = '${monorepo}/x';\n`,
    );
    const leaks = findLeaks(project, {
      monorepoRoot: monorepo,
      sourceOf: templateSourceOf(monorepo),
    });
    expect(formatLeaks(leaks).split('\n')).toEqual([
      'package.json:2: workspace-range: "dependencies": { "@mpp-kit/config": "workspace:^" }',
      `src/a.test.ts:2: monorepo-path: const root = '${monorepo}/x';`,
      'tsconfig.json:1: path-outside-project: { "extends": "../../tsconfig.base.json" }',
    ]);
  });
});

describe('rewriteClimbingPaths', () => {
  const monorepo = tempDir();
  mkdirSync(join(monorepo, 'templates', 'mpp'), { recursive: true });
  mkdirSync(join(monorepo, 'infra', 'aws'), { recursive: true });
  writeFileSync(join(monorepo, 'templates', 'mpp', 'mpp.config.yaml'), 'version: 1\n');
  const ctx = (file: string, source: string) => ({
    file,
    source: join(monorepo, source),
    monorepoRoot: monorepo,
    repositoryBlobUrl: 'https://github.com/mpp-kit/mpp-kit/blob/main',
  });

  it('points a path to another template folder at its place in the project', () => {
    expect(
      rewriteClimbingPaths(
        'mpp-aws:configFile: ../../templates/mpp/mpp.config.yaml\n',
        ctx('infra/Pulumi.example.yaml', 'infra/aws/Pulumi.example.yaml'),
      ),
    ).toBe('mpp-aws:configFile: ../mpp.config.yaml\n');
  });

  it('turns Markdown links into the rest of the monorepo into web links', () => {
    expect(
      rewriteClimbingPaths(
        'See the [guide](../../docs/launch-guide/README.md).',
        ctx('infra/README.md', 'infra/aws/README.md'),
      ),
    ).toBe(
      'See the [guide](https://github.com/mpp-kit/mpp-kit/blob/main/docs/launch-guide/README.md).',
    );
  });

  it('leaves other files and paths inside the folder alone', () => {
    const text = "import x from '../src/a.js';\nconst base = '../../tsconfig.base.json';\n";
    expect(rewriteClimbingPaths(text, ctx('infra/test/a.ts', 'infra/aws/test/a.ts'))).toBe(text);
  });
});

describe('rewriteClimbingPaths in code', () => {
  it('leaves a path inside a Markdown code block as written', () => {
    const monorepo = tempDir();
    mkdirSync(join(monorepo, 'infra', 'aws', 'src'), { recursive: true });
    const text = "```ts\nimport { x } from '../src/index.js';\n```\n";
    expect(
      rewriteClimbingPaths(text, {
        file: 'infra/README.md',
        source: join(monorepo, 'infra', 'aws', 'README.md'),
        monorepoRoot: monorepo,
        repositoryBlobUrl: 'https://github.com/mpp-kit/mpp-kit/blob/main',
      }),
    ).toBe(text);
  });
});

describe('rewriteClimbingPaths to root tools', () => {
  it('points a path into the monorepo root node_modules at the project root node_modules', () => {
    const monorepo = tempDir();
    mkdirSync(join(monorepo, 'templates', 'mpp', 'bench'), { recursive: true });
    expect(
      rewriteClimbingPaths("const biome = resolve(here, '../../../node_modules/.bin/biome');", {
        file: 'bench/run.ts',
        source: join(monorepo, 'templates', 'mpp', 'bench', 'run.ts'),
        monorepoRoot: monorepo,
        repositoryBlobUrl: 'https://github.com/mpp-kit/mpp-kit/blob/main',
      }),
    ).toBe("const biome = resolve(here, '../node_modules/.bin/biome');");
  });
});
