import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/logger';
import { selectLocation, rememberRefs } from '../src/storage/refs';
import { createCipher } from '../src/security/cipher';
import { openSqliteTeamStore } from '../src/storage/sqlite-team-store';
import { createSqliteUserStore, DATABASE_FILE_NAME } from '../src/storage/sqlite-user-store';
import type { UserState } from '../src/storage/user-state';

/**
 * Disk and memory cost of stored users: each set up alone (a workspace with sealed credentials, its
 * member row with a display name and a purpose), a selection, 5 recent locations, 20 button refs. Heap is what JavaScript keeps per user; RSS growth (in all, not per user) adds SQLite's
 * bounded page cache and what the allocator kept from the writes.
 */
export async function measureStorage(
  users: number,
): Promise<{ users: number; bytesPer1000: number; heapPer1000: number; rssGrowth: number; readsPerSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-store-'));
  const file = join(dir, DATABASE_FILE_NAME);
  const cipher = createCipher(randomBytes(32));
  const logger = createLogger({ level: 'silent' });
  const store = createSqliteUserStore({ file, cipher, logger });
  const team = openSqliteTeamStore({ file, cipher, logger });
  const credentials = { authorization: `Basic ${randomBytes(48).toString('base64')}`, partnerId: 'a'.repeat(24) };
  globalThis.gc?.();
  const before = process.memoryUsage();
  for (let id = 1; id <= users; id++) {
    await team.saveCredentials(id, credentials);
    await team.noteActivity(id, `Agent ${id} Lastname (@agent_${id})`);
    await team.setPurpose(id, `ticket ${id}`, Date.now() + 3_600_000);
    await store.update(id, (state): UserState => {
      let next: UserState = state;
      for (let i = 0; i < 5; i++)
        next = selectLocation(next, {
          customerId: randomBytes(12).toString('hex'),
          locationId: randomBytes(12).toString('hex'),
          name: `Location ${i}`,
        });
      const targets = Array.from({ length: 20 }, (_, i) => ({
        kind: 'location' as const,
        customerId: randomBytes(12).toString('hex'),
        locationId: randomBytes(12).toString('hex'),
        name: `Store ${i}`,
      }));
      return rememberRefs(next, targets).state;
    });
  }
  globalThis.gc?.();
  const after = process.memoryUsage();
  const started = performance.now();
  for (let i = 0; i < 5_000; i++) await store.get(1 + (i % users));
  const readsPerSecond = 5_000 / ((performance.now() - started) / 1000);
  await store.close();
  await team.close();
  const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  rmSync(dir, { recursive: true, force: true });
  return {
    users,
    bytesPer1000: (bytes / users) * 1000,
    heapPer1000: (Math.max(0, after.heapUsed - before.heapUsed) / users) * 1000,
    rssGrowth: after.rss - before.rss,
    readsPerSecond,
  };
}
