import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { parseDatabaseUrl } from '../database-url';
import { openStorage } from '../storage/open-storage';
import { captureLogger } from '../testing/capture-logger';
import { createTestDatabase } from '../testing/postgres';
import { startHttpServer, type RunningHttpServer } from './http-server';
import { createMetricsRegistry } from './metrics';
import { readiness } from './readiness';

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
};

describe('the health endpoints', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serve(state: { running: boolean; ping: () => Promise<void> }): Promise<RunningHttpServer> {
    const http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: createMetricsRegistry(),
      isHealthy: () => state.running,
      isReady: readiness({
        stopping: () => !state.running,
        jobsRunning: () => true,
        ping: () => state.ping(),
        timeoutMs: 200,
      }),
    });
    cleanups.push(() => http.close());
    return http;
  }

  it('tell liveness from readiness: a stopping replica is alive and takes no traffic', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'healthz-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const storage = await openStorage({ dataDir, logger: captureLogger().logger });
    cleanups.push(() => storage.close());
    const state = { running: true, ping: storage.ping };
    const http = await serve(state);

    expect(await get(`${http.url}/healthz/live`)).toEqual({ status: 200, body: 'live\n' });
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 200, body: 'ready\n' });
    expect(await get(`${http.url}/healthz`)).toEqual({ status: 200, body: 'ok\n' });

    state.running = false;
    expect(await get(`${http.url}/healthz/live`)).toEqual({ status: 200, body: 'live\n' });
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: stopping\n' });
    expect(await get(`${http.url}/healthz`)).toEqual({ status: 503, body: 'stopping\n' });
  });

  it('are not ready while the database fails or does not answer, and alive all along', async () => {
    const state: { running: boolean; ping: () => Promise<void> } = {
      running: true,
      ping: () => Promise.reject(new Error('connect ECONNREFUSED')),
    };
    const http = await serve(state);
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: database unreachable\n' });
    expect(await get(`${http.url}/healthz/live`)).toEqual({ status: 200, body: 'live\n' });

    state.ping = () => new Promise<void>(() => undefined); // a server that went away mid-connection
    expect(await get(`${http.url}/healthz/ready`)).toEqual({
      status: 503,
      body: 'not ready: database did not answer within 200 ms\n',
    });
    state.ping = () => Promise.resolve();
    expect((await get(`${http.url}/healthz/ready`)).status).toBe(200);
    expect((await get(`${http.url}/healthz`)).status).toBe(200); // the single-process check never asks the database
  });

  it('are not ready until the job queue runs (pg-boss has migrated its schema), nor once it stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'healthz-pg-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const storage = await openStorage({
      dataDir,
      logger: captureLogger().logger,
      database: parseDatabaseUrl(database.url),
      encryptionKey: randomBytes(32),
    });
    cleanups.push(() => storage.close());
    let starting = true;
    const http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: createMetricsRegistry(),
      isHealthy: () => true,
      isReady: readiness({
        stopping: () => false,
        jobsRunning: storage.jobs.running,
        starting: () => starting,
        ping: storage.ping,
      }),
    });
    cleanups.push(() => http.close());
    const pgBossSchema = async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'pgboss'`);
        return rows.length === 1;
      } finally {
        await client.end();
      }
    };

    // The storage's migrations ran and its database answers; pg-boss's schema is not there yet.
    expect(await pgBossSchema()).toBe(false);
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: job queue not started\n' });
    expect(await get(`${http.url}/healthz/live`)).toEqual({ status: 200, body: 'live\n' });
    await storage.jobs.start();
    expect(await pgBossSchema()).toBe(true);
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: starting\n' });
    starting = false;
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 200, body: 'ready\n' });
    await storage.jobs.stop();
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: job queue not started\n' });
  });

  it('keep /healthz/ready as /healthz where no readiness check is given', async () => {
    let running = true;
    const http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: createMetricsRegistry(),
      isHealthy: () => running,
    });
    cleanups.push(() => http.close());
    expect((await get(`${http.url}/healthz/ready`)).status).toBe(200);
    running = false;
    expect(await get(`${http.url}/healthz/ready`)).toEqual({ status: 503, body: 'not ready: stopping\n' });
  });
});

describe('/metrics', () => {
  it('labels every series with the replica, beside its own labels', async () => {
    const metrics = createMetricsRegistry({ labels: { replica: 'bot-1' } });
    metrics.counter('hits_total', 'Hits.').inc({ kind: 'a' });
    metrics.counter('misses_total', 'Misses.');
    metrics.gauge('queue_length', 'Queued.', () => 3);
    metrics.histogram('duration_seconds', 'Durations.', [1]).observe(0.5);
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', metrics, isHealthy: () => true });
    try {
      const { body } = await get(`${http.url}/metrics`);
      const samples = body.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
      expect(samples).toEqual([
        'hits_total{replica="bot-1",kind="a"} 1',
        'misses_total{replica="bot-1"} 0',
        'queue_length{replica="bot-1"} 3',
        'duration_seconds_bucket{replica="bot-1",le="1"} 1',
        'duration_seconds_bucket{replica="bot-1",le="+Inf"} 1',
        'duration_seconds_sum{replica="bot-1"} 0.5',
        'duration_seconds_count{replica="bot-1"} 1',
      ]);
    } finally {
      await http.close();
    }
  });
});
