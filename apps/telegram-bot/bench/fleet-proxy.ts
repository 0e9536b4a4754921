import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fleetAnswer, type Fleet } from './fleet';

/** One call for the generated fleet, as the proxy saw it. */
export interface FleetCall {
  /** The path, e.g. `/api/Customers/b0b0…/locations` (one customer's check). */
  readonly path: string;
  /** When it arrived, epoch ms. */
  readonly at: number;
  /** Answered, or its caller went away first (a process killed while it waited). */
  outcome: 'waiting' | 'answered' | 'cut';
}

/** A running {@link startFleetProxy}. */
export interface FleetProxy {
  /** Its API base, `http://127.0.0.1:port/api/`: give it to the bot as Plume's. */
  readonly apiBase: string;
  /** Calls answered for the generated fleet so far. */
  fleetCalls(): number;
  /** Every call for the generated fleet so far, oldest first. */
  log(): readonly FleetCall[];
  close(): Promise<void>;
}

async function forward(request: IncomingMessage, response: ServerResponse, upstream: string): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
  const answer = await fetch(new URL(request.url ?? '/', upstream), { method: request.method ?? 'GET', headers });
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
  response.end(body);
}

/**
 * A Plume API on loopback for the benchmarks: the generated fleet's calls are answered after
 * `latencyMs` from `fleet`, every other call is passed on to `upstream` (the simulator's origin),
 * so a bot given this API base sees one Plume cloud with the simulator's customers and the fleet.
 */
export async function startFleetProxy(options: {
  fleet: Fleet;
  upstream: string;
  latencyMs: number;
}): Promise<FleetProxy> {
  let calls = 0;
  const log: FleetCall[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://proxy').pathname;
    const body = fleetAnswer(options.fleet, path);
    const call: FleetCall = { path, at: Date.now(), outcome: 'waiting' };
    if (body !== undefined) log.push(call);
    response.once('close', () => {
      if (call.outcome === 'waiting') call.outcome = 'cut';
    });
    const work =
      body === undefined
        ? forward(request, response, options.upstream)
        : sleep(options.latencyMs).then(() => {
            calls++;
            if (call.outcome === 'waiting') call.outcome = 'answered';
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end(JSON.stringify(body));
          });
    work.catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}/api/`,
    fleetCalls: () => calls,
    log: () => log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
