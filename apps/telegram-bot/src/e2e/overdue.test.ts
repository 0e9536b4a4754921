import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { OVERDUE_TEXT } from '../bot';
import type { Timers } from '../monitoring/timers';
import { createBotWorld, type BotWorld } from '../testing/bot-world';
import { seedUsers } from '../testing/seed-users';
import { until } from '../testing/until';

const KEY = '00'.repeat(32);
/** Plume holds one answer this long: far beyond every wait below, so only the deadline can free the person. */
const HOLD_MS = 120_000;
const location = fixtures.locations.adaBeach;

/** Timers that fire only when the test says so. */
function manualTimers(): Timers & { pending(): number; fireAll(): void } {
  const callbacks = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (callback) => {
      next += 1;
      callbacks.set(next, callback);
      return next;
    },
    clearTimeout: (handle) => void callbacks.delete(handle as number),
    pending: () => callbacks.size,
    fireAll: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
  };
}

describe('an update that takes too long', () => {
  let world: BotWorld;
  const timers = manualTimers();
  beforeAll(async () => {
    world = await createBotWorld({
      env: { BOT_ENCRYPTION_KEY: KEY },
      // Timeouts beyond the hold: the held call stays in flight instead of failing.
      plumeClient: { timeoutMs: HOLD_MS * 2, retry: { limit: 0 } },
      updateDeadline: { timers },
    });
    const { authorization, partnerId } = world.simulator.credentials;
    await seedUsers({
      dataDir: world.dataDir,
      key: Buffer.from(KEY, 'hex'),
      ids: [4242],
      credentials: { authorization, partnerId },
      selection: { customerId: location.customerId, locationId: location.id, name: location.name },
    });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('tells the person at its deadline, answers their next message, and finishes it after a restart', async () => {
    const ada = world.harness.createUser({ id: 4242, firstName: 'Ada' });
    world.simulator.faults.delayNext('locations.get', HOLD_MS);
    await ada.send('/status');
    await until(
      () => world.simulator.log.inFlight() > 0 && timers.pending() > 0,
      'Plume holds the /status and its deadline is set',
    );

    timers.fireAll(); // the /status's deadline
    expect((await ada.waitForMessage('taking much longer')).text).toBe(OVERDUE_TEXT);
    await ada.send('/help');
    expect((await ada.waitForMessage('/status')).text).toContain('I report on the Plume networks');
    expect(ada.messages().filter((m) => (m.text ?? '').includes(location.name))).toEqual([]);

    // Nothing lost: the overdue /status stayed in the inbox; the next start runs it again, and Plume answers now.
    await world.stopBot();
    await world.startBot();
    expect((await ada.waitForMessage(location.name, { timeoutMs: 30_000 })).text).toContain(location.name);
  }, 90_000);
});
