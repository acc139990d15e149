#!/usr/bin/env node
// Runs the bundled CLI (built by `npm install` / `npm run build`) and sets the exit code.
import { main } from '../dist/cli.js';

// Ctrl-C and `kill` end the process through 'exit', so temporary files are removed and the
// browser (if one was started) is closed: an interrupted build leaves nothing behind.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

process.exitCode = await main(process.argv.slice(2));
