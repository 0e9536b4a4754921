import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ENV_VARIABLES } from './config';
import { startHttpServer } from './http/http-server';
import { createMetricsRegistry } from './http/metrics';

// No Docker engine runs where these tests run: the image was never built here. These check the
// facts of the Dockerfile, compose.yaml and the Caddyfile that a build would rely on, and run the
// image's health check as the container would, against a real HTTP server.

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped, split by stage. */
function stages(): Map<string, string[]> {
  const lines = read('Dockerfile')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const byStage = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of lines) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from?.[1] !== undefined) byStage.set(from[1], (current = [line]));
    else current.push(line);
  }
  return byStage;
}

/** Every workspace folder the root package.json names (`packages/*`, `apps/*`, `tools`). */
function workspaces(): string[] {
  const globs = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
  return globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(ROOT, glob.slice(0, -2)))
          .map((name) => `${glob.slice(0, -2)}/${name}`)
          .filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
      : [glob],
  );
}

describe('the Dockerfile', () => {
  it('builds with dev dependencies in one stage and runs the bot from another, on the Node of .nvmrc', () => {
    const all = stages();
    expect([...all.keys()]).toEqual(['build', 'runtime']);
    const nodeVersion = read('.nvmrc').trim();
    expect(read('Dockerfile')).toContain(`ARG NODE_VERSION=${nodeVersion}\n`);
    expect(all.get('build')?.[0]).toBe('FROM node:${NODE_VERSION}-bookworm-slim AS build');
    expect(all.get('build')).toContain('RUN npm ci');
    expect(all.get('build')).toContain('RUN npx nx run @org/telegram-bot:build --outputStyle=static');
    expect(all.get('runtime')?.[0]).toBe('FROM node:${NODE_VERSION}-bookworm-slim AS runtime');
  });

  it('installs production dependencies only in the image it runs, and runs it as a user other than root', () => {
    const runtime = stages().get('runtime') ?? [];
    const install = runtime.find((line) => line.startsWith('RUN npm ci'));
    expect(install).toMatch(/^RUN npm ci --omit=dev --workspace @org\/telegram-bot\b/);
    const user = runtime.filter((line) => line.startsWith('USER '));
    expect(user).toEqual(['USER node']);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.findIndex((line) => line.startsWith('CMD')));
    expect(runtime.at(-1)).toBe('CMD ["node", "apps/telegram-bot/dist/main.js"]');
    expect(runtime).toContain('ENV NODE_ENV=production DATA_DIR=/data PORT=8080');
    expect(runtime).toContain('VOLUME ["/data"]');
    expect(runtime).toContain('RUN mkdir -p /data && chown node:node /data');
  });

  it('copies every workspace manifest (npm ci needs them all) and the build of every @org package the bot uses', () => {
    const all = stages();
    const bot = JSON.parse(read('apps/telegram-bot/package.json')) as { dependencies: Record<string, string> };
    const used = Object.keys(bot.dependencies).filter((name) => name.startsWith('@org/'));
    const folderOf = (name: string) => `packages/${name.slice('@org/'.length)}`;
    for (const stage of ['build', 'runtime']) {
      const lines = all.get(stage) ?? [];
      for (const dir of workspaces()) expect(lines).toContain(`COPY ${dir}/package.json ${dir}/`);
    }
    const runtime = all.get('runtime') ?? [];
    for (const name of used) {
      expect(existsSync(join(ROOT, folderOf(name), 'package.json'))).toBe(true);
      expect(runtime).toContain(`COPY --from=build /app/${folderOf(name)}/dist ${folderOf(name)}/dist`);
    }
    expect(runtime).toContain('COPY --from=build /app/apps/telegram-bot/dist apps/telegram-bot/dist');
  });

  it('checks readiness with the health check script the bot build ships', () => {
    const healthcheck = (stages().get('runtime') ?? []).find((line) => line.startsWith('HEALTHCHECK'));
    expect(healthcheck).toMatch(/CMD \["node", "apps\/telegram-bot\/dist\/healthcheck\.js", "ready"\]$/);
    expect(read('apps/telegram-bot/tsup.config.ts')).toContain("healthcheck: 'src/healthcheck.ts'");
  });

  it('sends no dependencies, builds, local data or secrets into the build', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.git', '/data', 'apps/*/data', '**/.env'])
      expect(ignored).toContain(entry);
  });
});

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
  const bots = Object.entries(compose.services).filter(([, service]) => service.image === 'plume-telegram-bot:local');

  it('runs two replicas of the bot, each with its own id, on one PostgreSQL and one key', () => {
    expect(bots.map(([name]) => name)).toEqual(['bot-1', 'bot-2']);
    expect(bots.map(([, bot]) => bot.environment?.REPLICA_ID)).toEqual(['bot-1', 'bot-2']);
    const shared = (variable: string) => new Set(bots.map(([, bot]) => bot.environment?.[variable]));
    for (const variable of ['DATABASE_URL', 'BOT_ENCRYPTION_KEY', 'WEBHOOK_URL', 'PLUME_EGRESS_ID', 'PORT'])
      expect(shared(variable).size).toBe(1);
    expect([...shared('DATABASE_URL')][0]).toMatch(/@postgres:5432\/bot$/);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
  });

  it('gives the bots only variables the bot reads', () => {
    for (const [, bot] of bots) {
      for (const variable of Object.keys(bot.environment ?? {})) expect(ENV_VARIABLES).toContain(variable);
    }
  });

  it('puts a round-robin proxy in front of every replica, posting the webhook to ready ones only', () => {
    expect(compose.services.proxy?.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = read('deploy/Caddyfile');
    const webhookUrls = [...new Set(bots.map(([, bot]) => bot.environment?.WEBHOOK_URL))];
    expect(webhookUrls).toHaveLength(1);
    // Compose fills in PUBLIC_HOST; the path is Caddy's to route.
    const path = /^https:\/\/\$\{PUBLIC_HOST[^}]*\}(\/\S*)$/.exec(webhookUrls[0] ?? '')?.[1];
    expect(path).toBe('/telegram/webhook');
    expect(caddyfile).toContain(`handle ${path} {`);
    const port = bots[0]?.[1].environment?.PORT ?? '';
    expect(caddyfile).toContain(`reverse_proxy ${bots.map(([name]) => `${name}:${port}`).join(' ')} {`);
    expect(caddyfile).toMatch(/lb_policy round_robin/);
    expect(caddyfile).toMatch(/health_uri \/healthz\/ready/);
  });
});

describe('the image health check', () => {
  /** Runs the health check as the container does (Node runs the TypeScript source as it is). */
  const check = (which: string, env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [join(__dirname, 'healthcheck.ts'), which], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => resolve({ code, output }));
    });

  it('passes while the bot is ready, fails once it stops, and tells liveness apart', async () => {
    let running = true;
    const http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: createMetricsRegistry(),
      isHealthy: () => running,
    });
    const env = { PORT: new URL(http.url).port, HOST: '127.0.0.1' };
    try {
      expect(await check('ready', env)).toEqual({ code: 0, output: '200 ready\n' });
      running = false;
      expect(await check('ready', env)).toEqual({ code: 1, output: '503 not ready: stopping\n' });
      expect(await check('live', env)).toEqual({ code: 0, output: '200 live\n' });
    } finally {
      await http.close();
    }
    const gone = await check('live', env);
    expect(gone.code).toBe(1);
    expect(gone.output).toMatch(/^no answer from http:\/\/127\.0\.0\.1:\d+\/healthz\/live/);
  });

  it('refuses to guess a port or a check it was not given', async () => {
    expect((await check('ready', {})).code).toBe(2);
    expect((await check('deep', { PORT: '8080' })).code).toBe(2);
  });
});
