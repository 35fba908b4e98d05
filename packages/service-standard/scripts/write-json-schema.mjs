// Writes the package's JSON Schemas into dist/schema/ after tsup has built dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../dist/index.js';

const out = new URL('../dist/schema/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(new URL(name, out), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(jsonSchemaFiles()).length} JSON Schemas to dist/schema/`);
