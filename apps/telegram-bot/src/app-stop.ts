import type { Logger } from './logger';
import type { ClaimKeeper } from './middleware/claim-keeper';
import type { UpdateDispatcher } from './middleware/dispatcher';
import type { UpdateInbox } from './storage/update-inbox';

/** Long polling, when the bot polls (no webhook). */
export interface AppPolling {
  /** Settles when polling ends: by `stop`, or by itself (another instance took the token, the token was revoked). */
  running: Promise<void>;
  /** Ends polling (telegraf's `stop`). */
  stop(reason: string): void;
}

export interface AppStopOptions {
  logger: Logger;
  /** Called first: from now on the webhook answers 503, so the proxy or Telegram delivers elsewhere. */
  stopAccepting: () => void;
  claims: ClaimKeeper;
  dispatcher: Pick<UpdateDispatcher, 'idle' | 'inFlight' | 'abandon'>;
  inbox: Pick<UpdateInbox, 'release'>;
  polling?: AppPolling | undefined;
  /** Closes everything else, once the updates are finished or handed back (the HTTP server, monitoring, storage…). */
  close: () => Promise<void>;
  /** How long a stop waits for the updates in flight when its caller gives no grace. */
  graceMs: number;
}

/** A running app's way out. */
export interface AppStop {
  /** Stops (once: a second call returns the first one's promise); see {@link createAppStop}. */
  stop(this: void, reason: string, graceMs?: number): Promise<void>;
  /** Settles when the app has stopped; rejects with polling's error when polling ended by itself. */
  stopped: Promise<void>;
}

/**
 * The stop and hand-back sequence of a running bot: stop accepting updates, take over nothing
 * more, end polling, let the updates in flight finish (up to the grace), then hand back those still
 * unfinished (another replica takes them at once instead of after the lease; on SQLite the next
 * start does) and close everything. Polling that ends by itself stops the app too, and `stopped`
 * rejects with its error.
 * @example const { stop, stopped } = createAppStop({ logger, stopAccepting, claims, dispatcher, inbox, close, graceMs: 10_000 }); await stop('SIGTERM');
 */
export function createAppStop(options: AppStopOptions): AppStop {
  const { logger, claims, dispatcher, inbox, polling } = options;
  let failure: unknown;
  let settle!: () => void;
  let fail!: (error: unknown) => void;
  const stopped = new Promise<void>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let stopping: Promise<void> | undefined;
  const stop = (reason: string, graceMs = options.graceMs) =>
    (stopping ??= (async () => {
      options.stopAccepting();
      claims.drain();
      logger.info({ reason }, 'Stopping: finishing the updates in flight');
      if (polling !== undefined) {
        if (failure === undefined) polling.stop(reason);
        await polling.running.catch(() => undefined);
      }
      const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
      if ((await Promise.race([dispatcher.idle(), grace])) === 'timeout') {
        logger.warn(
          { updates: dispatcher.inFlight() },
          'Some updates were still running: they stay in the inbox, and the next start resumes them.',
        );
      }
      dispatcher.abandon();
      await claims.stop();
      // What is left goes to another replica at once, not after the lease (on SQLite, to the next start).
      const handedBack = await inbox.release().catch((err: unknown) => {
        logger.warn({ err }, 'Could not hand back the unfinished updates: another replica takes them after the lease.');
        return 0;
      });
      if (handedBack > 0) logger.info({ updates: handedBack }, 'Handed back the updates left unfinished.');
      await options.close();
      logger.info('Stopped');
      if (failure === undefined) settle();
      else fail(failure);
    })());
  // Polling can also end by itself: another instance took the token (409), the token was revoked (401).
  polling?.running.catch((error: unknown) => {
    failure = error;
    void stop('polling failed').catch(() => undefined);
  });
  return { stop, stopped };
}
