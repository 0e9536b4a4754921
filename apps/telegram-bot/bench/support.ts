import type { DatabaseUrl } from '../src/database-url';
import { captureLogger } from '../src/testing/capture-logger';
import { seedUsers as seed } from '../src/testing/seed-users';
import { openStorage } from '../src/storage/open-storage';
import { createWatchStore, type WatchTarget } from '../src/storage/watch-store';

/** Nearest-rank percentile of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Stores users who finished /setup and /locations, as the bot would have (with `database`, in PostgreSQL). */
export async function seedUsers(options: {
  dataDir: string;
  key: Buffer;
  ids: readonly number[];
  credentials: { authorization: string; partnerId: string };
  location: { customerId: string; id: string; name: string };
  database?: DatabaseUrl | undefined;
}): Promise<void> {
  const { location, credentials } = options;
  await seed({
    dataDir: options.dataDir,
    key: options.key,
    ids: options.ids,
    credentials: { authorization: credentials.authorization, partnerId: credentials.partnerId },
    selection: { customerId: location.customerId, locationId: location.id, name: location.name },
    database: options.database,
  });
}

/** Stores `userId`'s watches of `targets`, as /watch would (with `database`, in PostgreSQL). */
export async function seedWatches(options: {
  dataDir: string;
  key: Buffer;
  userId: number;
  targets: readonly WatchTarget[];
  database?: DatabaseUrl | undefined;
}): Promise<void> {
  const { logger } = captureLogger({ level: 'silent' });
  const storage = await openStorage({
    dataDir: options.dataDir,
    database: options.database,
    encryptionKey: options.key,
    logger,
  });
  try {
    await createWatchStore(storage.monitoring).watch(options.userId, options.targets, options.targets.length);
  } finally {
    await storage.close();
  }
}
