#!/usr/bin/env node
// The app's command line (start, migrate, check-config); the code is built into dist/.
import '../dist/cli.js';
