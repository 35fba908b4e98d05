// Config for the extra Vitest runs (320 px + forced colours, 200% text): the same Storybook, but
// only the story files that have stories tagged `reflow`, so the runs do not load every file
// just to skip it. The tag filter in vitest.config.ts still picks the stories inside them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import base from '../.storybook/main.js';

const uiSource = fileURLToPath(new URL('../../../packages/ui/src/', import.meta.url));
const withReflow = (readdirSync(uiSource, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.stories.tsx'))
  .filter((file) => readFileSync(`${uiSource}${file}`, 'utf8').includes("'reflow'"))
  .map((file) => `../../../packages/ui/src/${file}`);

export default { ...base, stories: withReflow };
