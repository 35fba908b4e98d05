#!/usr/bin/env node
// Size budgets of the built package (run after `build`), checked in CI:
//   - all CSS (dist/styles.css) ≤ 20 KB gzip;
//   - the JS of the citizen-facing components ≤ 25 KB gzip, React excluded;
//   - tree-shaking: a bundle importing only Button contains no other component, and
//     dist/css/button.css holds only Button's rules.
// Sizes are measured on minified bundles made with esbuild, as an app's bundler would.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
const KB = 1024;
const problems = [];
const gz = (text) => gzipSync(text, { level: 9 }).length;

async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const css = readFileSync(`${dist}styles.css`, 'utf8');
const cssGzip = gz(css);
if (cssGzip > 20 * KB) problems.push(`all CSS is ${cssGzip} B gzip, over the 20 KB budget`);

const citizen = [
  'SkipLink',
  'Header',
  'LanguageSwitcher',
  'Footer',
  'ServiceNavigation',
  'Breadcrumbs',
  'BackLink',
  'Label',
  'Hint',
  'ErrorMessage',
  'Fieldset',
  'TextInput',
  'Textarea',
  'CharacterCount',
  'Select',
  'Radios',
  'Checkboxes',
  'DateInput',
  'NikInput',
  'PhoneInput',
  'Button',
  'ErrorSummary',
  'Form',
  'NotificationBanner',
  'Panel',
  'Tag',
  'StatusBadge',
  'SummaryList',
  'Table',
  'Pagination',
  'Details',
  'Accordion',
  'Tabs',
  'ServiceStandardView',
  'ServiceTile',
  'KioskShell',
  'TicketCard',
  'LikertScale',
  'I18nProvider',
  'LiveAnnouncer',
  'VisuallyHidden',
];
const exported = new Set(Object.keys(await import(`${dist}index.js`)));
const present = citizen.filter((name) => exported.has(name));
const citizenJs = await bundle(`export { ${present.join(', ')} } from './index.js';`);
const jsGzip = gz(citizenJs);
if (jsGzip > 25 * KB) problems.push(`citizen-facing JS is ${jsGzip} B gzip, over the 25 KB budget`);

// Tree-shaking: Button alone.
const buttonJs = await bundle(`import { Button } from './index.js'; console.log(Button);`);
const others = [...css.matchAll(/\.mpp-([a-z-]+?)(?:__|--|[^a-z-])/g)]
  .map((match) => match[1])
  .filter((name) => !['button', 'visually-hidden', 'root'].includes(name));
const leaked = [...new Set(others)].filter((name) => buttonJs.includes(`mpp-${name}`));
if (leaked.length)
  problems.push(`a bundle of Button alone contains other components: ${leaked.join(', ')}`);
if (buttonJs.includes('Skip to main content'))
  problems.push('a bundle of Button alone contains the English catalogue');
const buttonCss = readFileSync(`${dist}css/button.css`, 'utf8');
const foreignCss = [
  ...new Set([...buttonCss.matchAll(/\.mpp-([a-z-]+?)(?:__|--|[^a-z-])/g)].map((m) => m[1])),
].filter((name) => name !== 'button' && name !== 'root');
if (foreignCss.length) problems.push(`css/button.css has rules of: ${foreignCss.join(', ')}`);

console.log(`all CSS: ${(cssGzip / KB).toFixed(1)} KB gzip (budget 20 KB)`);
console.log(
  `citizen-facing JS (${present.length} exports): ${(jsGzip / KB).toFixed(1)} KB gzip (budget 25 KB)`,
);
console.log(
  `Button alone: ${(gz(buttonJs) / KB).toFixed(1)} KB gzip JS, ${(gz(buttonCss) / KB).toFixed(1)} KB gzip CSS`,
);
if (problems.length) {
  console.error(`Budgets not met:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('budgets: all met');
