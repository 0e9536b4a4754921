import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const BEACH = fixtures.locations.adaBeach;
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;

describe('the purpose of lookups in the audit log', () => {
  let world: BotWorld;
  let ada: SandboxUser; // admin
  let sue: SandboxUser; // support
  const csvOf = async (command: string, file: string) => {
    await ada.send(command);
    const document = await ada.waitForMessage((m) => m.document?.file_name?.startsWith(file) === true);
    return Buffer.from(world.harness.file(document).data ?? []).toString('utf8');
  };

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ada = world.harness.createUser({ firstName: 'Ada' });
    sue = world.harness.createUser({ firstName: 'Sue' });
    await completeSetup(world, ada);
    await ada.send('/invite');
    await ada.press('Invite a support');
    const token = TOKEN.exec((await ada.waitForMessage(TOKEN)).text ?? '')?.[1] ?? '';
    await sue.send(`/start ${token}`);
    await sue.waitForMessage('You joined the workspace as support');
  }, 60_000);
  afterAll(() => world.close());

  it("records the agent's purpose with each lookup while it holds, and only what was looked at without one", async () => {
    await sue.send('/purpose ticket\u202E 4711');
    await sue.waitForMessage('A purpose may not hold line breaks, tabs or invisible formatting characters.');
    await sue.send(`/purpose ${'x'.repeat(81)}`);
    await sue.waitForMessage('A purpose may have at most 80 characters.');
    await sue.send('/purpose ticket 4711');
    await sue.waitForMessage('recorded with the purpose “ticket 4711”');
    await sue.send('/purpose');
    await sue.waitForMessage('Your lookups are recorded with the purpose “ticket 4711” until');

    await selectLocation(sue, 'ada@example.com', BEACH.name);
    await sue.send('/status');
    await sue.waitForMessage(BEACH.name);
    await sue.send('/purpose off');
    await sue.waitForMessage('Purpose ended.');
    await sue.send('/nodes');
    await sue.waitForMessage(BEACH.name);

    await ada.send(`/audit member ${sue.id}`);
    const shown = await ada.waitForMessage('audit entries');
    expect(shown.text).toContain(
      `by ${sue.id} · report.viewed · customer ${BEACH.customerId} · location ${BEACH.id} · purpose: ticket 4711 (health report)`,
    );
    expect(shown.text).toContain(
      `by ${sue.id} · report.viewed · customer ${BEACH.customerId} · location ${BEACH.id} · purpose: pods`,
    );
    const csv = await csvOf(`/audit member ${sue.id}`, 'audit-');
    expect(csv).toContain(`,${sue.id},customer.searched,${BEACH.customerId},,,,ticket 4711 (customer search)\r\n`);
    expect(csv).toContain(`,${sue.id},report.viewed,${BEACH.customerId},${BEACH.id},,,ticket 4711 (health report)\r\n`);

    // The customer's own export: dates and purposes, no agents.
    const lines = (await csvOf(`/audit export ${BEACH.customerId}`, 'customer-lookups-')).trim().split('\r\n');
    expect(lines).toContainEqual(expect.stringMatching(/^[\dT:.Z-]+,ticket 4711 \(health report\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^[\dT:.Z-]+,pods$/));
    expect(lines.join('\n')).not.toContain(String(sue.id));
  });
});
