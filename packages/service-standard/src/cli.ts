#!/usr/bin/env node
import { run } from './cli/run.js';

// The last line of defence: whatever happens, print a message, never a stack trace.
try {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mpp-standard: kesalahan internal / internal error: ${message}\n`);
  process.exitCode = 2;
}
