import { describe, expect, it } from 'vitest';
import {
  addRootTools,
  inlineBiomeRoot,
  inlineTsconfigBase,
  publishedRange,
  rewriteWorkspaceRanges,
  ticketPrefix,
} from '../src/index.js';

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
