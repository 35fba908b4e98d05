#!/usr/bin/env node
// Ships the CSS as files: dist/tokens.css (tokens + base), dist/css/<component>.css for each
// component folder (its own CSS plus the CSS of the kit components it renders, found by
// following its imports), and dist/styles.css with all of them. Minified with esbuild; no CSS reaches
// the JavaScript, so components render in plain Node and bundlers never see a CSS import.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const src = new URL('../src/', import.meta.url).pathname;
const dist = new URL('../dist/', import.meta.url).pathname;
const minify = async (css, file) =>
  (await transform(css, { loader: 'css', minify: true, target: 'chrome100', sourcefile: file }))
    .code;

mkdirSync(join(dist, 'css'), { recursive: true });
const foundation = ['tokens.css', 'base.css']
  .map((name) => readFileSync(join(src, 'foundations', name), 'utf8'))
  .join('\n');
const parts = [foundation];
writeFileSync(join(dist, 'tokens.css'), await minify(foundation, 'tokens.css'));
const components = readdirSync(join(src, 'components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const ownCss = (name) => {
  const folder = join(src, 'components', name);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.css'))
    .sort()
    .map((file) => readFileSync(join(folder, file), 'utf8'))
    .join('\n');
};
/** Component folders that `name`'s non-test sources import, transitively, dependencies first. */
const withDependencies = (name, seen = new Set()) => {
  if (seen.has(name)) return [];
  seen.add(name);
  const folder = join(src, 'components', name);
  const order = [];
  for (const file of readdirSync(folder)) {
    if (!/\.tsx?$/.test(file) || /\.(test|stories)\.tsx?$/.test(file)) continue;
    const code = readFileSync(join(folder, file), 'utf8');
    for (const [, dep] of code.matchAll(/from '\.\.\/([\w-]+)\/[\w-]+\.js'/g)) {
      order.push(...withDependencies(dep, seen));
    }
  }
  order.push(name);
  return order;
};
for (const name of components) {
  const own = ownCss(name);
  if (own) parts.push(own);
  const css = withDependencies(name).map(ownCss).filter(Boolean).join('\n');
  if (css) writeFileSync(join(dist, 'css', `${name}.css`), await minify(css, `${name}.css`));
}
writeFileSync(join(dist, 'styles.css'), await minify(parts.join('\n'), 'styles.css'));
console.log(
  `CSS: tokens.css, styles.css and ${readdirSync(join(dist, 'css')).length} component files`,
);
