import type { MonitoringDatabase } from './monitoring-db';
import { settle } from './settle';

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
 * The SQLite {@link HistoryPruner} on the monitoring connection.
 * @example await createHistoryPruner(openMonitoringDatabase(file)).prune(Date.now() - 7 * 86_400_000) // { notifications: 0, incidents: 0 }
 */
export function createHistoryPruner(database: MonitoringDatabase): HistoryPruner {
  const { db, transaction } = database;
  const deleteNotifications = db.prepare(
    `DELETE FROM outbox
     WHERE state IN ('sent', 'failed') AND coalesce(sent_at, created_at) < :before
       AND (incident_id IS NULL
            OR incident_id IN (SELECT id FROM incidents WHERE resolved_at IS NOT NULL AND resolved_at < :before)
            OR incident_id NOT IN (SELECT id FROM incidents))`,
  );
  const closedIncidents = `SELECT i.id FROM incidents i
     WHERE i.resolved_at IS NOT NULL AND i.resolved_at < :before
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.incident_id = i.id)`;
  const deletePods = db.prepare(`DELETE FROM incident_pods WHERE incident_id IN (${closedIncidents})`);
  const deleteIncidents = db.prepare(`DELETE FROM incidents WHERE id IN (${closedIncidents})`);
  return {
    prune(before) {
      return settle(() =>
        transaction(() => {
          const notifications = Number(deleteNotifications.run({ before }).changes);
          deletePods.run({ before });
          const incidents = Number(deleteIncidents.run({ before }).changes);
          return { notifications, incidents };
        }),
      );
    },
  };
}
