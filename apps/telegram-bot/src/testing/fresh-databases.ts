import { afterEach } from '@jest/globals';

/**
 * Opens a new database from `backend` whenever a test asks, and destroys every one a test opened
 * after it: the set-up each contract suite shares. Call it inside the suite's `describe`.
 * @example const database = freshDatabases(backend); it('…', async () => { const db = await database(); });
 */
export function freshDatabases<T extends { destroy(): Promise<void> }>(backend: {
  create(): Promise<T>;
}): () => Promise<T> {
  const opened: T[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
  });
  return async () => {
    const db = await backend.create();
    opened.push(db);
    return db;
  };
}
