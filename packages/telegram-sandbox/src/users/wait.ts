import { SandboxError, SandboxTimeoutError } from '../errors';
import type { World } from '../world/world';

/**
 * Resolves with the first non-undefined result of `probe`, checked now and after every change in
 * the sandbox; rejects with a {@link SandboxTimeoutError} built by `onTimeout` after `timeoutMs`,
 * or when the sandbox closes.
 */
export function waitUntil<T>(
  world: World,
  probe: () => T | undefined,
  timeoutMs: number,
  onTimeout: () => SandboxTimeoutError,
): Promise<T> {
  const ready = probe();
  if (ready !== undefined) return Promise.resolve(ready);
  if (world.closed)
    return Promise.reject(new SandboxError('CLOSED', 'The sandbox is closed: nothing more will arrive.'));
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(onTimeout())), timeoutMs);
    const unsubscribe = world.subscribe((event) => {
      if (event.type === 'closed') {
        finish(() => reject(new SandboxError('CLOSED', 'The sandbox closed while waiting.')));
        return;
      }
      const value = probe();
      if (value !== undefined) finish(() => resolve(value));
    });
  });
}
