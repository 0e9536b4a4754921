import type { Update } from 'telegraf/types';

/** One effect of an update's handling that completed: a Telegram call or a store operation, and its result. */
export interface JournalEntry {
  /** The effect's position among the update's effects, in the order they were started. */
  index: number;
  /** What it was, e.g. `telegram:sendMessage:<payload digest>` or `store:update:<user>`: a replay checks that it does the same. */
  effect: string;
  result: unknown;
}

/** What the inbox knows of an update offered to it. */
export type Admission =
  /** Never seen: it is now stored, pending, and held by this inbox. */
  | { status: 'new' }
  /** Already handled (or unreadable): a duplicate to drop. */
  | { status: 'done' }
  /**
   * Stored and not yet handled, and now held by this inbox (a restart, a replica that died, or
   * Telegram delivering it again): resume it with its journal.
   */
  | { status: 'pending'; journal: JournalEntry[] }
  /** Stored, not yet handled, and held by another live replica, which runs it: a duplicate to drop. */
  | { status: 'held' };

/** An update stored and not yet handled, with the effects its handling had already completed. */
export interface PendingUpdate {
  update: Update;
  journal: JournalEntry[];
}

/**
 * The update inbox: every accepted update is stored before Telegram is told it arrived, and stays
 * until it has been handled; the ids of handled updates are kept for a while (48 hours by default)
 * so that a second delivery is recognised. A write has committed when its promise resolves.
 *
 * Each pending update is held by one inbox (one replica) at a time, under a lease its holder
 * renews ({@link UpdateInbox.renew}); an update whose lease ran out (its replica died) or was handed
 * back ({@link UpdateInbox.release}) is taken by the next {@link UpdateInbox.pending}. One person's
 * updates start one at a time, oldest first, on whichever replicas hold them ({@link UpdateInbox.begin}).
 * On SQLite one process owns the file, so there is nothing to share: a lease never runs out while
 * the process lives, and every update begins when the dispatcher's queue says so.
 */
export interface UpdateInbox {
  /**
   * Stores a new update (pending, held here), or says it is a duplicate, or takes a pending one no
   * live replica holds and hands back its journal. `person` is whose updates keep their order.
   */
  admit(update: Update, person: string): Promise<Admission>;
  /** Takes the pending updates no live replica holds (left by a stop, a crash, a dead replica), oldest first. */
  pending(): Promise<PendingUpdate[]>;
  /**
   * Starts an update held here if it is its person's turn: none of their earlier updates is pending
   * and none of theirs is running (an overdue one excepted). False: another replica has their turn; ask again later.
   */
  begin(updateId: number): Promise<boolean>;
  /** An update past its deadline keeps running but no longer holds up its person's later ones. */
  overdue(updateId: number): Promise<void>;
  /**
   * Records one completed effect of a pending update (replacing one recorded at the same position);
   * nothing once it is done. False when another replica holds it now (this one's lease ran out): stop.
   */
  record(updateId: number, entry: JournalEntry): Promise<boolean>;
  /** Forgets the recorded effects of an update from `position` on (a replay took another path there). */
  forget(updateId: number, position: number): Promise<void>;
  /** Marks an update handled: its content and effects are erased, its id kept. */
  finish(updateId: number): Promise<void>;
  /** Extends the lease of every update held here (call it well within the lease). */
  renew(): Promise<void>;
  /** Hands back every update held here and not finished, for another replica to take at once (a stop). */
  release(): Promise<number>;
  /** Forgets every update, pending or done: for a Bot API server whose update ids start again (the sandbox). */
  clear(): Promise<void>;
  /** Pending updates. */
  countPending(): Promise<number>;
  close(): Promise<void>;
}

/** How long a handled update's id is remembered: Telegram keeps an update for 24 hours. */
export const DEFAULT_KEEP_DONE_MS = 48 * 3_600_000;

/** How long an update stays held by a replica that stopped renewing its lease (it died): then another takes it. */
export const DEFAULT_UPDATE_LEASE_MS = 30_000;
