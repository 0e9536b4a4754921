import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { completeSetup, createBotWorld, type BotWorld } from '../testing/bot-world';
import { seriesValue } from '../testing/metrics-text';
import { until } from '../testing/until';

/** Reads one counter from the bot's /metrics. */
async function metric(world: BotWorld, name: string): Promise<number> {
  const text = await (await fetch(`${world.app().http?.url}/metrics`)).text();
  return seriesValue(text, name) ?? 0;
}

describe('who may use the bot', () => {
  let world: BotWorld;
  const OWNER_ID = 4242;
  beforeAll(async () => {
    world = await createBotWorld({
      env: { ALLOWED_USERS: `${OWNER_ID}, 77`, PORT: '0', HOST: '127.0.0.1', REPLICA_ID: 'bot-a' },
    });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('gives a stranger one refusal and nothing more', async () => {
    const stranger = world.harness.createUser({ firstName: 'Eve' });
    await stranger.send('/start');
    expect((await stranger.lastMessage()).text).toBe('Sorry, this bot is private.');
    await stranger.send('/setup');
    await stranger.send('/help');
    await until(async () => (await metric(world, 'telegram_bot_refused_total')) === 3, 'three refused updates');
    expect(stranger.messages().filter((m) => m.from?.is_bot)).toHaveLength(1);
    await stranger.send('Basic ZXZlOmV2ZQ==');
    await stranger.waitForMessage('so I deleted your message'); // a secret is deleted first, from anyone
    expect(stranger.messages().some((m) => m.text?.includes('ZXZlOmV2ZQ=='))).toBe(false);
  });

  it('deletes a stranger’s header in a shared group before ignoring them, and refuses each stranger once across restarts', async () => {
    const owner = world.harness.createUser({ id: 77, firstName: 'Ann' });
    const stranger = world.harness.createUser({ firstName: 'Mallory' });
    const group = world.harness.createGroup({ title: 'Shared', members: [owner, stranger] });
    const header = world.simulator.credentials.authorization;
    await stranger.in(group).send(`try this: ${header}`);
    await stranger.in(group).waitForMessage('so I deleted your message');
    expect(group.messages().some((m) => m.text?.includes(header.slice(6)))).toBe(false);

    await stranger.send('/start');
    expect((await stranger.lastMessage()).text).toBe('Sorry, this bot is private.');
    await world.stopBot();
    await world.startBot();
    const refused = await metric(world, 'telegram_bot_refused_total');
    await stranger.send('/start');
    await until(async () => (await metric(world, 'telegram_bot_refused_total')) === refused + 1, 'the refused update');
    await owner.send('/help');
    await owner.waitForMessage('/status');
    expect(stranger.messages().filter((m) => m.from?.is_bot && m.text === 'Sorry, this bot is private.')).toHaveLength(
      1,
    );
  });

  it('refuses /setup in a group and asks for a private chat', async () => {
    const owner = world.harness.createUser({ id: OWNER_ID, firstName: 'Olga' });
    const group = world.harness.createGroup({ title: 'NOC team', members: [owner] });
    const inGroup = owner.in(group);
    await inGroup.send('/setup');
    const answer = await inGroup.lastMessage();
    expect(answer.text).toContain('only works in a private chat');
    expect(answer.text).toContain(`https://t.me/${world.harness.sandbox.bot.username}`);
    await inGroup.send(world.simulator.credentials.authorization);
    await completeSetup(world, owner);
    expect(world.simulator.log.count('token')).toBe(1);
  });

  it('serves /healthz, its liveness and readiness, and Prometheus /metrics labelled with the replica', async () => {
    const health = await fetch(`${world.app().http?.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    expect((await fetch(`${world.app().http?.url}/healthz/live`)).status).toBe(200);
    const ready = await fetch(`${world.app().http?.url}/healthz/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready\n']);
    const metrics = await (await fetch(`${world.app().http?.url}/metrics`)).text();
    expect(metrics).toContain('# TYPE telegram_bot_updates_total counter');
    expect(metrics).toMatch(/^telegram_bot_updates_total\{replica="bot-a",kind="message"\} \d+$/m);
    expect(metrics).toMatch(/^telegram_bot_stored_users\{replica="bot-a"\} \d+$/m);
    expect(metrics).toMatch(/^telegram_bot_update_duration_seconds_count\{replica="bot-a"\} \d+$/m);
    expect((await fetch(`${world.app().http?.url}/nope`)).status).toBe(404);
  });
});

describe('the per-user rate limit', () => {
  let limited: BotWorld;
  beforeAll(async () => {
    limited = await createBotWorld({ env: { PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '4' } });
    await limited.startBot();
  }, 60_000);
  afterAll(() => limited.close());

  it('slows down a user who sends too much, telling them once', async () => {
    const owner2 = limited.harness.createUser({ firstName: 'Max' });
    for (let i = 0; i < 7; i++) await owner2.send('/help');
    await until(async () => (await metric(limited, 'telegram_bot_rate_limited_total')) >= 3, 'rate-limited updates');
    const replies = owner2.messages().filter((m) => m.from?.is_bot);
    expect(replies.filter((m) => m.text?.includes('/setup · Connect'))).toHaveLength(4);
    expect(replies.filter((m) => m.text?.includes('going a little fast'))).toHaveLength(1);
  });
});
