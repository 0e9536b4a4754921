import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { createBotWorld, type BotWorld } from '../testing/bot-world';
import { seedUsers } from '../testing/seed-users';

const KEY = '22'.repeat(32);
const MEMBERS = 40;
const location = fixtures.locations.adaBeach;
const RETRYING = /^⏳ The team's Plume budget is busy, retrying in \d+ s\.$/;
const BUSY = /^This Plume account is busy with other people's requests right now: try again in \d+ s\.$/;

describe("a team sharing its workspace's Plume budget", () => {
  let world: BotWorld;
  let members: SandboxUser[] = [];
  beforeAll(async () => {
    world = await createBotWorld({
      env: { BOT_ENCRYPTION_KEY: KEY, PLUME_QUEUE_MAX_WAIT_SECONDS: '3' },
      plumeClient: { timeoutMs: 10_000, retry: { limit: 1, baseDelayMs: 10, maxTotalMs: 20_000 } },
    });
    const ids = Array.from({ length: MEMBERS }, (_, i) => 8000 + i);
    const { authorization, partnerId } = world.simulator.credentials;
    await seedUsers({
      dataDir: world.dataDir,
      key: Buffer.from(KEY, 'hex'),
      ids,
      credentials: { authorization, partnerId },
      selection: { customerId: location.customerId, locationId: location.id, name: location.name },
      team: true,
    });
    await world.startBot();
    world.simulator.faults.setLatency(100);
    members = ids.map((id) => world.harness.createUser({ id, firstName: `Agent ${id}` }));
  }, 60_000);
  afterAll(() => world.close());

  it('tells members the team’s budget is busy and retries for them, instead of failing', async () => {
    await Promise.all(members.map((member) => member.send('/status')));
    const answers = await Promise.all(
      members.map((member) =>
        member.waitForMessage((m) => BUSY.test(m.text ?? '') || (m.text ?? '').includes(location.name), {
          timeoutMs: 60_000,
        }),
      ),
    );
    while (world.simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const reports = answers.filter((m) => (m.text ?? '').includes(location.name)).length;
    const texts = world.harness.sandbox.calls('sendMessage').map((call) => String(call.params.text));
    const retried = texts.filter((text) => RETRYING.test(text)).length;
    // Some waited for a retry instead of being refused, and their retry notice was gone once it ran.
    expect(retried).toBeGreaterThan(0);
    for (const member of members) expect(member.messages().filter((m) => RETRYING.test(m.text ?? ''))).toEqual([]);
    expect(reports).toBeGreaterThan(6);
    // Plume was never blamed, and every call made went into a report.
    expect(texts.filter((text) => /Plume is taking too long|something went wrong/.test(text))).toEqual([]);
    expect(world.simulator.log.count('locations.get')).toBe(reports);
  }, 90_000);
});
