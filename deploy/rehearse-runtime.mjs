// The Dockerfile's runtime stage, rehearsed with real processes where no Docker engine runs:
//   npm run rehearse:runtime
// Builds the bot, lays out a folder as the runtime stage does (the same COPY lines, the same
// `npm ci --omit=dev …` from the npm registry), checks that no development dependency got in,
// starts the stage's CMD in the local sandbox (no TELEGRAM_BOT_TOKEN), waits until the
// HEALTHCHECK command passes, stops the bot with SIGTERM and checks it exits cleanly.
// It is not the image: the base image, the `node` user and the volume are Docker's to provide.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const say = (line) => console.log(`[rehearse-runtime] ${line}`);

/** The runtime stage's instructions, continuation lines joined and comments dropped. */
function runtimeStage() {
  const lines = readFileSync(join(root, 'Dockerfile'), 'utf8')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const start = lines.findIndex((line) => /^FROM .* AS runtime$/.test(line));
  if (start < 0) throw new Error('The Dockerfile has no runtime stage');
  return lines.slice(start + 1);
}

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

const stage = runtimeStage();
say('building the bot and its libraries (nx run @org/telegram-bot:build)');
execFileSync('nx', ['run', '@org/telegram-bot:build', '--outputStyle=static'], { cwd: root, stdio: 'inherit' });

const app = mkdtempSync(join(tmpdir(), 'rehearse-runtime-'));
// The bot's environment: the stage's ENV lines and nothing of this shell's (no token: the sandbox).
const env = { PATH: process.env.PATH ?? '', HOME: app };
let bot;
try {
  for (const line of stage) {
    if (line.startsWith('COPY ')) {
      const words = line.split(/\s+/).slice(1);
      const fromBuild = words[0] === '--from=build';
      const [dest, ...sources] = (fromBuild ? words.slice(1) : words).reverse();
      for (const source of sources.reverse()) {
        const from = join(root, fromBuild ? source.replace(/^\/app\//, '') : source);
        const to = dest.endsWith('/') ? join(app, dest, source.split('/').at(-1)) : join(app, dest);
        mkdirSync(dirname(to), { recursive: true });
        cpSync(from, to, { recursive: true });
      }
      continue;
    }
    const run = /^RUN (npm ci [^&]+)/.exec(line);
    if (run) {
      // Only the install: the stage's `npm cache clean` would empty this machine's npm cache.
      say(`${run[1].trim()} (in ${app})`);
      const [cmd, ...args] = run[1].trim().split(/\s+/);
      execFileSync(cmd, [...args, '--no-audit', '--no-fund'], { cwd: app, stdio: 'inherit' }); // this machine's npm settings
      continue;
    }
    const vars = /^ENV (.+)$/.exec(line);
    if (vars) for (const pair of vars[1].split(/\s+/)) env[pair.split('=')[0]] = pair.slice(pair.indexOf('=') + 1);
  }

  // No development dependency of any workspace (unless another workspace needs it at run time).
  const manifests = [
    root,
    ...['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((n) => join(root, d, n))),
  ]
    .map((dir) => join(dir, 'package.json'))
    .filter(existsSync)
    .map((file) => JSON.parse(readFileSync(file, 'utf8')));
  const runtime = new Set(manifests.flatMap((m) => Object.keys(m.dependencies ?? {})));
  const dev = manifests.flatMap((m) => Object.keys(m.devDependencies ?? {})).filter((name) => !runtime.has(name));
  const leaked = dev.filter((name) => existsSync(join(app, 'node_modules', name)));
  if (leaked.length > 0) throw new Error(`development dependencies were installed: ${leaked.join(', ')}`);
  const installed = readdirSync(join(app, 'node_modules')).length;
  say(`${installed} entries in node_modules, none of the ${dev.length} development dependencies`);

  env.DATA_DIR = join(app, 'data');
  env.PORT = String(await freePort());
  env.HOST = '127.0.0.1';
  env.REPLICA_ID = 'rehearsal';
  const cmd = JSON.parse(stage.find((line) => line.startsWith('CMD ')).slice(4));
  const check = JSON.parse(/CMD (\[.*\])$/.exec(stage.find((line) => line.startsWith('HEALTHCHECK ')))[1]);
  const started = Date.now();
  say(`starting ${cmd.join(' ')} (the local sandbox) on port ${env.PORT}`);
  bot = spawn(cmd[0], cmd.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  bot.stdout.on('data', (chunk) => (log += chunk));
  const exited = new Promise((done) => bot.on('exit', (code, signal) => done({ code, signal })));
  let healthy = false;
  while (!healthy && Date.now() - started < 120_000 && bot.exitCode === null) {
    await new Promise((done) => setTimeout(done, 500));
    healthy = spawnSync(check[0], check.slice(1), { cwd: app, env }).status === 0;
  }
  if (!healthy) throw new Error(`the HEALTHCHECK never passed; the bot's output:\n${log}`);
  say(`HEALTHCHECK passed ${((Date.now() - started) / 1000).toFixed(1)} s after the start`);
  bot.kill('SIGTERM');
  const { code, signal } = await exited;
  if (code !== 0) throw new Error(`after SIGTERM the bot exited with ${code ?? signal}; its output:\n${log}`);
  say('SIGTERM: the bot stopped cleanly (exit 0). Runtime rehearsal passed.');
} finally {
  if (bot?.exitCode === null) bot.kill('SIGKILL');
  rmSync(app, { recursive: true, force: true });
}
