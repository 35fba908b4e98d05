import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/**
 * Stores, as an import through /loket/admin/katalog does, a catalogue revision holding the
 * national agencies plus one service no agency offers yet: `kemenag.kia-uji` (version 1.0.0, a
 * copy of Dukcapil's KIA standard under another code).
 */
export async function storeCatalogueWithNewService(databaseUrl: string): Promise<void> {
  const dir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@mpp-kit/service-standard/package.json')),
    'catalogue/national',
  );
  const dukcapil = await readFile(path.join(dir, 'dukcapil.yaml'), 'utf8');
  const files = [
    {
      fileName: 'penyelenggara.yaml',
      text: await readFile(path.join(dir, 'penyelenggara.yaml'), 'utf8'),
    },
    {
      fileName: 'dukcapil.yaml',
      text: dukcapil.replace(/code: dukcapil\.kia$/m, 'code: kemenag.kia-uji'),
    },
  ];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `insert into catalogue_revision (username, files, agencies, services) values ('test', $1, 0, 0)`,
      [JSON.stringify(files)],
    );
  } finally {
    await db.end();
  }
}
