/** Whether this replica should be sent traffic now, and if not, why. */
export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessOptions {
  /** True once a stop began: the replica finishes its work and takes no more. */
  stopping: () => boolean;
  /** Resolves when the database answers (the storage's `ping`). */
  ping: () => Promise<void>;
  /** How long the database may take to answer. @default 2000 */
  timeoutMs?: number;
}

/**
 * The readiness check of `/healthz/ready`: not stopping, and the database answering within
 * `timeoutMs` (a server that went away can leave a connection attempt hanging for minutes). The
 * database's schema is up to date by then: storage opens only after its migrations ran.
 * @example const ready = readiness({ stopping: () => false, ping: storage.ping }); (await ready()).ready // true
 */
export function readiness(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2000;
  return async () => {
    if (options.stopping()) return { ready: false, reason: 'stopping' };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () => resolve({ ready: false, reason: `database did not answer within ${timeoutMs} ms` }),
        timeoutMs,
      );
      timer.unref();
    });
    const answer = options.ping().then(
      (): Readiness => ({ ready: true }),
      (): Readiness => ({ ready: false, reason: 'database unreachable' }),
    );
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
