import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { buttonLabels, type SandboxUser, type TelegramMessage } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const isPhoto = (m: TelegramMessage) => m.photo !== undefined;
const TOKEN = /\?start=([A-Za-z0-9_-]{22})\b/;
/** The period line of a WAN caption: `2025-06-01 09:15 → 2025-06-01 12:15 (3 h)`. */
const PERIOD = /^(\d{4}-\d\d-\d\d \d\d:\d\d) → (\d{4}-\d\d-\d\d \d\d:\d\d) \((\d+) h\)$/m;

describe('chart ranges and time zones', () => {
  let world: BotWorld;
  let ann: SandboxUser;
  let report: TelegramMessage;
  let first: TelegramMessage;
  const wanCalls = () => world.simulator.log.count('reports.wanStats');
  const file = (message: TelegramMessage) => world.harness.file(message);
  /** The message `id` once its caption passes `test`. */
  const edited = (user: SandboxUser, id: number, test: (caption: string) => boolean) =>
    user.waitForMessage((m) => m.message_id === id && test(m.caption ?? ''));
  const period = (message: TelegramMessage) => {
    const match = PERIOD.exec(message.caption ?? '');
    if (match === null) throw new Error(`no period line in ${message.caption}`);
    return { from: match[1]!, to: match[2]!, hours: Number(match[3]) };
  };

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    await selectLocation(ann, fixtures.customers.ada.email, 'Home');
    await ann.send('/wan');
    report = await ann.waitForMessage('WAN consumption');
  }, 60_000);
  afterAll(() => world.close());

  it('gives the WAN chart range buttons: 3 h edits the picture in place, 24 h comes back from the cache', async () => {
    await (await ann.press('🖼 Chart', { messageId: report.message_id })).answer();
    first = await ann.waitForMessage(isPhoto);
    expect(period(first).hours).toBe(24);
    const before = wanCalls();

    await (await ann.press('📈 WAN 3 h', { messageId: first.message_id })).answer();
    const threeHours = await edited(ann, first.message_id, (caption) => caption.includes('(3 h)'));
    expect(buttonLabels(threeHours)).toEqual(['⏱ 3 h', '⏱ 24 h', '⏱ 7 days', '• 📈 WAN 3 h •', '📈 WAN 24 h']);
    // The last 3 hours of the same data: the same end, 3 hours from the start.
    expect(period(threeHours).to).toBe(period(first).to);
    expect(Date.parse(`${period(threeHours).to}Z`) - Date.parse(`${period(threeHours).from}Z`)).toBe(3 * 3_600_000);
    expect(threeHours.caption?.length).toBeLessThanOrEqual(1024);
    expect(file(threeHours).fileId).not.toBe(file(first).fileId);
    expect(wanCalls()).toBe(before + 1);
    expect(ann.messages().filter(isPhoto)).toHaveLength(1);

    await (await ann.press('📈 WAN 24 h', { messageId: first.message_id })).answer();
    const back = await edited(ann, first.message_id, (caption) => caption.includes('(24 h)'));
    expect(file(back).fileId).toBe(file(first).fileId);
    expect(back.caption).toBe(first.caption);
    expect(wanCalls()).toBe(before + 1);
  });

  it('keeps the buttons of an older chart working on that chart after another chart changed range', async () => {
    await (await ann.press('🖼 Chart', { messageId: report.message_id })).answer();
    const second = await ann.waitForMessage((m) => isPhoto(m) && m.message_id !== first.message_id);
    await (await ann.press('⏱ 24 h', { messageId: second.message_id })).answer();
    await edited(ann, second.message_id, (caption) => caption.startsWith('📶 Online time · Last 24 Hours'));

    await (await ann.press('📈 WAN 3 h', { messageId: first.message_id })).answer();
    await edited(ann, first.message_id, (caption) => caption.includes('(3 h)'));
    const [older, newer] = ann.messages().filter(isPhoto);
    expect(older?.message_id).toBe(first.message_id);
    expect(newer?.caption).toMatch(/^📶 Online time · Last 24 Hours/);
    expect(buttonLabels(newer!)).toContain('• ⏱ 24 h •');
  });

  it('draws charts and captions in the person’s time zone, cached apart from other zones', async () => {
    const utc = first; // as sent: WAN over 24 hours, in UTC
    await ann.send('/settings');
    await ann.press('🌍 Time zone');
    await ann.send('Asia/Tokyo');
    await ann.waitForMessage('✅ Saved.');
    const before = wanCalls();

    await (await ann.press('📈 WAN 24 h', { messageId: first.message_id })).answer();
    const tokyo = await edited(ann, first.message_id, (caption) => caption.includes('Asia/Tokyo'));
    expect(tokyo.caption).toContain('Times in Asia/Tokyo (UTC+09:00).');
    // The same instant, 9 hours later on the wall clock.
    expect(period(tokyo).hours).toBe(24);
    expect(Date.parse(`${period(tokyo).to}Z`) - Date.parse(`${period(utc).to}Z`)).toBe(9 * 3_600_000);
    // Not the UTC picture from the cache: fetched and drawn again, with another time axis.
    expect(wanCalls()).toBe(before + 1);
    expect(Buffer.compare(Buffer.from(file(tokyo).data!), Buffer.from(file(utc).data!))).not.toBe(0);
  });

  it('answers politely when Plume no longer has the location of an old chart button', async () => {
    const shown = ann.messages().find((m) => m.message_id === first.message_id)?.caption;
    world.simulator.faults.failNext('reports.onlineStats', 404, 1);
    await (await ann.press('⏱ 7 days', { messageId: first.message_id })).answer();
    expect((await ann.waitForMessage('Plume does not know this customer or location')).text).toContain(
      'pick another with /locations',
    );
    expect(ann.messages().find((m) => m.message_id === first.message_id)?.caption).toBe(shown);
  });

  it('refuses an old chart button to a member removed from the workspace, without asking Plume', async () => {
    const vic = world.harness.createUser({ firstName: 'Vic' });
    await ann.send('/invite');
    await ann.press('Invite a viewer');
    const token = TOKEN.exec((await ann.waitForMessage(TOKEN)).text ?? '')?.[1] ?? '';
    await vic.send(`/start ${token}`);
    await vic.waitForMessage('You joined the workspace as viewer');
    await selectLocation(vic, fixtures.customers.ada.email, 'Home');
    await vic.send('/wan');
    const vicReport = await vic.waitForMessage('WAN consumption');
    await (await vic.press('🖼 Chart', { messageId: vicReport.message_id })).answer();
    const chart = await vic.waitForMessage(isPhoto);

    await ann.send('/team');
    await ann.press('Vic ✖ remove');
    await vic.waitForMessage('An admin removed you from your workspace');
    const calls = wanCalls();
    const edits = world.harness.sandbox.calls('editMessageMedia').length;
    const answer = await (await vic.press('📈 WAN 3 h', { messageId: chart.message_id })).answer();
    expect(answer.text).toContain('First connect your Plume partner account with /setup');
    expect(wanCalls()).toBe(calls);
    expect(world.harness.sandbox.calls('editMessageMedia')).toHaveLength(edits);
    expect(
      vic
        .messages()
        .filter(isPhoto)
        .map((m) => m.caption),
    ).toEqual([chart.caption]);
  });
});
