import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Telegram } from 'telegraf';

/** How the connections to the Bot API are kept and reused; see {@link createTelegramTransport}. */
export interface TelegramTransport {
  /**
   * Makes `telegram` (the bot's client, each update's client, or another) call the Bot API through
   * this transport. Call it before anything else wraps `telegram.callApi`.
   */
  attach(this: void, telegram: Telegram): void;
  /** Closes the idle connections. */
  close(this: void): void;
}

export interface TelegramTransportOptions {
  /** The Bot API server: an https root gets a TLS agent. */
  apiRoot: string;
  /** The clock that ages idle connections, in ms. @default performance.now */
  now?: () => number;
  /** The longest a connection is kept idle, unless the server announces a shorter keep-alive. @default 30_000 */
  idleMs?: number;
}

/** One Bot API call as the agent saw it: whether it went out on a kept-alive connection, and whether an answer began. */
interface Attempt {
  reused: boolean;
  answered: boolean;
}

/** Calls sent again at most this many times, each after a kept-alive connection turned out dropped. */
const MAX_RESENDS = 3;

/** What Node's agent does with each request; not in its published types, but the hook proxy agents use. */
interface AgentInternals {
  addRequest(request: ClientRequest, options: object): void;
}

/** The connection broke before any answer: the server had dropped it (reset, or closed before reading). */
function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'FetchError') return false;
  const { code } = error as Error & { code?: unknown };
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/**
 * Node's keep-alive agent forgets an idle connection only when its timer fires, a little before
 * the server's announced keep-alive ends. When the event loop is late (a loaded machine), an
 * update handled before that timer runs reuses a connection the server has already closed, and
 * the call fails with ECONNRESET ("something went wrong", or no answer at all when the apology
 * fails the same way). This agent ages each idle connection by the clock at the moment of reuse
 * and never hands out one idle for longer than its timeout, however late the timers are.
 */
function freshConnectionsAgent(
  secure: boolean,
  now: () => number,
  idleMs: number,
  attempts: AsyncLocalStorage<Attempt>,
) {
  const Base: typeof HttpAgent = secure ? HttpsAgent : HttpAgent;
  const idleSince = new WeakMap<Socket, number>();
  const expired = (socket: Socket) => {
    const since = idleSince.get(socket);
    return since !== undefined && socket.timeout !== undefined && socket.timeout > 0 && now() - since >= socket.timeout;
  };
  class FreshConnectionsAgent extends Base {
    // Node's returns whether to keep the socket (its published types say void).
    override keepSocketAlive(socket: Duplex): boolean {
      const kept = super.keepSocketAlive(socket) as unknown as boolean; // sets the idle timeout, shortened by the server's hint
      if (kept) idleSince.set(socket as Socket, now());
      return kept;
    }

    override reuseSocket(socket: Duplex, request: ClientRequest): void {
      idleSince.delete(socket as Socket);
      super.reuseSocket(socket, request);
    }

    addRequest(request: ClientRequest, options: object): void {
      for (const sockets of Object.values(this.freeSockets)) {
        for (const socket of (sockets ?? []).filter(expired)) {
          sockets?.splice(sockets.indexOf(socket), 1);
          socket.destroy();
        }
      }
      (Base.prototype as unknown as AgentInternals).addRequest.call(this, request, options);
      const attempt = attempts.getStore();
      if (attempt === undefined) return;
      attempt.reused = request.reusedSocket;
      request.once('response', () => (attempt.answered = true));
    }
  }
  return new FreshConnectionsAgent({ keepAlive: true, keepAliveMsecs: 10_000, timeout: idleMs });
}

/**
 * The Bot API connections of the bot: kept alive, never reused once idle longer than the server
 * keeps them (by the clock, not a timer), and a call that still meets a connection the server
 * dropped while it was idle (reset before any answer, on a reused connection) is sent again on a
 * new one, as Node's documentation advises for `request.reusedSocket`. A call that breaks on a new
 * connection, or after an answer began, is not sent again: Telegram may have acted on it. So the
 * one window for a duplicate is a server that reads a call on a kept-alive connection, acts on it
 * and resets the connection before answering.
 *
 * (telegraf drops its own agent for an http:// Bot API root and uses Node's global one; `attach`
 * sets this one on each client, which telegraf builds afresh for every update.)
 * @example
 * const transport = createTelegramTransport({ apiRoot });
 * transport.attach(telegraf.telegram);
 * telegraf.use((ctx, next) => (transport.attach(ctx.telegram), next()));
 */
export function createTelegramTransport(options: TelegramTransportOptions): TelegramTransport {
  const attempts = new AsyncLocalStorage<Attempt>();
  const agent = freshConnectionsAgent(
    options.apiRoot.startsWith('https:'),
    options.now ?? (() => performance.now()),
    options.idleMs ?? 30_000,
    attempts,
  );
  return {
    attach(telegram) {
      telegram.options.agent = agent;
      const callApi = telegram.callApi.bind(telegram) as (
        method: string,
        payload: object,
        o?: object,
      ) => Promise<unknown>;
      telegram.callApi = (async (method: string, payload: object, callOptions?: object) => {
        for (let resends = 0; ; resends += 1) {
          const attempt: Attempt = { reused: false, answered: false };
          try {
            return await attempts.run(attempt, () => callApi(method, payload, callOptions));
          } catch (error) {
            if (resends >= MAX_RESENDS || !attempt.reused || attempt.answered || !isConnectionLost(error)) throw error;
          }
        }
      }) as Telegram['callApi'];
    },
    close: () => agent.destroy(),
  };
}
