import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SandboxUser } from '@org/telegram-sandbox';
import { INVITE_REFUSED, MAX_INVITE_FAILURES } from '../features/join';
import { DATABASE_FILE_NAME } from '../storage/sqlite-user-store';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const BEACH = 'Beach House 🏖️';
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;

describe('a team sharing one workspace', () => {
  let world: BotWorld;
  let ada: SandboxUser; // the admin
  let vic: SandboxUser; // invited as a viewer
  let sue: SandboxUser; // invited as support
  let usedToken = '';
  const sql = (statement: string, ...params: Array<string | number>) => {
    const db = new DatabaseSync(join(world.dataDir, DATABASE_FILE_NAME));
    const rows = db.prepare(statement).all(...params);
    db.close();
    return rows as Array<Record<string, unknown>>;
  };
  /** Runs /invite as `admin` for `role`; returns the link's token. */
  const invite = async (admin: SandboxUser, role: string): Promise<string> => {
    await admin.send('/invite');
    await admin.waitForMessage('Which role should the new member have?');
    await admin.press(`Invite a ${role}`);
    const message = await admin.waitForMessage(TOKEN);
    return TOKEN.exec(message.text ?? '')?.[1] ?? '';
  };
  const botReplies = (user: SandboxUser) => user.messages().filter((m) => m.from?.is_bot === true);

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    vic = world.harness.createUser({ firstName: 'Vic' });
    // A right-to-left override in a name must not reorder the bot's sentences around it.
    sue = world.harness.createUser({ firstName: 'Sue', lastName: '\u202Eeel', username: 'sue_agent' });
  }, 60_000);
  afterAll(() => world.close());

  it('lets the admin invite a viewer and a support agent, who then use the workspace’s Plume account', async () => {
    await completeSetup(world, ada);
    const forVic = await invite(ada, 'viewer');
    usedToken = forVic;
    expect(forVic).toHaveLength(22);
    expect((await ada.lastMessage()).text).toMatch(/^Invite #\d+ for a viewer:\nhttps:\/\/t\.me\/\w+\?start=/);
    await vic.send(`/start ${forVic}`);
    await vic.waitForMessage('You joined the workspace as viewer');
    await ada.waitForMessage(`Vic (Telegram id ${vic.id}) joined your workspace as viewer`);
    const forSue = await invite(ada, 'support');
    await sue.send(`/start ${forSue}`);
    await sue.waitForMessage('You joined the workspace as support');

    // Neither ever saw the header; both report through the workspace.
    await selectLocation(vic, 'ada@example.com', BEACH);
    await vic.send('/status');
    await vic.waitForMessage(BEACH);
    await selectLocation(sue, 'ada@example.com', BEACH);

    // The token is kept only as a hash.
    const file = readFileSync(join(world.dataDir, DATABASE_FILE_NAME)).toString('latin1');
    expect(file).not.toContain(forVic);
    expect(sql('SELECT COUNT(*) AS n FROM invites WHERE used_by IS NOT NULL')).toEqual([{ n: 2 }]);

    // Admin-only commands are refused to the others, and /setup is the admins'.
    await vic.send('/invite');
    await vic.waitForMessage('Your role in this workspace (viewer) does not allow this');
    await sue.send('/team');
    await sue.waitForMessage('Your role in this workspace (support) does not allow this');
    await vic.send('/setup');
    await vic.waitForMessage("Your workspace's Plume credentials are managed by its admins");
  });

  it('refuses a used, a revoked, an expired and a forged token with the same one sentence, and stops guessing', async () => {
    const eve = world.harness.createUser({ firstName: 'Eve' });
    const revoked = await invite(ada, 'viewer');
    await ada.send('/invites');
    const list = await ada.waitForMessage('Open invites');
    const id = /#(\d+) · viewer/.exec(list.text ?? '')?.[1] ?? '';
    await ada.press(`Revoke #${id}`);
    await ada.waitForMessage('No open invites');
    const expired = await invite(ada, 'support');
    sql('UPDATE invites SET expires_at = 0 WHERE used_by IS NULL AND revoked_at IS NULL');

    // Someone else opening Vic's link, the revoked one, the expired one, a forged one, garbage.
    const tried = [
      `/start ${usedToken}`,
      `/start ${revoked}`,
      `/start ${expired}`,
      `/start ${'A'.repeat(22)}`,
      '/start not-a-token',
    ];
    for (const text of tried) {
      await eve.send(text);
      expect((await eve.lastMessage()).text).toBe(INVITE_REFUSED);
    }
    expect(botReplies(eve)).toHaveLength(tried.length);
    expect(sql('SELECT COUNT(*) AS n FROM members WHERE user_id = ?', eve.id)).toEqual([{ n: 0 }]);
    expect(world.logs().filter((line) => line.includes('Refused an invite.'))).toHaveLength(tried.length);

    // Past the limit, even a valid link is refused without a lookup (guessing gets nowhere).
    for (let i = tried.length; i < MAX_INVITE_FAILURES; i++) {
      await eve.send(`/start ${'B'.repeat(22)}`);
      await eve.waitForMessage(INVITE_REFUSED);
    }
    const valid = await invite(ada, 'viewer');
    await eve.send(`/start ${valid}`);
    await eve.waitForMessage('Too many invite links that could not be used');
    expect(sql('SELECT COUNT(*) AS n FROM members WHERE user_id = ?', eve.id)).toEqual([{ n: 0 }]);
    expect(world.logs().some((line) => line.includes('too many refused invites'))).toBe(true);
  });

  it('takes access away at once after a removal or a downgrade, on old buttons too', async () => {
    await vic.send('/status');
    const report = await vic.waitForMessage(BEACH);

    await ada.send('/team');
    const team = await ada.waitForMessage('Your workspace has 3 members');
    // Members by the name Telegram gives them (echoed without bidi controls), with role and id.
    expect(team.text).toContain(`• Ada · id ${ada.id} (you) · admin · last active just now`);
    expect(team.text).toContain(`• Vic · id ${vic.id} · viewer · last active`);
    expect(team.text).toContain(`• Sue eel (@sue_agent) · id ${sue.id} · support · last active`);
    expect(sql('SELECT display_name FROM member_names WHERE user_id = ?', sue.id)).toEqual([
      { display_name: 'Sue \u202Eeel (@sue_agent)' },
    ]);
    await ada.press('Vic ✖ remove');
    await ada.waitForMessage('Your workspace has 2 members');
    await vic.waitForMessage('An admin removed you from your workspace');
    // The name went with the membership.
    expect(sql('SELECT COUNT(*) AS n FROM member_names WHERE user_id = ?', vic.id)).toEqual([{ n: 0 }]);

    const press = await vic.press('📈 WAN', { messageId: report.message_id });
    expect((await press.answer()).text).toContain('First connect your Plume partner account with /setup');
    await vic.send('/status');
    await vic.waitForMessage('First connect your Plume partner account');

    // Sue made an admin, then back to viewer: her /team buttons stop working at once.
    await ada.press('Sue eel (@sue_agent) → admin');
    await sue.waitForMessage('An admin made you an admin');
    await sue.send('/team');
    const sueTeam = await sue.waitForMessage('Your workspace has 2 members');
    await ada.press('Sue eel (@sue_agent) → viewer');
    await sue.waitForMessage('An admin made you a viewer');
    const refused = await sue.press('Ada ✖ remove', { messageId: sueTeam.message_id });
    expect((await refused.answer()).text).toContain('Your role in this workspace (viewer) does not allow this');
    expect(sql('SELECT role FROM members WHERE user_id = ?', ada.id)).toEqual([{ role: 'admin' }]);
  });

  it('never lets the last admin leave or be demoted; others may leave', async () => {
    await ada.send('/leave');
    await ada.waitForMessage('The last admin of a workspace can neither leave nor be demoted');
    await ada.send('/team');
    await ada.waitForMessage('Your workspace has 2 members');
    const press = await ada.press('Ada → viewer');
    expect((await press.answer()).text).toContain('The last admin of a workspace can neither leave nor be demoted');
    await sue.send('/leave');
    await sue.waitForMessage('You left the workspace');
    expect(sql('SELECT COUNT(*) AS n FROM member_names WHERE user_id = ?', sue.id)).toEqual([{ n: 0 }]);
    await sue.send('/status');
    await sue.waitForMessage('First connect your Plume partner account');
  });
});
