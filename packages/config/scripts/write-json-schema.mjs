// Writes dist/schema/mpp-config.schema.json after tsup has built dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mppConfigJsonSchema } from '../dist/index.js';

const out = new URL('../dist/schema/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(
  new URL('mpp-config.schema.json', out),
  `${JSON.stringify(mppConfigJsonSchema(), null, 2)}\n`,
);
console.log('wrote dist/schema/mpp-config.schema.json');
