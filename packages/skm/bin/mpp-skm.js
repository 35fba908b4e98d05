#!/usr/bin/env node
// A committed entry point, so pnpm can link the command before the package is built;
// the command itself is the built dist/cli.js.
import '../dist/cli.js';
