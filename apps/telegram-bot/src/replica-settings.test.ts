import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { Telegram } from 'telegraf';
import { z } from 'zod';
import { createConfig } from './config';
import { parseDatabaseUrl } from './database-url';
import { createBotMetrics } from './http/bot-metrics';
import { createMetricsRegistry } from './http/metrics';
import { createMonitoring } from './monitoring/start-monitoring';
import { createPlumeGateway } from './plume/gateway';
import { openStorage, type Storage } from './storage/open-storage';
import { createOutbox } from './storage/outbox';
import { captureLogger } from './testing/capture-logger';
import { createTestDatabase, type TestDatabase } from './testing/postgres';
import { message } from './testing/update-inbox-contract';

// The lease and heartbeat settings, from the environment to the stores and the job queue they govern.
describe('INBOX_LEASE_SECONDS, OUTBOX_LEASE_SECONDS and JOB_HEARTBEAT_SECONDS at work', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  const opened: Storage[] = [];
  let now = 1_000_000;
  const clock = () => now;
  const { logger } = captureLogger();
  const encryptionKey = randomBytes(32);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'replica-settings-'));
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await database?.drop();
    database = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A replica's storage on the test database, opened as startApp opens it from `config`. */
  async function replica(id: string, env: Record<string, string>): Promise<Storage> {
    const config = createConfig({ ...env, REPLICA_ID: id });
    database ??= await createTestDatabase();
    const storage = await openStorage({
      dataDir,
      logger,
      clock,
      database: parseDatabaseUrl(database.url),
      encryptionKey,
      replicaId: config.replicaId,
      updateLeaseMs: config.inboxLeaseMs,
      jobHeartbeatSeconds: config.jobHeartbeatSeconds,
    });
    opened.push(storage);
    return storage;
  }

  it("takes a dead replica's update over once INBOX_LEASE_SECONDS ran out, not before", async () => {
    const env = { INBOX_LEASE_SECONDS: '5' };
    const [dead, alive] = [await replica('r1', env), await replica('r2', env)];
    expect(await dead.inbox.admit(message(1, 7, '/status'), '7')).toEqual({ status: 'new' });
    now += 5_000;
    expect(await alive.inbox.pending()).toEqual([]);
    now += 1;
    expect((await alive.inbox.pending()).map((pending) => pending.update.update_id)).toEqual([1]);
  });

  it('gives pg-boss the JOB_HEARTBEAT_SECONDS of each kind of job', async () => {
    const storage = await replica('r1', { JOB_HEARTBEAT_SECONDS: '12' });
    storage.jobs.define({
      name: 'heartbeat-probe',
      data: z.object({}),
      expireMs: 60_000,
      run: () => Promise.resolve(),
    });
    await storage.jobs.start();
    const client = new Client({ connectionString: database?.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ heartbeat_seconds: number }>(
        `SELECT heartbeat_seconds FROM pgboss.queue WHERE name = 'heartbeat-probe'`,
      );
      expect(rows).toEqual([{ heartbeat_seconds: 12 }]);
    } finally {
      await client.end();
    }
  });

  it("lets another relay send a notification once the relay's OUTBOX_LEASE_SECONDS claim ran out", async () => {
    const config = createConfig({ OUTBOX_LEASE_SECONDS: '20' });
    const storage = await openStorage({ dataDir, logger, clock });
    opened.push(storage);
    const monitoring = createMonitoring({
      database: storage.monitoring,
      jobs: storage.jobs,
      replicaId: config.replicaId,
      credentialsOf: () => Promise.resolve(null),
      plume: createPlumeGateway({ defaults: {}, queue: { maxWaitMs: 30_000 } }),
      // Never called: nothing here is sent.
      telegram: new Telegram('1:unused', { apiRoot: 'http://127.0.0.1:9' }),
      logger,
      metrics: createBotMetrics(createMetricsRegistry()),
      intervalMs: 300_000,
      maxWatchesPerPerson: 10,
      outboxLeaseMs: config.outboxLeaseMs,
      clock,
    });
    const body = JSON.stringify({
      decision: { kind: 'unknown', key: 'L1:noData', condition: 'noData', since: 'x', at: 'x' },
    });
    await storage.monitoring.read((sql) =>
      sql.run(
        `INSERT INTO outbox (user_id, kind, body, state, created_at, next_attempt_at) VALUES (7, 'unknown', $1, 'pending', 0, 0)`,
        [body],
      ),
    );
    const claimedAt = now;
    expect(await monitoring.services.outbox.claim(claimedAt, 10)).toHaveLength(1);
    const other = createOutbox(storage.monitoring, { owner: 'another-relay' });
    expect(await other.claim(claimedAt + 20_000 - 1, 10)).toEqual([]);
    expect(await other.claim(claimedAt + 20_000, 10)).toHaveLength(1);
  });
});
