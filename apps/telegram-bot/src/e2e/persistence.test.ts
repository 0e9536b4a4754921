import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { completeSetup, selectLocation } from '../testing/bot-world';
import { useBotWorld } from '../testing/use-bot-world';

describe('state across restarts', () => {
  const world = useBotWorld();

  it('keeps credentials and the selection, encrypted, so /status works after a restart without /setup', async () => {
    const bea = world.harness.createUser({ firstName: 'Bea' });
    await completeSetup(world, bea);
    await selectLocation(bea, fixtures.customers.grace.accountId, 'Cabin');

    await world.stopBot();
    await world.startBot();
    const tokenRequestsBefore = world.simulator.log.count('token');

    await bea.send('/status');
    const report = await bea.waitForMessage('Cabin');
    expect(report.text).toMatch(/offline/i);
    expect(world.simulator.log.count('token')).toBe(tokenRequestsBefore + 1);

    await bea.send('/locations');
    expect(
      (await bea.waitForMessage('Which customer?')).reply_markup?.inline_keyboard.flat().map((b) => b.text),
    ).toEqual(['🕘 Cabin']);
    await bea.press('🕘 Cabin');
    expect((await bea.waitForMessage('📍 Selected')).text).toContain('Cabin');
    await bea.send('/cancel');
    await bea.waitForMessage('There is nothing to cancel');
  }, 60_000);

  it('never writes a header, secret or token in clear, and keeps the key file private', async () => {
    const { authorization, clientSecret, clientId } = world.simulator.credentials;
    const encoded = authorization.replace(/^Basic /, '');
    // A /setup halfway through keeps the header in its draft until Plume has verified it.
    const cal = world.harness.createUser({ firstName: 'Cal' });
    await cal.send('/setup');
    await cal.waitForMessage('Step 1 of 2');
    await cal.send(authorization);
    await cal.waitForMessage('Step 2 of 2');
    const files = readdirSync(join(world.dataDir));
    expect(files).toEqual(expect.arrayContaining(['bot.sqlite', 'encryption.key']));
    for (const file of files) {
      const bytes = readFileSync(join(world.dataDir, file)).toString('latin1');
      for (const secret of [encoded, clientSecret, clientId, 'Bearer']) expect(bytes).not.toContain(secret);
      // A JWT is two `eyJ…` segments (base64 of `{"`); a lone `eyJ` also turns up by chance in sealed (random) bytes.
      expect(bytes).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
    }
    expect(statSync(join(world.dataDir, 'encryption.key')).mode & 0o777).toBe(0o600);
    expect(world.logs().some((line) => line.includes('BOT_ENCRYPTION_KEY is not set'))).toBe(true);
    const logText = world.logs().join('\n');
    expect(logText).not.toContain(encoded);
    expect(logText).not.toContain(world.harness.token);
  });
});
