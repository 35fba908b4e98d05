import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { findViolations, isExported } from './boundaries.mjs';

const roots = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Writes a small monorepo: { 'path/to/file': contents or object (as JSON) }. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'mpp-boundaries-'));
  roots.push(root);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return root;
}

const pkg = (name, deps = {}) => ({
  name,
  exports: { '.': './dist/index.js', './styles.css': './dist/styles.css' },
  dependencies: deps,
});

describe('import boundary check', () => {
  it('passes a clean tree', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a', { '@x/b': 'workspace:^' }),
      'packages/a/src/index.ts':
        "import { b } from '@x/b';\nimport '@x/b/styles.css';\nexport const a = b;",
      'packages/b/package.json': pkg('@x/b'),
      'packages/b/src/index.ts': "// import '../../templates/t/app.js'\nexport const b = 1;",
      'templates/t/package.json': pkg('@x/t', { '@x/a': 'workspace:^' }),
      'templates/t/src/app.ts': "import { a } from '@x/a';\nconsole.log(a);",
    });
    assert.deepEqual(findViolations(root), []);
  });

  it('fails a package that imports from templates, by path or by name', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a', { '@x/t': 'workspace:^' }),
      'packages/a/src/index.ts':
        "import '../../../templates/t/src/app.js';\nimport { t } from '@x/t';",
      'templates/t/package.json': pkg('@x/t'),
      'templates/t/src/index.ts': 'export const t = 1;',
    });
    const violations = findViolations(root);
    assert.ok(
      violations.some((v) =>
        v.startsWith('packages/a/src/index.ts:1: packages may not import from templates/'),
      ),
    );
    assert.ok(
      violations.some((v) =>
        v.startsWith('packages/a/src/index.ts:2: packages may not import from templates/'),
      ),
    );
  });

  it('fails a deep import that the other package does not export', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a', { '@x/b': 'workspace:^' }),
      'packages/a/src/index.ts': "export { inner } from '@x/b/src/inner.js';",
      'packages/b/package.json': pkg('@x/b'),
      'packages/b/src/inner.ts': 'export const inner = 1;',
    });
    assert.deepEqual(findViolations(root), [
      'packages/a/src/index.ts:1: "@x/b/src/inner.js" is not in the public exports of @x/b',
    ]);
  });

  it('fails a relative import into another package', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a'),
      'packages/a/src/index.ts': "const m = await import('../../b/src/index.js');",
      'packages/b/package.json': pkg('@x/b'),
      'packages/b/src/index.ts': 'export const b = 1;',
    });
    const [violation] = findViolations(root);
    assert.match(
      violation,
      /^packages\/a\/src\/index.ts:1: "..\/..\/b\/src\/index.js" reaches outside packages\/a/,
    );
  });

  it('fails an undeclared dependency and a cycle between packages', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a', { '@x/b': 'workspace:^' }),
      'packages/a/src/index.ts': "export * from '@x/b';",
      'packages/b/package.json': pkg('@x/b'),
      'packages/b/src/index.ts': "export * from '@x/a';",
    });
    const violations = findViolations(root);
    assert.ok(
      violations.includes(
        'packages/b/src/index.ts:1: @x/a is imported but not declared in packages/b/package.json',
      ),
    );
    assert.ok(violations.some((v) => /^cycle between packages: @x\/a → @x\/b → @x\/a$/.test(v)));
  });

  it('matches exports patterns', () => {
    const exportsField = { '.': './i.js', './components/*': './c/*.js', './private/*': null };
    assert.equal(isExported(exportsField, './components/button'), true);
    assert.equal(isExported(exportsField, './private/x'), false);
    assert.equal(isExported({ import: './i.js' }, '.'), true);
  });
});
