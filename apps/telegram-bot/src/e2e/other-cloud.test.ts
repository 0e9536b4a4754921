import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { buttonLabels } from '@org/telegram-sandbox';
import { createBotWorld, type BotWorld } from '../testing/bot-world';

describe('a partner on another Plume cloud', () => {
  let world: BotWorld;
  beforeAll(async () => {
    // The bot's default cloud is unreachable: only the URLs given at /setup lead to Plume.
    world = await createBotWorld({
      plumeDefaults: () => ({ ssoUrl: 'http://127.0.0.1:9/oauth2/x/v1/token', apiBase: 'http://127.0.0.1:9/api/' }),
    });
    await world.startBot();
  }, 60_000);
  afterAll(() => world.close());

  it('says the default cloud is unreachable, then sets up with its own token URL and API base', async () => {
    const { authorization, partnerId } = world.simulator.credentials;
    const kim = world.harness.createUser({ firstName: 'Kim' });
    const answerUpTo = async () => {
      await kim.send('/setup');
      await kim.waitForMessage('Step 1 of 2');
      await kim.send(authorization);
      await kim.waitForMessage('Step 2 of 2');
      await kim.send(partnerId);
      return kim.waitForMessage('another Plume cloud');
    };
    expect(buttonLabels(await answerUpTo())).toEqual(['Public Plume cloud: check now', 'Another Plume cloud']);
    await kim.press('Public Plume cloud: check now');
    expect((await kim.waitForMessage('Nothing was saved')).text).toContain("could not reach Plume's token server");

    await answerUpTo();
    await kim.press('Another Plume cloud');
    await kim.waitForMessage('Send your token URL');
    await kim.send('not a url');
    expect((await kim.waitForMessage('Please send it again')).text).toContain('full URL');
    await kim.send(world.simulator.ssoUrl);
    await kim.waitForMessage('Send your API base');
    await kim.send(world.simulator.apiBase);
    await kim.waitForMessage('✅ Connected');

    await kim.send('/locations');
    await kim.waitForMessage('Which customer?');
    await kim.send(fixtures.customers.snake.id);
    const picker = await kim.waitForMessage('Pick one');
    expect(picker.text).toContain('Snake_Case *Bold* [Co] <Ltd> & Sons 🐍');
    await kim.press('Lab 🧪');
    await kim.waitForMessage('📍 Selected');
    await kim.send('/stats');
    expect((await kim.waitForMessage('Online time')).text).toContain('Lab 🧪');
  });
});
