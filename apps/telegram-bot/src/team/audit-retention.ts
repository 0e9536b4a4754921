import type { Logger } from '../logger';
import type { AuditStore } from '../storage/team-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Enforces the audit log's retention: deletes the entries older than `days` now, then once a day.
 * Returns the function that stops it. Failures are logged and tried again the next day.
 * @example const stop = startAuditRetention({ audit: team, days: 90, clock: Date.now, logger });
 */
export function startAuditRetention(options: {
  audit: Pick<AuditStore, 'purgeAudit'>;
  days: number;
  clock: () => number;
  logger: Logger;
}): () => void {
  const { audit, days, clock, logger } = options;
  const purge = () => {
    audit
      .purgeAudit(clock() - days * DAY_MS)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted, days }, 'Deleted audit entries past their retention.');
      })
      .catch((err: unknown) => logger.warn({ err }, 'Could not enforce the audit retention; trying again tomorrow.'));
  };
  purge();
  const timer = setInterval(purge, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
