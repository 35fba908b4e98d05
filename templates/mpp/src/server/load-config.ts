import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { configSchema, type MppConfig } from '../lib/config-schema.js';

/** Thrown when mpp.config.yaml cannot be used; `errors` name file, line and field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly errors: string[],
  ) {
    super(
      `Konfigurasi tidak valid / invalid configuration (${file}):\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
}

/** Reads, parses and validates the configuration file; never returns a partial config. */
export async function loadConfig(file: string): Promise<MppConfig> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [
      `berkas tidak dapat dibaca / cannot read file: ${(error as Error).message}`,
    ]);
  }
  return parseConfig(source, file);
}

/** Parses YAML text; errors carry the line number of the offending node. */
export function parseConfig(source: string, file = 'mpp.config.yaml'): MppConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { merge: true, lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map(
        (e) => `baris/line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`,
      ),
    );
  }
  const result = configSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new ConfigError(
    file,
    result.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const node = doc.getIn(issue.path as (string | number)[], true) as
        | { range?: [number, number, number] }
        | undefined;
      const offset = node?.range?.[0];
      const line = offset === undefined ? '?' : lineCounter.linePos(offset).line;
      return `baris/line ${line}, ${path.join('.') || '(root)'}: ${issue.message}`;
    }),
  );
}
