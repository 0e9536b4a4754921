import type { Outbox } from '../storage/outbox';
import type { WatchStore } from '../storage/watch-store';

/** What the watch commands use of monitoring. */
export interface MonitoringServices {
  watches: WatchStore;
  outbox: Outbox;
  /** Checks new watches soon instead of at their point of the interval. */
  wakeMonitor(): void;
  /** Looks at the outbox now (after deliveries to a chat were resumed). */
  wakeRelay(): void;
  /** How many locations one person may watch. */
  maxWatchesPerPerson: number;
  clock: () => number;
}
