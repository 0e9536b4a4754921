import { describe, expect, it } from '@jest/globals';
import { completeSetup } from '../testing/bot-world';
import { useBotWorld } from '../testing/use-bot-world';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

describe('text a user wrote, echoed in the bot’s sentences', () => {
  const world = useBotWorld();

  it('loses its bidirectional controls, so it cannot reorder the sentence around it', async () => {
    const eve = world.harness.createUser({ firstName: 'Eve\u202E !gnorw' });
    await eve.send('/start');
    const hello = await eve.waitForMessage('Hi Eve');
    expect(hello.text).toContain('Hi Eve !gnorw!');
    expect(hello.text).not.toMatch(BIDI_CONTROL);

    await completeSetup(world, eve);
    await eve.send('/locations');
    await eve.waitForMessage('Which customer?');
    await eve.send('nobody\u202E\u2066 here\u200F');
    const none = await eve.waitForMessage('No customer matches');
    expect(none.text).toContain('No customer matches “nobody here”');
    expect(none.text).not.toMatch(BIDI_CONTROL);
  });

  it('keeps right-to-left text readable, in one isolate that cannot leak', async () => {
    const dan = world.harness.createUser({ firstName: 'דן\u202C\u202B' });
    await dan.send('/start');
    const hello = await dan.waitForMessage('Hi ');
    expect(hello.text).toContain('Hi \u2068דן\u2069!');
  });
});
