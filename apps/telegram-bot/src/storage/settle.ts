/**
 * Runs synchronous storage work at once and hands back its result, or what it threw, as a promise.
 * node:sqlite is synchronous, while the stores' interfaces are asynchronous (another backend may
 * not be): a failure still reaches the caller as a rejection, never as a synchronous throw.
 *
 * @example
 * ```ts
 * get: (userId) => settle(() => read(userId)),
 * ```
 */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * A store interface with each method's promise unwrapped: the shape of the synchronous SQLite work
 * behind it, which {@link settle} then hands back as promises.
 *
 * @example
 * ```ts
 * const sync: Synchronous<ScheduleStore> = { digestSubscribers() { return []; }, … };
 * ```
 */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : T[K];
};
