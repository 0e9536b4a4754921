/**
 * Shared by the SDK's tests (never imported by the library): a client wired to a running
 * simulator, with retries fast and the limiter off unless a test says otherwise.
 */
// The simulator is a devDependency: only tests and this test-only helper import it.
import { fixtures, startSimulator, type RouteName, type Simulator } from '@org/plume-simulator';
import { PlumeClient, type PlumeClientOptions, type PlumeEvent } from './index';

export { fixtures, startSimulator, type Simulator };

/** Options for a client of `sim`: its URLs and credentials, no limiter, millisecond back-offs. */
export function optionsFor(sim: Simulator, overrides: Partial<PlumeClientOptions> = {}): PlumeClientOptions {
  return {
    authorization: sim.credentials.authorization,
    partnerId: sim.credentials.partnerId,
    ssoUrl: sim.ssoUrl,
    apiBase: sim.apiBase,
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  };
}

/** A client of `sim` that records its events. */
export function clientFor(
  sim: Simulator,
  overrides: Partial<PlumeClientOptions> = {},
): { client: PlumeClient; events: PlumeEvent[] } {
  const events: PlumeEvent[] = [];
  const client = new PlumeClient(optionsFor(sim, { onEvent: (event) => events.push(event), ...overrides }));
  return { client, events };
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/**
 * Resolves once the simulator has logged `count` requests of `route`. A delayed request is logged
 * when the server answers it, which can be after the client gave up on it; the test's own timeout
 * bounds the wait.
 */
export async function untilLogged(sim: Simulator, route: RouteName, count: number): Promise<void> {
  while (sim.log.count(route) < count) await new Promise((resolve) => setTimeout(resolve, 10));
}
