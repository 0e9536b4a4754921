import { join } from 'node:path';
import { createLogger } from '../src/logger';
import { createCipher } from '../src/security/cipher';
import { createSqliteUserStore, DATABASE_FILE_NAME } from '../src/storage/sqlite-user-store';

/** Nearest-rank percentile of milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Stores users who finished /setup and /locations, as the bot would have. */
export async function seedUsers(options: {
  dataDir: string;
  key: Buffer;
  ids: readonly number[];
  credentials: { authorization: string; partnerId: string };
  location: { customerId: string; id: string; name: string };
}): Promise<void> {
  const store = createSqliteUserStore({
    file: join(options.dataDir, DATABASE_FILE_NAME),
    cipher: createCipher(options.key),
    logger: createLogger({ level: 'silent' }),
  });
  const { authorization, partnerId } = options.credentials;
  const selection = {
    customerId: options.location.customerId,
    locationId: options.location.id,
    name: options.location.name,
  };
  for (const id of options.ids) {
    await store.update(id, (state) => ({
      ...state,
      credentials: { authorization, partnerId },
      selection,
      recent: [selection],
    }));
  }
  await store.close();
}
