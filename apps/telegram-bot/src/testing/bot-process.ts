import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The bot built as `npm start` runs it (tsup, the app's own config), into a folder of its own. */
export interface BuiltBot {
  main: string;
  remove(): void;
}

/**
 * Builds the bot with the app's tsup configuration into a fresh folder under the app's
 * `node_modules/.cache` (so that its imports resolve as `dist/` would).
 * @throws {Error} with tsup's output when the build fails.
 * @example const built = buildBot(); const bot = await startBotProcess(built.main, env); await bot.kill('SIGKILL'); built.remove();
 */
export function buildBot(): BuiltBot {
  // Here, not at load: the benchmarks bundle this file as ES modules, which have no __dirname.
  const APP_ROOT = join(__dirname, '..', '..');
  const cache = join(APP_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'bot-e2e-'));
  const tsup = join(APP_ROOT, '..', '..', 'node_modules', 'tsup', 'dist', 'cli-default.js');
  const result = spawnSync(process.execPath, [tsup, '--out-dir', outDir, '--silent'], {
    cwd: APP_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`Building the bot failed:\n${result.stdout}\n${result.stderr}`);
  return { main: join(outDir, 'main.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** A bot running as its own process (`node main.js`), as in production. */
export interface BotProcess {
  /** Its JSON log lines so far. */
  logs(): string[];
  /** Resolves with the first log line containing `fragment`. */
  waitForLog(fragment: string, timeoutMs?: number): Promise<string>;
  /** Sends a signal and resolves when the process has exited. */
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node main` with this environment (on top of the test's own) and waits for "Bot started".
 * @throws {Error} with the process's output when it exits or stays silent for 30 s instead.
 * @example const bot = await startBotProcess(built.main, { TELEGRAM_BOT_TOKEN: harness.token, DATA_DIR: dir });
 */
export async function startBotProcess(main: string, env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const logs = () => output.split('\n').filter(Boolean);
  const waitForLog = async (fragment: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = logs().find((l) => l.includes(fragment));
      if (line !== undefined) return line;
      if (gone || Date.now() > deadline)
        throw new Error(`The bot process never logged “${fragment}”${gone ? ' (it exited)' : ''}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  await waitForLog('Bot started');
  return {
    logs,
    waitForLog,
    async kill(signal) {
      if (!gone) child.kill(signal);
      return exited;
    },
  };
}
