import { fixtures, startSimulator } from '@org/plume-simulator';
import { startSandbox, type Sandbox, type SandboxUser } from '@org/telegram-sandbox';
import { percentile } from './support';

/** Messages between the benchmark (parent, the bot) and its load process (child, everything else). */
export type ToLoad =
  { type: 'run'; ids: number[]; command: string; seconds: number } | { type: 'go' } | { type: 'close' };
export type FromLoad =
  | {
      type: 'ready';
      token: string;
      apiRoot: string;
      ssoUrl: string;
      apiBase: string;
      authorization: string;
      partnerId: string;
      location: { customerId: string; id: string; name: string };
    }
  | { type: 'warmed' }
  | ({ type: 'result' } & Replies);

const send = (message: FromLoad) => process.send?.(message);
const next = () => new Promise<ToLoad>((resolve) => process.once('message', (message) => resolve(message as ToLoad)));

/** A "⏳ 3 requests ahead of yours" notice, shown while a request waits for Plume's budget: not the answer. */
const isQueueNotice = (message: { text?: string }) => (message.text ?? '').startsWith('⏳');

/** One command per user, from send to the answer's arrival (not a notice of the place in the queue), in ms. */
async function once(user: SandboxUser, command: string): Promise<number> {
  const started = performance.now();
  await user.send(command);
  await user.waitForMessage((message) => !isQueueNotice(message));
  return performance.now() - started;
}

/** What {@link measureReplies} measured: replies, their rate, and user-side latency percentiles (ms). */
export interface Replies {
  replies: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * Each user sends `command` and waits for the reply, again and again, for `seconds`: the replies,
 * their rate and the user-side latency (send to reply) percentiles.
 */
export async function measureReplies(
  users: readonly SandboxUser[],
  command: string,
  seconds: number,
): Promise<Replies> {
  const samples: number[] = [];
  const began = performance.now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline) samples.push(await once(user, command));
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return {
    replies: samples.length,
    perSecond: samples.length / elapsed,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
  };
}

/** Every user sends `command` once and waits for the reply (token, JIT, database pages). */
export async function warmUp(users: readonly SandboxUser[], command: string): Promise<void> {
  await Promise.all(users.map((user) => once(user, command)));
}

async function load(sandbox: Sandbox, run: Extract<ToLoad, { type: 'run' }>): Promise<void> {
  const users = run.ids.map((id) => sandbox.createUser({ id }));
  await warmUp(users, run.command);
  send({ type: 'warmed' });
  await next();
  send({ type: 'result', ...(await measureReplies(users, run.command, run.seconds)) });
}

/**
 * The load process: the simulator (answering after `latencyMs`), the Telegram stand-in and the
 * users, apart from the bot's process so that the bot's timings are its own.
 */
export async function runLoadProcess(latencyMs: number): Promise<void> {
  const simulator = await startSimulator({ port: 0, latencyMs, wafLimit: false });
  const sandbox = await startSandbox({ port: 0, timeoutMs: 60_000 });
  const { customerId, id, name } = fixtures.locations.adaBeach;
  send({
    type: 'ready',
    token: sandbox.token,
    apiRoot: sandbox.apiRoot,
    ssoUrl: simulator.ssoUrl,
    apiBase: simulator.apiBase,
    ...simulator.credentials,
    location: { customerId, id, name },
  });
  for (let message = await next(); message.type !== 'close'; message = await next()) {
    if (message.type === 'run') await load(sandbox, message);
  }
  await sandbox.close();
  await simulator.close();
  process.exit(0);
}
