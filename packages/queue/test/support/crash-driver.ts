/**
 * Child process for the crash test: drives load (issues and calls) against
 * PostgreSQL and prints one line per acknowledged (committed) command, until it is
 * killed. Usage: node crash-driver.ts <database-url> <site-id> <session-id>...
 */
import pg from 'pg';

// Runs the built package (the test task depends on the build); typed from the source.
const dist = new URL('../../dist/index.js', import.meta.url).href;
const { createPostgresStore, createQueue } = (await import(
  dist
)) as typeof import('../../src/index.js');

const [url, siteId, ...sessions] = process.argv.slice(2);
if (!url || !siteId) throw new Error('usage: crash-driver <url> <site> <session>...');
const pool = new pg.Pool({ connectionString: url, max: 12 });
const queue = createQueue({ store: createPostgresStore({ pool }) });
const out = (line: string) => process.stdout.write(`${line}\n`);

let next = 0;
const issuers = Array.from({ length: 4 }, async () => {
  for (;;) {
    const i = next++;
    const { ticket } = await queue.issue({
      siteId,
      serviceId: 'ktp',
      channel: 'kiosk',
      idempotencyKey: `crash-${i}`,
    });
    out(`ISSUED ${i} ${ticket?.id} ${ticket?.label}`);
  }
});
const callers = sessions.map(async (sessionId) => {
  for (;;) {
    const { ticket } = await queue.callNext({ siteId, sessionId });
    if (!ticket) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    out(`CALLED ${ticket.id}`);
    await queue.startServing({ siteId, sessionId, ticketId: ticket.id });
    await queue.finish({ siteId, sessionId, ticketId: ticket.id });
    out(`SERVED ${ticket.id}`);
  }
});
await Promise.all([...issuers, ...callers]);
