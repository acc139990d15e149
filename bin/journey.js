#!/usr/bin/env node
// Runs the bundled CLI (built by `npm install` / `npm run build`) and sets the exit code.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
