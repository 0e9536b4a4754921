import { startBotProcess, type BotProcess } from './bot-process';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';

/** The webhook's path on every replica (and on the proxy in front of them). */
export const WEBHOOK_PATH = '/telegram';

/** One bot replica: its own process and HTTP server (webhook, `/healthz`, `/metrics`). */
export interface Replica {
  /** Its `REPLICA_ID`. */
  readonly id: string;
  /** Its HTTP server's origin, as it logged it at start. */
  readonly url: string;
  readonly process: BotProcess;
}

/** Bot replicas in webhook mode behind one round-robin proxy, as `compose.yaml` runs them. */
export interface ReplicaFleet {
  /** The proxy Telegram posts to: the webhook URL is `${proxy.url}${WEBHOOK_PATH}`. */
  readonly proxy: RoundRobinProxy;
  /** The replicas started and not stopped (a replica killed with SIGKILL stays listed until `stop`). */
  replicas(): readonly Replica[];
  /** Starts one more replica (with `env` on top of the fleet's) and puts it in the proxy's rotation. */
  start(id: string, env?: Record<string, string>): Promise<Replica>;
  /** Stops every replica still running (SIGTERM) and the proxy. */
  stop(): Promise<void>;
}

/** The origin a replica's "Bot started" log line gives (`http`: the URL of its HTTP server). */
function loggedUrl(line: string): string {
  const { http } = JSON.parse(line) as { http?: unknown };
  if (typeof http !== 'string') throw new Error(`The replica started without an HTTP server: ${line}`);
  return http;
}

/**
 * Starts the proxy, then one bot process per id, all at once (so that their start-up migrations
 * race, as replicas' do), each with `env` plus its `REPLICA_ID`, a free `PORT` on 127.0.0.1 and
 * `WEBHOOK_URL` pointing at the proxy; `env` gives the rest (the database, Telegram, Plume, the key).
 * @throws {Error} with a replica's output when it exits or stays silent instead of starting
 * @example const fleet = await startReplicaFleet({ main: built.main, ids: ['r1', 'r2'], env }); ...; await fleet.stop();
 */
export async function startReplicaFleet(options: {
  main: string;
  ids: readonly string[];
  env: Record<string, string>;
  /** Settings of one replica's own, on top of `env` (e.g. its `PLUME_EGRESS_ID`). */
  envOf?: (id: string) => Record<string, string>;
}): Promise<ReplicaFleet> {
  const proxy = await startRoundRobinProxy();
  const started: Replica[] = [];
  const start = async (id: string, env: Record<string, string> = {}) => {
    const process = await startBotProcess(options.main, {
      ...options.env,
      REPLICA_ID: id,
      HOST: '127.0.0.1',
      PORT: '0',
      WEBHOOK_URL: `${proxy.url}${WEBHOOK_PATH}`,
      ...env,
    });
    const replica = { id, url: loggedUrl(await process.waitForLog('Bot started')), process };
    started.push(replica);
    proxy.add(replica.url);
    return replica;
  };
  const stop = async () => {
    await Promise.all(started.map((replica) => replica.process.kill('SIGTERM')));
    started.length = 0;
    await proxy.close();
  };
  const failed = (await Promise.allSettled(options.ids.map((id) => start(id, options.envOf?.(id))))).find(
    (r) => r.status === 'rejected',
  );
  if (failed !== undefined) {
    await stop();
    throw failed.reason;
  }
  return { proxy, replicas: () => [...started], start, stop };
}
