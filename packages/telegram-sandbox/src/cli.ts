#!/usr/bin/env node
import { runCli } from './cli-main';

runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  handleSignals: true,
  env: process.env,
}).catch((error: unknown) => {
  process.stderr.write(`telegram-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
