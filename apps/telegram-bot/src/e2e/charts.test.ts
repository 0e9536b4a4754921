import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { buttonLabels, type SandboxUser, type TelegramMessage } from '@org/telegram-sandbox';
import { completeSetup, createBotWorld, selectLocation, type BotWorld } from '../testing/bot-world';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPhoto = (m: TelegramMessage) => m.photo !== undefined;

describe('charts of a report', () => {
  let world: BotWorld;
  let ann: SandboxUser;
  let report: TelegramMessage;
  let chart: TelegramMessage;
  const calls = (route: 'reports.wanStats' | 'reports.onlineStats') => world.simulator.log.count(route);

  /** The picture of a photo message, checked from its bytes: a PNG, with its size from the PNG header. */
  const picture = (message: TelegramMessage) => {
    const file = world.harness.file(message);
    const data = file.data ?? new Uint8Array();
    expect(file.mimeType).toBe('image/png');
    expect([...data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const header = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { ...file, size: [header.getUint32(16), header.getUint32(20)] as const };
  };

  beforeAll(async () => {
    world = await createBotWorld();
    await world.startBot();
    ann = world.harness.createUser({ firstName: 'Ann' });
    await completeSetup(world, ann);
    await selectLocation(ann, fixtures.customers.ada.email, 'Home');
  }, 60_000);
  afterAll(() => world.close());

  it('sends the WAN report’s chart as a PNG photo replying to the report, with its headline numbers', async () => {
    await ann.send('/wan');
    report = await ann.waitForMessage('WAN consumption');
    expect(buttonLabels(report)).toContain('🖼 Chart');
    const before = calls('reports.wanStats');

    const press = await ann.press('🖼 Chart', { messageId: report.message_id });
    chart = await ann.waitForMessage(isPhoto);
    await press.answer();
    expect(chart.reply_to_message?.message_id).toBe(report.message_id);
    expect(chart.caption).toMatch(/^📊 WAN consumption\n🏠 Home · /);
    expect(chart.caption).toContain('↓ Download: peak');
    expect(chart.caption?.length).toBeLessThanOrEqual(1024);
    expect(buttonLabels(chart)).toEqual(['⏱ 3 h', '⏱ 24 h', '⏱ 7 days', '📈 WAN 3 h', '• 📈 WAN 24 h •']);
    expect(picture(chart).size).toEqual([1600, 900]); // 800 × 450 at 2×
    expect(calls('reports.wanStats')).toBe(before + 1);
  });

  it('replaces the picture in place when a range button is pressed', async () => {
    const before = calls('reports.onlineStats');
    await (await ann.press('⏱ 24 h', { messageId: chart.message_id })).answer();
    const edited = await ann.waitForMessage(
      (m) => m.message_id === chart.message_id && (m.caption ?? '').startsWith('📶 Online time · Last 24 Hours'),
    );
    expect(edited.edit_date).toBeDefined();
    expect(buttonLabels(edited)).toEqual(['⏱ 3 h', '• ⏱ 24 h •', '⏱ 7 days', '📈 WAN 3 h', '📈 WAN 24 h']);
    const online = picture(edited);
    expect(online.fileId).not.toBe(picture(chart).fileId);
    expect(online.size).toEqual([1600, 900]);
    expect(ann.messages().filter(isPhoto)).toHaveLength(1);
    expect(calls('reports.onlineStats')).toBe(before + 1);
    expect(world.harness.sandbox.calls('editMessageMedia').at(-1)?.ok).toBe(true);
  });

  it('serves presses again within minutes from the cache: no Plume call, no upload', async () => {
    const wan = calls('reports.wanStats');
    const online = calls('reports.onlineStats');
    const sandbox = world.harness.sandbox;

    await (await ann.press('📈 WAN 24 h', { messageId: chart.message_id })).answer();
    const back = await ann.waitForMessage(
      (m) => m.message_id === chart.message_id && (m.caption ?? '').startsWith('📊 WAN consumption'),
    );
    expect(picture(back).fileId).toBe(picture(chart).fileId);
    // Sent by file_id: a JSON body, no upload.
    expect(sandbox.calls('editMessageMedia').at(-1)?.params.media).toMatchObject({
      type: 'photo',
      media: picture(chart).fileId,
    });

    await (await ann.press('🖼 Chart', { messageId: report.message_id })).answer();
    const again = await ann.waitForMessage((m) => isPhoto(m) && m.message_id !== chart.message_id);
    expect(again.reply_to_message?.message_id).toBe(report.message_id);
    expect(sandbox.calls('sendPhoto').at(-1)?.params.photo).toBe(picture(chart).fileId);
    expect(again.caption).toBe(chart.caption);

    const pressCurrent = await ann.press('• 📈 WAN 24 h •', { messageId: chart.message_id });
    expect((await pressCurrent.answer()).text).toBe('Already up to date.');
    expect([calls('reports.wanStats'), calls('reports.onlineStats')]).toEqual([wan, online]);
  });
});
