import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { TEAM_CHAT_REFUSAL } from '../features/team-chats';
import { INVITE_REFUSED } from '../features/join';
import { INVITE_DELETED } from '../security/invite-guard';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const BEACH = fixtures.locations.adaBeach;
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;

describe('team chats and the audit log', () => {
  let world: BotWorld;
  let ada: SandboxUser; // the admin
  let sue: SandboxUser; // support
  let stan: SandboxUser; // in no workspace
  const invite = async (role: string) => {
    await ada.send('/invite');
    await ada.press(`Invite a ${role}`);
    const message = await ada.waitForMessage(TOKEN);
    return { token: TOKEN.exec(message.text ?? '')?.[1] ?? '', link: /https:\S+/.exec(message.text ?? '')?.[0] ?? '' };
  };
  const csvOf = async (user: SandboxUser, command: string) => {
    await user.send(command);
    const document = await user.waitForMessage((m) => m.document !== undefined);
    return Buffer.from(world.harness.file(document).data ?? []).toString('utf8');
  };

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    sue = world.harness.createUser({ firstName: 'Sue' });
    stan = world.harness.createUser({ firstName: 'Stan' });
    await completeSetup(world, ada);
    const { token } = await invite('support');
    await sue.send(`/start ${token}`);
    await sue.waitForMessage('You joined the workspace as support');
    await selectLocation(sue, 'ada@example.com', BEACH.name);
  }, 60_000);
  afterAll(() => world.close());

  it('binds a group when an admin who administers it asks; members report there, anyone else is refused once', async () => {
    const noc = world.harness.createGroup({ title: 'NOC', owner: ada, members: [sue, stan] });
    const other = world.harness.createGroup({ title: 'Lobby', members: [ada] });
    await ada.in(other).send('/bind');
    await ada.in(other).waitForMessage('Only an administrator of this group can make it the team’s chat.');
    await sue.in(noc).send('/bind');
    await sue.in(noc).waitForMessage('Your role in this workspace (support) does not allow this');
    await ada.in(noc).send('/bind');
    await ada.in(noc).waitForMessage('This group is now your team’s chat');

    await sue.in(noc).send('/status');
    await sue.in(noc).waitForMessage(BEACH.name);
    await stan.in(noc).send('/status');
    await stan.in(noc).waitForMessage(TEAM_CHAT_REFUSAL);
    await stan.in(noc).send('/locations');
    await sue.in(noc).send('/help');
    await sue.in(noc).waitForMessage('/locations');
    const refusals = noc.messages().filter((m) => m.text === TEAM_CHAT_REFUSAL);
    expect(refusals).toHaveLength(1);
    // Secrets are never asked for in a group.
    await ada.in(noc).send('/setup');
    await ada.in(noc).waitForMessage('/setup only works in a private chat');
    await ada.in(noc).send('/invite');
    await ada.in(noc).waitForMessage('only in a private chat');
  });

  it('deletes an invite link pasted in a team chat and revokes it', async () => {
    const noc = world.harness.createGroup({ title: 'NOC 2', owner: ada, members: [sue] });
    const { token, link } = await invite('viewer');
    const pasted = await sue.in(noc).send(`here is the link ${link}`);
    await sue.in(noc).waitForMessage(INVITE_DELETED);
    expect(noc.messages().some((m) => m.message_id === pasted.message_id)).toBe(false);
    await stan.send(`/start ${token}`);
    await stan.waitForMessage(INVITE_REFUSED);
  });

  it('records each action with ids only, shows admins the latest with filters, and exports CSV', async () => {
    const csv = await csvOf(ada, '/audit');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('time_utc,workspace_id,actor_id,action,customer_id,location_id,subject_id,detail,purpose');
    const actions = rows.slice(1).map((row) => row.split(',')[3]);
    for (const action of [
      'credentials.changed',
      'member.invited',
      'member.joined',
      'customer.searched',
      'report.viewed',
      'chat.bound',
      'invite.revoked',
    ])
      expect(actions).toContain(action);
    const report = rows.find((row) => row.includes('report.viewed'));
    expect(report).toContain(`,${sue.id},report.viewed,${BEACH.customerId},${BEACH.id},,,health report`);
    // Ids only: no names, no report content.
    for (const name of ['Ada', 'Sue', 'Beach House', 'NOC', 'Lovelace']) expect(csv).not.toContain(name);
    expect((await ada.waitForMessage('audit entries')).text).toContain(`by ${sue.id} · report.viewed`);

    const onlyReports = await csvOf(ada, '/audit action report.viewed');
    expect(
      onlyReports
        .trim()
        .split('\r\n')
        .slice(1)
        .every((row) => row.split(',')[3] === 'report.viewed'),
    ).toBe(true);
    const bySue = await csvOf(ada, `/audit member ${sue.id}`);
    expect(
      bySue
        .trim()
        .split('\r\n')
        .slice(1)
        .every((row) => row.split(',')[2] === String(sue.id)),
    ).toBe(true);

    // The customer's own export: dates and purposes, no agents.
    const subject = await csvOf(ada, `/audit export ${BEACH.customerId}`);
    const lines = subject.trim().split('\r\n');
    expect(lines[0]).toBe('time_utc,purpose');
    expect(lines.slice(1)).toContainEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z,health report$/));
    expect(subject).not.toContain(String(sue.id));
    expect(subject).not.toContain(String(ada.id));

    await sue.send('/audit');
    await sue.waitForMessage('Your role in this workspace (support) does not allow this');
  });
});
