#!/usr/bin/env node
import { runCli } from './cli-main';

runCli(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`), handleSignals: true }).catch(
  (error: unknown) => {
    process.stderr.write(`plume-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
