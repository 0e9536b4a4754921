/** Whether this replica should be sent traffic now, and if not, why. */
export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessOptions {
  /** True once a stop began: the replica finishes its work and takes no more. */
  stopping: () => boolean;
  /**
   * True once the job scheduler runs (its `running`): on PostgreSQL, pg-boss has installed or
   * migrated its schema, which it does at its start, after the storage's own migrations.
   */
  jobsRunning: () => boolean;
  /** True while the bot is still starting (resuming updates, setting its webhook). @default never */
  starting?: () => boolean;
  /** Resolves when the database answers (the storage's `ping`). */
  ping: () => Promise<void>;
  /** How long the database may take to answer. @default 2000 */
  timeoutMs?: number;
}

/**
 * The readiness check of `/healthz/ready`: not stopping, every migration done, started, and the
 * database answering within `timeoutMs` (a server that went away can leave a connection attempt
 * hanging for minutes). The storage's schema is up to date once it is open (it opens after its
 * migrations ran); pg-boss's once the job scheduler runs. Reasons, checked in this order:
 * `stopping`, `job queue not started`, `starting`, then the database's.
 * @example const ready = readiness({ stopping: () => false, jobsRunning: storage.jobs.running, ping: storage.ping }); (await ready()).ready // true
 */
export function readiness(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2000;
  return async () => {
    if (options.stopping()) return { ready: false, reason: 'stopping' };
    if (!options.jobsRunning()) return { ready: false, reason: 'job queue not started' };
    if (options.starting?.() === true) return { ready: false, reason: 'starting' };
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
