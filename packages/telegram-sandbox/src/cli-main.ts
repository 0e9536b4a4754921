import { parseArgs } from 'node:util';
import { SandboxError } from './errors';
import type { Sandbox } from './sandbox';
import { startSandbox } from './start';

const USAGE = `Usage: telegram-sandbox [--port 8081] [--host 127.0.0.1] [--token 123456:ABC…] [--timeout-ms 3000]

Starts a local Telegram Bot API stand-in with a web chat. Point your bot at the printed API root
with the printed token (telegraf: telegram.apiRoot, grammY: client.apiRoot), then open the web chat.
The token defaults to $TELEGRAM_SANDBOX_TOKEN, else a generated one. Stop with Ctrl+C.`;

/** Where the command writes and whether it stops on SIGINT/SIGTERM. */
export interface CliIo {
  out: (line: string) => void;
  handleSignals?: boolean;
  env?: Record<string, string | undefined>;
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SandboxError(
      'INVALID_OPTIONS',
      `--port must be an integer from 0 to 65535, got ${JSON.stringify(value)}`,
    );
  }
  return port;
}

/**
 * The `telegram-sandbox` command: starts a sandbox from command-line flags and prints where it
 * listens. Resolves with the sandbox (or `undefined` after `--help`).
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<Sandbox | undefined> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      token: { type: 'string', short: 't' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return undefined;
  }
  const token = values.token ?? io.env?.TELEGRAM_SANDBOX_TOKEN;
  const timeoutMs = values['timeout-ms'] === undefined ? undefined : Number(values['timeout-ms']);
  const sandbox = await startSandbox({
    port: portOf(values.port) ?? 8081,
    ...(values.host ? { host: values.host } : {}),
    ...(token ? { token } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  io.out('Telegram sandbox is running.');
  io.out(`  Web chat:   ${sandbox.webUrl}`);
  io.out(`  API root:   ${sandbox.apiRoot}`);
  io.out(`  Bot token:  ${sandbox.token}`);
  io.out(`  Bot:        @${sandbox.bot.username}`);
  io.out('Start your bot with this API root and token, then open the web chat. Ctrl+C stops.');
  if (io.handleSignals) {
    const stop = () => {
      void sandbox.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return sandbox;
}
