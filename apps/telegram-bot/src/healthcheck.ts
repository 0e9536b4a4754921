/**
 * The container's health check (`HEALTHCHECK` in the Dockerfile): asks this process's bot for
 * `/healthz/ready` (`node dist/healthcheck.js ready`, the default) or `/healthz/live` (`live`) on
 * `PORT`, and exits 0 when it answers 200, 1 otherwise (no answer within 4 s included). It reads
 * nothing else: no secret, no configuration check.
 * @example node apps/telegram-bot/dist/healthcheck.js ready   # exit status 0: ready
 */
const which = process.argv[2] ?? 'ready';
const port = process.env.PORT;
const host = process.env.HOST;
if (which !== 'ready' && which !== 'live') {
  process.stderr.write(`usage: healthcheck.js [ready|live] (not ${which})\n`);
  process.exit(2);
}
if (port === undefined || !/^\d+$/.test(port.trim()) || Number(port) === 0) {
  process.stderr.write('healthcheck: PORT must be the port the bot listens on\n');
  process.exit(2);
}
// A bot listening on every interface answers on loopback; one bound to an address, there.
const target = host === undefined || host === '' || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const url = `http://${target.includes(':') ? `[${target}]` : target}:${port.trim()}/healthz/${which}`;
/** Asks the bot once; resolves with the exit status. */
async function ask(): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
    process.stdout.write(`${response.status} ${await response.text()}`);
    return response.status === 200 ? 0 : 1;
  } catch (error) {
    process.stdout.write(`no answer from ${url}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

void ask().then((status) => process.exit(status));
