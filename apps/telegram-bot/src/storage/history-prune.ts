import type { MonitoringDatabase } from './monitoring-db';

/** What one {@link HistoryPruner.prune} deleted. */
export interface PruneResult {
  /** Notifications sent or given up on. */
  notifications: number;
  /** Closed incidents (with their pods). */
  incidents: number;
}

/** Deletes the monitoring history nothing needs any more. */
export interface HistoryPruner {
  /**
   * In one transaction, deletes what ended before `before` (epoch ms) and nothing still needed:
   * - notifications sent or failed before `before`, except those of an incident still open or
   *   closed since (a recovery replies to its alert's message; reminders count the ones sent);
   * - incidents closed before `before` that no notification waiting to be sent refers to.
   * Pending, sending and paused notifications are never deleted: they are still owed.
   */
  prune(before: number): Promise<PruneResult>;
}

/**
 * The {@link HistoryPruner} on the monitoring database (SQLite or PostgreSQL). Replicas pruning at
 * once delete the same rows: whichever commits second finds nothing left.
 * @example await createHistoryPruner(openMonitoringDatabase(file)).prune(Date.now() - 7 * 86_400_000) // { notifications: 0, incidents: 0 }
 */
export function createHistoryPruner(database: MonitoringDatabase): HistoryPruner {
  const closedIncidents = `SELECT i.id FROM incidents i
     WHERE i.resolved_at IS NOT NULL AND i.resolved_at < $1
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = i.id)`;
  return {
    prune(before) {
      return database.transaction(function* (tx) {
        const notifications = yield* tx.run(
          `DELETE FROM outbox
           WHERE state IN ('sent', 'failed') AND coalesce(sent_at, created_at) < $1
             AND (incident_id IS NULL
                  OR incident_id IN (SELECT id FROM incidents WHERE resolved_at IS NOT NULL AND resolved_at < $1)
                  OR incident_id NOT IN (SELECT id FROM incidents))`,
          [before],
        );
        yield* tx.run(`DELETE FROM incident_pods WHERE incident_id IN (${closedIncidents})`, [before]);
        const incidents = yield* tx.run(`DELETE FROM incidents WHERE id IN (${closedIncidents})`, [before]);
        return { notifications, incidents };
      });
    },
  };
}
