#!/usr/bin/env node
import { nationalCatalogue } from '@mpp-kit/service-standard/node';
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  interactive: process.stdin.isTTY === true && !process.env.CI,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  catalogue: nationalCatalogue,
});
