import { createHash } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { SettingsStore } from '../storage/settings-store';
import type { JournalEntry } from '../storage/update-inbox';
import type { UserStore } from '../storage/user-store';

/**
 * Thrown instead of starting an effect once the bot has given up on an update while stopping: the
 * update stays pending in the inbox and the next start resumes it, so nothing may reach the user now.
 */
export class UpdateAbandonedError extends Error {
  override readonly name = 'UpdateAbandonedError';
  constructor() {
    super('The bot is stopping: this update stays in the inbox and the next start resumes it.');
  }
}

/** The effects of one update's handling, recorded as they complete so that a replay skips them. */
export interface Journal {
  /**
   * Runs `perform`, unless the same effect at the same position completed before a restart: then its
   * recorded result is returned without running it again.
   * @throws {UpdateAbandonedError} when the update was abandoned (the bot is stopping) before the effect started.
   */
  run<T>(effect: string, perform: () => Promise<T>): Promise<T>;
  /** True once an effect was refused because the update was abandoned: its handling is incomplete. */
  refused(): boolean;
}

export interface JournalOptions {
  /** The effects completed by an earlier run of the same update (empty for a new update). */
  recorded: readonly JournalEntry[];
  /** Stores a completed effect (the next effect starts once it is stored); once abandoned, a failure to store is ignored. */
  save: (entry: JournalEntry) => Promise<void>;
  /** Drops the stored effects from a position on, where a replay took another path. */
  forget: (position: number) => Promise<void>;
  /** True once the update must not start any more effects (effects already under way are still recorded). */
  abandoned: () => boolean;
  /** Called once when a replay does something else than the run it replays. */
  onDiverge?: (at: { index: number; recorded: string; now: string }) => void;
}

/**
 * A journal for one update. Effects are numbered in the order they start, which is the same on a
 * replay as long as the handler takes the same path, and it does: every store read it made is
 * replayed from the journal too. When a replay starts a different effect at some position (a Plume
 * answer changed its path), the rest of the record is dropped and everything from there runs for real.
 * @example const journal = createJournal({ recorded: [], save: () => Promise.resolve(), forget: () => Promise.resolve(), abandoned: () => false });
 */
export function createJournal(options: JournalOptions): Journal {
  const entries = new Map(options.recorded.map((entry) => [entry.index, entry]));
  let next = 0;
  let diverged = false;
  let refused = false;
  return {
    async run<T>(effect: string, perform: () => Promise<T>): Promise<T> {
      const index = next++;
      const known = diverged ? undefined : entries.get(index);
      if (known !== undefined && known.effect === effect) return (known.result ?? undefined) as T;
      if (known !== undefined) {
        diverged = true;
        await options.forget(index);
        options.onDiverge?.({ index, recorded: known.effect, now: effect });
      }
      if (options.abandoned()) {
        refused = true;
        throw new UpdateAbandonedError();
      }
      const result = await perform();
      try {
        await options.save({ index, effect, result: summarise(result) });
      } catch (error) {
        if (!options.abandoned()) throw error;
      }
      return result;
    },
    refused: () => refused,
  };
}

/**
 * What a journal keeps of a result: a message Telegram returns is cut down to its id, date and
 * chat (all the bot ever uses of it), so the database holds neither the bot's report texts nor the
 * users' data in them; anything else is kept whole. `undefined` is stored as null.
 */
function summarise(result: unknown): unknown {
  if (result === undefined) return null;
  if (typeof result !== 'object' || result === null || !('message_id' in result) || !('chat' in result)) return result;
  const { message_id, date, chat } = result as {
    message_id: unknown;
    date?: unknown;
    chat: { id?: unknown; type?: unknown };
  };
  return { message_id, date, chat: { id: chat.id, type: chat.type } };
}

/**
 * Routes every Bot API call of this update's Telegram client through the journal: a message the
 * user already received before a restart is not sent again. (telegraf builds one client per update.)
 * A call is the same effect as a recorded one when its method and payload are the same; a call
 * skipped on a replay returns its recorded result: for a message, only its id, date and chat.
 * @example journalTelegram(ctx.telegram, journal); await ctx.reply('Hi'); // sent once, even if the update is resumed
 */
export function journalTelegram(telegram: Telegram, journal: Journal): void {
  const callApi = telegram.callApi.bind(telegram) as (
    method: string,
    payload: object,
    options?: object,
  ) => Promise<unknown>;
  telegram.callApi = ((method: string, payload: object, options?: object) =>
    journal.run(`telegram:${method}:${fingerprint(payload)}`, () =>
      callApi(method, payload, options),
    )) as Telegram['callApi'];
}

/**
 * A short digest of a call's payload: a replay skips a recorded call only when it would send the
 * very same thing, so a message with other content (a different answer from Plume, another queue
 * position) is sent rather than taken for one already sent.
 */
function fingerprint(payload: object): string {
  try {
    return createHash('sha256')
      .update(JSON.stringify(payload) ?? '')
      .digest('base64url')
      .slice(0, 16);
  } catch {
    return 'unhashable';
  }
}

/**
 * The user store as this update sees it: reads and writes go through the journal, so a replay sees
 * what the first run saw. A replayed `update` returns the recorded state without calling `change`:
 * handlers use the state it returns, never values captured inside `change`.
 * @example ctx.services = { ...ctx.services, store: journalStore(ctx.services.store, journal) };
 */
export function journalStore(store: UserStore, journal: Journal): UserStore {
  return {
    ...store,
    get: (userId) => journal.run(`store:get:${userId}`, () => store.get(userId)),
    update: (userId, change) => journal.run(`store:update:${userId}`, () => store.update(userId, change)),
    delete: (userId) => journal.run(`store:delete:${userId}`, () => store.delete(userId)),
  };
}

/**
 * Any store of async methods (the team store) as this update sees it: each call goes through the
 * journal, named by the method and a digest of its arguments (effect names are kept in clear; the
 * arguments may hold credentials), so a replay sees what the first run saw and writes nothing twice.
 * Results must be plain JSON (null, not undefined, for "none").
 * @example ctx.services = { ...ctx.services, team: journalMethods(ctx.services.team, 'team', journal) };
 */
export function journalMethods<T extends object>(store: T, prefix: string, journal: Journal): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] =
      typeof value !== 'function' || name === 'close'
        ? value
        : (...args: unknown[]) =>
            journal
              .run(`${prefix}:${name}:${fingerprint(args)}`, () =>
                Promise.resolve((value as (...a: unknown[]) => unknown)(...args)),
              )
              // A replay gives a recorded null back as undefined: "none" stays null either way.
              .then((result) => result ?? null);
  }
  return wrapped as T;
}

/**
 * The settings store as this update sees it: like {@link journalStore}, a replay gets the recorded
 * settings and routes instead of reading or writing again (a toggle pressed once stays toggled once).
 * @example ctx.services = { ...ctx.services, settings: journalSettings(ctx.services.settings, journal) };
 */
export function journalSettings(settings: SettingsStore, journal: Journal): SettingsStore {
  return {
    ...settings,
    get: (userId) => journal.run(`settings:get:${userId}`, () => settings.get(userId)),
    update: (userId, change) => journal.run(`settings:update:${userId}`, () => settings.update(userId, change)),
    route: (userId) => journal.run(`settings:route:${userId}`, () => settings.route(userId)),
    setRoute: (userId, route) => journal.run(`settings:setRoute:${userId}`, () => settings.setRoute(userId, route)),
    clearRoute: (userId) => journal.run(`settings:clearRoute:${userId}`, () => settings.clearRoute(userId)),
    moveChat: (from, to) => journal.run(`settings:moveChat:${from}`, () => settings.moveChat(from, to)),
  };
}
