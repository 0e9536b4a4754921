import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '@org/plume-simulator';
import { startSandbox, type Sandbox } from '@org/telegram-sandbox';
import { createTestDatabase, type TestDatabase } from '../src/testing/postgres';
import { startReplicaFleet, type ReplicaFleet } from '../src/testing/replica-fleet';

/** The key every replica holds (a benchmark's data is thrown away). */
export const BENCH_KEY = '00'.repeat(32);

/** The throwaway PostgreSQL server the tests use, started by their jest setup's own module. */
interface PostgresModule {
  startPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
}

/** What every replica benchmark runs against: PostgreSQL, Plume (the simulator) and Telegram (the sandbox). */
export interface ReplicaServers {
  simulator: Simulator;
  sandbox: Sandbox;
  /** A fresh database on the PostgreSQL server, for one measurement. */
  database(): Promise<TestDatabase>;
  /**
   * Starts `count` replicas (`dist/main.js`) on `database`, with `env` on top of the common settings;
   * with `ownEgress`, each replica has a `PLUME_EGRESS_ID` of its own (its own Plume budget, as
   * replicas behind different addresses have).
   */
  replicas(
    count: number,
    database: TestDatabase,
    options?: { env?: Record<string, string>; ownEgress?: boolean },
  ): Promise<ReplicaFleet>;
  close(): Promise<void>;
}

/**
 * Starts the simulator (answering after `latencyMs`, no firewall: the bot's own budget is what is
 * measured), the sandbox and PostgreSQL: `BENCH_DATABASE_URL` when set (a server on which databases
 * may be created), else a throwaway server as the tests start one.
 */
export async function startReplicaServers(options: { latencyMs: number; main: string }): Promise<ReplicaServers> {
  const configured = process.env.BENCH_DATABASE_URL;
  const throwaway =
    configured === undefined || configured === ''
      ? await (
          (await import(new URL('../../../tools/jest/postgres.mjs', import.meta.url).href)) as PostgresModule
        ).startPostgres()
      : undefined;
  const server = configured === undefined || configured === '' ? (throwaway?.url ?? '') : configured;
  const simulator = await startSimulator({ port: 0, latencyMs: options.latencyMs, wafLimit: false });
  const sandbox = await startSandbox({ port: 0, timeoutMs: 120_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'plume-bot-bench-replicas-'));
  return {
    simulator,
    sandbox,
    database: () => createTestDatabase(server),
    replicas: (count, database, { env = {}, ownEgress = false } = {}) =>
      startReplicaFleet({
        main: options.main,
        ids: Array.from({ length: count }, (_, i) => `r${i + 1}`),
        env: {
          DATABASE_URL: database.url,
          TELEGRAM_BOT_TOKEN: sandbox.token,
          TELEGRAM_API_ROOT: sandbox.apiRoot,
          PLUME_SSO_URL: simulator.ssoUrl,
          PLUME_API_BASE: simulator.apiBase,
          DATA_DIR: dataDir,
          BOT_ENCRYPTION_KEY: BENCH_KEY,
          LOG_LEVEL: 'info',
          RATE_LIMIT_PER_MINUTE: '1000000',
          ...env,
        },
        ...(ownEgress ? { envOf: (id: string) => ({ PLUME_EGRESS_ID: `egress-${id}` }) } : {}),
      }),
    async close() {
      await sandbox.close();
      await simulator.close();
      await throwaway?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
