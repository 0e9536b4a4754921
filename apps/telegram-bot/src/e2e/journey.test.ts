import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { buttonLabels, type SandboxUser, type TelegramMessage } from '@org/telegram-sandbox';
import { createBotWorld, type BotWorld } from '../testing/bot-world';

const current = (user: SandboxUser, id: number): TelegramMessage => {
  const message = user.messages().find((m) => m.message_id === id);
  if (message === undefined) throw new Error(`message #${id} is gone`);
  return message;
};

/** Presses `label` under message `id`, waits for the answer, and returns the message as it now reads. */
async function pressOn(user: SandboxUser, id: number, label: string, expected: RegExp): Promise<TelegramMessage> {
  const press = await user.press(label, { messageId: id });
  await press.answer();
  await user.waitForMessage((m) => m.message_id === id && expected.test(m.text ?? ''));
  return current(user, id);
}

describe('a new user’s journey', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('goes from /start through /setup, /locations, /status and every button to /logout', async () => {
    const { authorization, partnerId } = world.simulator.credentials;
    const ann = world.harness.createUser({ firstName: 'Ann' });

    await ann.send('/start');
    expect((await ann.waitForMessage('Hi Ann')).text).toContain('/setup');
    const registered = world.harness.sandbox.calls('setMyCommands');
    expect(registered).toHaveLength(1);
    const commands = registered[0]?.params.commands as Array<{ command: string }>;
    expect(commands.map((c) => c.command)).toEqual([
      'start',
      'help',
      'setup',
      'locations',
      'status',
      'wan',
      'stats',
      'nodes',
      'wifi',
      'watch',
      'watches',
      'teamwatch',
      'settings',
      'alerts',
      'invite',
      'invites',
      'team',
      'leave',
      'bind',
      'purpose',
      'audit',
      'cancel',
      'logout',
    ]);

    await ann.send('/setup');
    await ann.waitForMessage('Step 1 of 2');
    const header = await ann.send(authorization);
    expect((await ann.waitForMessage('Step 2 of 2')).text).toContain('24 hexadecimal digits');
    expect(ann.messages().some((m) => m.message_id === header.message_id)).toBe(false);
    expect(ann.messages().some((m) => m.text?.includes('I deleted your message'))).toBe(true);
    await ann.send(partnerId);
    await ann.waitForMessage('public Plume cloud');
    await ann.press('Public Plume cloud: check now');
    await ann.waitForMessage('✅ Connected');

    await ann.send('/start');
    expect((await ann.waitForMessage('Welcome back')).text).toContain('/locations');

    await ann.send('/locations');
    await ann.waitForMessage('Which customer?');
    await ann.send(fixtures.customers.ada.email);
    const picker = await ann.waitForMessage('Pick one');
    expect(picker.text).toContain('Ada Lovelace: 2 locations');
    expect(buttonLabels(picker)).toEqual(['Home', 'Beach House 🏖️', '👁 Watch all locations']);
    await ann.press('Beach House 🏖️');
    expect((await ann.waitForMessage('📍 Selected')).text).toContain('Beach House 🏖️');
    await ann.send('/start');
    expect((await ann.waitForMessage('looking at')).text).toContain('/status');

    await ann.send('/status');
    const report = await ann.waitForMessage('pods connected');
    expect(report.text).toContain('Beach House 🏖️');
    expect(report.text).toContain("Pod 'Garden Shed' is disconnected");
    expect(report.entities?.some((e) => e.type === 'bold')).toBe(true);
    expect(buttonLabels(report)).toEqual([
      '📈 WAN',
      '⏱ Online time',
      '📡 Nodes',
      '📶 Wi-Fi',
      '🔄 Refresh',
      '📍 Change location',
      '👁 Watch all locations',
    ]);
    expect(world.simulator.log.count('locations.get')).toBeGreaterThan(0);

    const id = report.message_id;
    expect((await pressOn(ann, id, '📈 WAN', /WAN consumption/)).text).toContain('Beach House');
    const week = await pressOn(ann, id, '⏱ Online time', /Last 7 Days/);
    expect(buttonLabels(week).slice(0, 3)).toEqual(['3 h', '24 h', '• 7 days •']);
    await pressOn(ann, id, '3 h', /Last 3 Hours/);
    await pressOn(ann, id, '24 h', /Last 24 Hours/);
    expect((await pressOn(ann, id, '📡 Nodes', /Pod details/)).text).toContain('Garden Shed');
    const wifi = await pressOn(ann, id, '📶 Wi-Fi', /Wi-Fi networks/);
    expect(wifi.text).not.toMatch(/password|encryptionKey|correct-horse|backhaul-secret/i);
    await pressOn(ann, id, '📊 Status', /pods connected/);
    const refresh = await ann.press('🔄 Refresh', { messageId: id });
    expect((await refresh.answer()).text).toBe('Already up to date.');
    expect(ann.messages().filter((m) => m.message_id === id)).toHaveLength(1);

    await ann.send('/wan');
    expect((await ann.waitForMessage('WAN consumption')).text).toContain('Busy hours');
    await ann.send('/stats');
    const stats = await ann.waitForMessage('Online time');
    await pressOn(ann, stats.message_id, '24 h', /Last 24 Hours/);
    await pressOn(ann, stats.message_id, '3 h', /Last 3 Hours/);
    await ann.send('/nodes');
    expect((await ann.waitForMessage('Pod details')).text).toContain('Kitchen');
    await ann.send('/wifi');
    const networks = await ann.waitForMessage('Wi-Fi networks');
    expect(networks.text).toContain('Beach *5G*');
    expect(networks.text).not.toMatch(/password|correct-horse|backhaul-secret/i);

    await ann.press('📍 Change location', { messageId: id });
    const again = await ann.waitForMessage('Which customer?');
    expect(buttonLabels(again)).toEqual(['🕘 Beach House 🏖️']);
    await ann.send(fixtures.customers.chain.accountId);
    const chain = await ann.waitForMessage('Pick one');
    expect(chain.text).toContain('14 locations (page 1 of 2)');
    expect(buttonLabels(chain)).toHaveLength(10);
    expect(buttonLabels(chain).at(-1)).toBe('👁 Watch all locations');
    await pressOn(ann, chain.message_id, 'Next ›', /page 2 of 2/);
    await ann.press('Store 14 · Steglitz', { messageId: chain.message_id });
    await ann.waitForMessage('📍 Selected: Store 14');

    // The first report's buttons still act on the location they were made for.
    expect((await pressOn(ann, id, '📡 Nodes', /Pod details/)).text).toContain('Beach House');

    await ann.send('/logout');
    await ann.waitForMessage('erased');
    await ann.send('/status');
    expect((await ann.waitForMessage('/setup')).text).toContain('connect your Plume partner account');
  }, 120_000);
});
