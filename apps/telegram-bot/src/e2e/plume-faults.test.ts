import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

describe('Plume faults', () => {
  let world: BotWorld;
  let gus: SandboxUser;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    gus = world.harness.createUser({ firstName: 'Gus' });
    await completeSetup(world, gus);
    await selectLocation(gus, fixtures.customers.ada.accountId, 'Home');
  }, 60_000);
  afterEach(async () => {
    // A call the bot gave up on may still be waiting out its delay: let it finish inside its own test.
    while (world.simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    world.simulator.faults.reset();
  });
  afterAll(() => world.close());

  const statusReply = async () => {
    await gus.send('/status');
    return (await gus.lastMessage()).text ?? '';
  };

  it('says Plume is too slow when it times out', async () => {
    world.simulator.faults.delayNext('locations.get', 2_500, 2);
    expect(await statusReply()).toBe('Plume is taking too long to answer. Try again in a minute.');
  });

  it('says Plume is having trouble after repeated 5xx', async () => {
    world.simulator.faults.failNext('nodes.list', 503, 2);
    expect(await statusReply()).toContain("Plume's servers are having trouble (HTTP 503). Try again in a minute.");
    world.simulator.faults.failNext('nodes.list', 503, 1, { retryAfter: 900 });
    expect(await statusReply()).toBe("Plume's servers are having trouble (HTTP 503). Plume asked to retry in 900 s.");
  });

  it('recovers from a 401 mid-session by itself, and asks for /setup when the credentials are revoked', async () => {
    world.simulator.faults.revokeTokens();
    expect(await statusReply()).toContain('pods connected');
    world.simulator.faults.revokeTokens();
    world.simulator.faults.failNext('token', 401, 3, {
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
    });
    expect(await statusReply()).toContain('Plume no longer accepts your credentials');
  });

  it('tells the user to wait when Plume rate limits with a 429 and Retry-After', async () => {
    world.simulator.faults.failNext('locations.get', 429, 1, { retryAfter: 120 });
    expect(await statusReply()).toBe('Plume is rate limiting requests. Retry in 120 s.');
  });

  it('says it cannot read a malformed answer', async () => {
    world.simulator.faults.malformNext('nodes.list', 'wrong-shape', 2);
    expect(await statusReply()).toContain('Plume sent data I could not read');
  });

  it('gives an error id for an unexpected failure, logs it, and keeps running', async () => {
    world.harness.sandbox.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something odd' });
    const reply = await statusReply();
    const errorId = /error id: ([0-9A-F]{8})/.exec(reply)?.[1];
    expect(errorId).toBeDefined();
    expect(world.logs().some((line) => line.includes(`"errorId":"${errorId}"`) && line.includes('"level":50'))).toBe(
      true,
    );
    expect(await statusReply()).toContain('pods connected');
  });

  // Last: the firewall's 403 pauses the cloud's shared budget for a whole window, for everyone.
  it('tells the user to wait when Plume’s firewall blocks the bot, and holds every request for its window', async () => {
    world.simulator.faults.setWafLimit({ max: 0, windowMs: 300_000 });
    const firewall =
      /^Plume is rate limiting this bot \(its firewall allows 2,000 calls in 5 minutes\)\. Retry in \d+ s\.$/;
    expect(await statusReply()).toMatch(firewall);
    world.simulator.faults.setWafLimit(false);
    const calls = world.simulator.log.count();
    expect(await statusReply()).toMatch(firewall);
    expect(world.simulator.log.count()).toBe(calls);
  });
});
