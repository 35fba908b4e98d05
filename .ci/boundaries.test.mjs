import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { appLayerViolations, findViolations, importsOf, isExported } from './boundaries.mjs';

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

  it('reads the imports of an .astro file: frontmatter and scripts, with their lines', () => {
    const text =
      "---\nimport Base from '../layout/Base.astro';\n// import '../nope.js'\n---\n<Base />\n<script>\nimport { go } from './go.js';\n</script>\n";
    assert.deepEqual(importsOf('Page.astro', text), [
      { specifier: '../layout/Base.astro', line: 2 },
      { specifier: './go.js', line: 7 },
    ]);
  });

  it('fails an .astro page that deep-imports another package', () => {
    const root = tree({
      'packages/a/package.json': pkg('@x/a', { '@x/b': 'workspace:^' }),
      'packages/a/src/Page.astro':
        "---\nimport { inner } from '@x/b/src/inner.js';\n---\n<p>{inner}</p>",
      'packages/b/package.json': pkg('@x/b'),
    });
    assert.deepEqual(findViolations(root), [
      'packages/a/src/Page.astro:2: "@x/b/src/inner.js" is not in the public exports of @x/b',
    ]);
  });
});

/** A small packages/app with the given sources under src/ (plus its package.json). */
function app(sources) {
  return tree({
    'packages/app/package.json': pkg('@x/app'),
    ...Object.fromEntries(
      Object.entries(sources).map(([file, body]) => [`packages/app/src/${file}`, body]),
    ),
  });
}

/** The layer rules' violations, without the real tree's known exceptions. */
const layerViolations = (root) => appLayerViolations(root, []);

describe('layers inside packages/app/src', () => {
  it('passes imports that go one way: routes → features → shared', () => {
    const root = app({
      'routes/index.astro':
        "---\nimport Base from '../shared/layout/Base.astro';\nimport HomeIntro from '../overridable/HomeIntro.astro';\nimport { list } from '../features/catalogue/catalogue.js';\n---\n<Base />",
      'shared/layout/Base.astro':
        "---\nimport Header from '../../overridable/Header.astro';\nimport './global.css';\n---\n<Header />",
      'shared/layout/global.css': '',
      'overridable/Header.astro':
        "---\nimport type { HeaderProps } from './contracts.js';\n---\n<header />",
      'overridable/TicketPrint.astro':
        "---\nimport { KioskTicket } from '../features/queue/components/KioskTicket.js';\n---\n<KioskTicket />",
      'features/catalogue/catalogue.ts':
        "import { t } from '../../shared/i18n.js';\nexport const list = t;",
      'features/queue/queue-service.ts':
        "import { list } from '../catalogue/catalogue.js';\nimport type { AppContext } from '../app-context.js';\nexport const q = list;",
      'features/queue/components/Board.tsx':
        "import { sentence } from '../../../overridable/announcement.js';\nimport { q } from '../queue-service.js';",
      'features/app-context.ts': "import type { Q } from './queue/queue-service.js';",
      'server/cli.ts':
        "import { q } from '../features/queue/queue-service.js';\nimport { openapi } from '../api/openapi.js';",
      'api/openapi.ts': "import { list } from '../features/catalogue/catalogue.js';",
      'integration/index.ts': "import type { HeaderProps } from '../overridable/contracts.js';",
      'shared/i18n.ts': 'export const t = 1;',
    });
    assert.deepEqual(layerViolations(root), []);
  });

  it('fails shared importing a feature, in a .ts module and in an .astro frontmatter', () => {
    const root = app({
      'shared/http/respond.ts': "import { can } from '../../features/staff/access-policy.js';",
      'shared/layout/Card.astro':
        "---\nconst x = 1;\nimport { list } from '../../features/catalogue/catalogue.js';\n---\n<p />",
      'features/staff/access-policy.ts': 'export const can = 1;',
      'features/catalogue/catalogue.ts': 'export const list = 1;',
    });
    assert.deepEqual(layerViolations(root), [
      'packages/app/src/shared/http/respond.ts:1: shared may not import features/staff ("../../features/staff/access-policy.js"); see APP_LAYERS',
      'packages/app/src/shared/layout/Card.astro:3: shared/layout may not import features/catalogue ("../../features/catalogue/catalogue.js"); see APP_LAYERS',
    ]);
  });

  it('fails a feature importing a route, the server or the integration', () => {
    const root = app({
      'features/queue/components/Board.tsx':
        "import { handler } from '../../../routes/api/tickets/index.js';",
      'features/queue/queue-service.ts':
        "import { logger } from '../../server/logger.js';\nimport mpp from '../../integration/index.js';",
    });
    assert.deepEqual(layerViolations(root), [
      'packages/app/src/features/queue/components/Board.tsx:1: features/queue/components may not import routes ("../../../routes/api/tickets/index.js"); see APP_LAYERS',
      'packages/app/src/features/queue/queue-service.ts:1: features/queue may not import server ("../../server/logger.js"); see APP_LAYERS',
      'packages/app/src/features/queue/queue-service.ts:2: features/queue may not import integration ("../../integration/index.js"); see APP_LAYERS',
    ]);
  });

  it('fails a feature importing one after it in FEATURE_ORDER, and a feature not placed there', () => {
    const root = app({
      'features/catalogue/catalogue.ts': "import { audit } from '../admin/audit.js';",
      'features/booking/slots.ts': "import { list } from '../catalogue/catalogue.js';",
    });
    assert.deepEqual(layerViolations(root), [
      'packages/app/src/features/booking/slots.ts:1: feature "booking" is not placed in FEATURE_ORDER (.ci/boundaries.mjs) ("../catalogue/catalogue.js"); see APP_LAYERS',
      'packages/app/src/features/catalogue/catalogue.ts:1: features/catalogue may not import features/admin, which comes after it in FEATURE_ORDER ("../admin/audit.js"); see APP_LAYERS',
    ]);
  });

  it('fails an overridable reaching a service, and a non-component feature file importing an overridable', () => {
    const root = app({
      'overridable/Header.astro':
        "---\nimport { QueueService } from '../features/queue/queue-service.js';\n---\n<header />",
      'features/queue/queue-service.ts':
        "import { sentence } from '../../overridable/announcement.js';",
    });
    assert.deepEqual(layerViolations(root), [
      'packages/app/src/features/queue/queue-service.ts:1: features/queue may not import overridable ("../../overridable/announcement.js"); see APP_LAYERS',
      'packages/app/src/overridable/Header.astro:2: overridable may not import features/queue ("../features/queue/queue-service.js"); see APP_LAYERS',
    ]);
  });

  it('skips a listed exception, and reports one that is no longer needed', () => {
    const root = app({
      'shared/http/respond.ts': "import { can } from '../../features/staff/access-policy.js';",
      'shared/time.ts': 'export const now = 1;',
    });
    const exceptions = [
      { file: 'packages/app/src/shared/http/respond.ts', target: 'features/staff', reason: 'r' },
      { file: 'packages/app/src/shared/time.ts', target: 'features/queue', reason: 'r' },
    ];
    assert.deepEqual(appLayerViolations(root, exceptions), [
      'packages/app/src/shared/time.ts: known exception for features/queue no longer needed; remove it from APP_LAYER_EXCEPTIONS',
    ]);
  });

  it('holds on the real tree, with its known exceptions', () => {
    assert.deepEqual(appLayerViolations(join(import.meta.dirname, '..')), []);
  });
});
