import { SandboxError } from './errors';
import type { SandboxFile } from './file-info';
import type { SandboxOptions } from './options';
import type { Sandbox } from './sandbox';
import { startSandbox } from './start';
import type { TelegramMessage } from './types';
import type { WaitOptions } from './users/actor';
import type { CreateGroupOptions, SandboxGroup } from './users/group';
import type { CreateUserOptions, SandboxUser } from './users/user';

/** Where a bot under test connects. */
export interface BotEnvironment {
  token: string;
  apiRoot: string;
}

/** Starts the bot under test; may return how to stop it. */
export type BotLauncher = (environment: BotEnvironment) => (() => unknown) | void | Promise<(() => unknown) | void>;

/**
 * A sandbox for a test file, started in `beforeAll` and stopped in `afterAll`. It does not import
 * jest: waits take `timeoutMs` and fail with plain errors ({@link SandboxTimeoutError}) that name
 * what was awaited and show the chat.
 *
 * @example
 * ```ts
 * const harness = createHarness();
 * beforeAll(async () => {
 *   await harness.start();
 *   await harness.startBot(({ token, apiRoot }) => {
 *     const bot = createBot({ token, apiRoot });
 *     bot.launch(() => undefined);
 *     return () => bot.stop();
 *   });
 * });
 * afterAll(() => harness.stop());
 *
 * it('answers /status', async () => {
 *   const user = harness.createUser({ firstName: 'Ann' });
 *   await user.send('/status');
 *   expect((await user.lastMessage()).text).toContain('Status');
 *   await user.press('WAN');
 *   expect((await user.lastMessage()).text).toContain('WAN');
 * });
 * ```
 */
export interface SandboxHarness {
  /** Starts the sandbox (once; later calls return the same). */
  start(): Promise<Sandbox>;
  /**
   * Starts the bot with `launch`, then waits until it connects (getUpdates or setWebhook). The
   * function `launch` returns is called by {@link SandboxHarness.stop} before the sandbox closes.
   */
  startBot(launch: BotLauncher, options?: WaitOptions): Promise<void>;
  /** Stops the bots started by `startBot`, then closes the sandbox. Safe to call twice. */
  stop(): Promise<void>;
  /** The running sandbox. @throws {SandboxError} `NOT_STARTED` before `start()` */
  readonly sandbox: Sandbox;
  readonly token: string;
  readonly apiRoot: string;
  readonly webUrl: string;
  createUser(options?: CreateUserOptions): SandboxUser;
  createGroup(options: CreateGroupOptions): SandboxGroup;
  waitForBot(options?: WaitOptions & { token?: string }): Promise<void>;
  /** {@link Sandbox.file}: a photo's or document's stored bytes and size. */
  file(target: string | TelegramMessage): SandboxFile;
}

/**
 * Creates a {@link SandboxHarness}; nothing starts until `start()`.
 *
 * @param options passed to {@link startSandbox} (e.g. `timeoutMs`, `rateLimit`).
 */
export function createHarness(options: SandboxOptions = {}): SandboxHarness {
  let running: Sandbox | undefined;
  let starting: Promise<Sandbox> | undefined;
  let stoppers: (() => unknown)[] = [];

  const current = (): Sandbox => {
    if (!running) {
      throw new SandboxError(
        'NOT_STARTED',
        'The sandbox harness is not started: call `await harness.start()` in beforeAll (and `await harness.stop()` in afterAll).',
      );
    }
    return running;
  };

  return {
    start() {
      starting ??= startSandbox(options).then((sandbox) => {
        running = sandbox;
        return sandbox;
      });
      return starting;
    },
    async startBot(launch, waitOptions = {}) {
      const sandbox = current();
      const stop = await launch({ token: sandbox.token, apiRoot: sandbox.apiRoot });
      if (typeof stop === 'function') stoppers.push(stop);
      await sandbox.waitForBot(waitOptions);
    },
    async stop() {
      const sandbox = running ?? (await starting?.catch(() => undefined));
      const toStop = stoppers.reverse();
      stoppers = [];
      for (const stop of toStop) {
        try {
          await stop();
        } catch {
          // A bot that fails to stop must not keep the sandbox open.
        }
      }
      running = undefined;
      starting = undefined;
      await sandbox?.close();
    },
    get sandbox() {
      return current();
    },
    get token() {
      return current().token;
    },
    get apiRoot() {
      return current().apiRoot;
    },
    get webUrl() {
      return current().webUrl;
    },
    createUser: (userOptions) => current().createUser(userOptions),
    createGroup: (groupOptions) => current().createGroup(groupOptions),
    waitForBot: (waitOptions) => current().waitForBot(waitOptions),
    file: (target) => current().file(target),
  };
}

/**
 * Runs `body` with a fresh sandbox and closes it afterwards, even when `body` throws.
 *
 * @example
 * ```ts
 * await withSandbox(async (sandbox) => {
 *   const me = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/getMe`).then((r) => r.json());
 * });
 * ```
 */
export async function withSandbox<T>(
  body: (sandbox: Sandbox) => Promise<T> | T,
  options: SandboxOptions = {},
): Promise<T> {
  const sandbox = await startSandbox(options);
  try {
    return await body(sandbox);
  } finally {
    await sandbox.close();
  }
}
