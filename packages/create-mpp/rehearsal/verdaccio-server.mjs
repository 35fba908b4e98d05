#!/usr/bin/env node
// Runs Verdaccio for the release rehearsal: `node verdaccio-server.mjs <config.yaml> <port>`.
// Verdaccio 9.0.0-next can throw ERR_HTTP_HEADERS_SENT from a tarball stream's late
// `content-length` event after the response has started; uncaught, that kills the registry in
// the middle of an install. The response is already on its way, so that one error is logged and
// ignored; any other uncaught error still stops the process.
import { runServer } from 'verdaccio';

const [configFile, port] = process.argv.slice(2);
if (!configFile || !port) {
  console.error('usage: verdaccio-server.mjs <config.yaml> <port>');
  process.exit(2);
}
process.on('uncaughtException', (error) => {
  if (error?.code === 'ERR_HTTP_HEADERS_SENT') {
    console.error(`ignored late header on a response already sent: ${error.message}`);
    return;
  }
  console.error(error);
  process.exit(1);
});
const app = await runServer(configFile);
const server = app.listen(Number(port), '127.0.0.1', () => {
  console.log(`verdaccio listening on http://127.0.0.1:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
