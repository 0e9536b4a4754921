import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, type BotWorld } from '../testing/bot-world';

const DELETED = 'That looked like a Plume authorization header, so I deleted your message';

describe('an authorization header posted outside /setup’s first step', () => {
  let world: BotWorld;
  let header: string;
  const encoded = () => header.replace(/^Basic /, '');
  const holdsHeader = (user: SandboxUser) =>
    user.messages().some((m) => `${m.text ?? ''}${m.caption ?? ''}`.includes(encoded()));

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    header = world.simulator.credentials.authorization;
  }, 60_000);
  afterAll(() => world.close());

  it('is deleted at the Partner ID step, and the setup goes on', async () => {
    const lea = world.harness.createUser({ firstName: 'Lea' });
    await lea.send('/setup');
    await lea.waitForMessage('Step 1 of 2');
    await lea.send(header);
    await lea.waitForMessage('Step 2 of 2');
    await lea.send(header);
    await lea.waitForMessage(DELETED);
    expect(holdsHeader(lea)).toBe(false);
    await lea.send(world.simulator.credentials.partnerId);
    await lea.waitForMessage('public Plume cloud');
  });

  it('is deleted, and never searched for, while the bot waits for a customer or for nothing', async () => {
    const max = world.harness.createUser({ firstName: 'Max' });
    await completeSetup(world, max);
    await max.send('/locations');
    await max.waitForMessage('Which customer?');
    world.simulator.log.clear();
    await max.send(`here it is: basic ${encoded()}`);
    await max.waitForMessage(DELETED);
    await max.send('/cancel');
    await max.waitForMessage('Location search cancelled');
    await max.send(header);
    await max.waitForMessage(DELETED);
    expect(holdsHeader(max)).toBe(false);
    expect(world.simulator.log.count()).toBe(0);
    expect(world.logs().join('\n')).not.toContain(encoded());
  });

  it('is deleted from a photo caption, even at /setup’s first step, which only reads text', async () => {
    const ora = world.harness.createUser({ firstName: 'Ora' });
    await ora.send('/setup');
    await ora.waitForMessage('Step 1 of 2');
    await ora.sendPhoto({ caption: header });
    await ora.waitForMessage(DELETED);
    expect(holdsHeader(ora)).toBe(false);
    await ora.send(header);
    await ora.waitForMessage('Step 2 of 2');
    const group = world.harness.createGroup({ title: 'Field team', members: [ora] });
    await ora.in(group).sendPhoto({ caption: `router screenshot, ${header}` });
    await ora.in(group).waitForMessage(DELETED);
    expect(group.messages().some((m) => m.caption?.includes(encoded()))).toBe(false);
    expect(world.logs().join('\n')).not.toContain(encoded());
  });

  it('is deleted when an edit puts it into a message, in a private chat or a group', async () => {
    const pat = world.harness.createUser({ firstName: 'Pat' });
    const plumeCalls = world.simulator.log.count();
    const note = await pat.send('my creds are below');
    await pat.lastMessage();
    await pat.edit(note.message_id, `my creds are ${header}`);
    await pat.waitForMessage(DELETED);
    expect(holdsHeader(pat)).toBe(false);
    const group = world.harness.createGroup({ title: 'Ops', members: [pat] });
    const inGroup = pat.in(group);
    const shared = await inGroup.send('screenshot of the portal');
    await inGroup.edit(shared.message_id, header);
    await inGroup.waitForMessage(DELETED);
    expect(group.messages().some((m) => m.text?.includes(encoded()))).toBe(false);
    expect(world.simulator.log.count()).toBe(plumeCalls);
  });

  it('is deleted in its other shapes too (bare base64, a bearer JWT, a bot token), in every state, and never searched for or echoed', async () => {
    const kim = world.harness.createUser({ firstName: 'Kim' });
    await completeSetup(world, kim);
    const jwt = ['{"alg":"RS256","typ":"JWT"}', '{"sub":"0oa1","exp":1900000000}']
      .map((p) => Buffer.from(p).toString('base64url'))
      .join('.');
    const secrets = [encoded(), `Bearer ${jwt}.c2lnbmF0dXJl`, '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0'];
    const plumeCalls = world.simulator.log.count();
    await kim.send('/locations');
    await kim.waitForMessage('Which customer?');
    for (const secret of secrets) {
      await kim.send(secret);
      const notice = await kim.waitForMessage('so I deleted your message');
      expect(notice.text).toMatch(
        /That looked like (a Plume client id and secret|an access token|a Telegram bot token)/,
      );
    }
    await kim.send('/cancel');
    await kim.waitForMessage('Location search cancelled');
    await kim.send(encoded());
    await kim.waitForMessage('a Plume client id and secret');
    await kim.send('/setup');
    await kim.waitForMessage('Step 1 of 2');
    await kim.send(header);
    await kim.waitForMessage('Step 2 of 2');
    await kim.send(secrets[2] ?? '');
    await kim.waitForMessage('a Telegram bot token, so I deleted your message');
    const all = kim
      .messages()
      .map((m) => m.text ?? '')
      .join('\n');
    for (const secret of [encoded(), jwt, '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0']) {
      expect(all).not.toContain(secret);
      expect(world.logs().join('\n')).not.toContain(secret);
    }
    expect(world.simulator.log.count()).toBe(plumeCalls);
  });

  it('is deleted in a group, and ordinary text that starts with “basic” is left alone', async () => {
    const ned = world.harness.createUser({ firstName: 'Ned' });
    const group = world.harness.createGroup({ title: 'NOC team', members: [ned] });
    const inGroup = ned.in(group);
    await inGroup.send(header);
    expect((await inGroup.lastMessage()).text).toContain(DELETED);
    expect(group.messages().some((m) => m.text?.includes(encoded()))).toBe(false);

    await ned.send('basic troubleshooting steps please');
    expect((await ned.lastMessage()).text).toContain("I wasn't waiting for a message");
  });
});
