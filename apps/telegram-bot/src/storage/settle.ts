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
