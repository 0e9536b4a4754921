import { describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import type { SandboxUser } from '@org/telegram-sandbox';
import { completeSetup, selectLocation } from '../testing/bot-world';
import { useBotWorld } from '../testing/use-bot-world';

const botReplies = (user: SandboxUser) => user.messages().filter((m) => m.from?.is_bot);

describe('bad input', () => {
  const world = useBotWorld();

  it('asks again, with the reason, for a garbage header or a malformed Partner ID', async () => {
    const cy = world.harness.createUser({ firstName: 'Cy' });
    await cy.send('/setup');
    await cy.waitForMessage('Step 1 of 2');
    const garbage = await cy.send('my password is hunter2');
    expect((await cy.waitForMessage('Please send it again')).text).toContain(
      'The header must be the Basic header from the Plume portal',
    );
    expect(cy.messages().some((m) => m.message_id === garbage.message_id)).toBe(false);
    await cy.send('Basic not*base64!');
    expect((await cy.waitForMessage('Please send it again')).text).toContain(
      'The header is not valid base64 after “Basic ”',
    );
    await cy.send(`Basic ${'A'.repeat(5000)}`);
    expect((await cy.waitForMessage('Please send it again')).text).toContain('far too long');
    await cy.send(world.simulator.credentials.authorization);
    await cy.waitForMessage('Step 2 of 2');
    await cy.send('12345');
    expect((await cy.waitForMessage('Please send it again')).text).toContain('exactly 24 hexadecimal digits');
    await cy.send('/cancel');
    expect((await cy.lastMessage()).text).toBe('Setup cancelled. Nothing was saved.');
    expect(world.simulator.log.count('token')).toBe(0);
  });

  it('names the cause when Plume refuses the client or the partner, and keeps nothing', async () => {
    const dee = world.harness.createUser({ firstName: 'Dee' });
    const attempt = async (authorization: string, partnerId: string) => {
      await dee.send('/setup');
      await dee.waitForMessage('Step 1 of 2');
      await dee.send(authorization);
      await dee.waitForMessage('Step 2 of 2');
      await dee.send(partnerId);
      await dee.press('Public Plume cloud: check now');
      return dee.waitForMessage('Nothing was saved');
    };
    const wrongClient = await attempt(
      `Basic ${Buffer.from('intruder:guess').toString('base64')}`,
      world.simulator.credentials.partnerId,
    );
    expect(wrongClient.text).toContain('invalid_client');
    const wrongPartner = await attempt(world.simulator.credentials.authorization, 'ffffffffffffffffffffffff');
    expect(wrongPartner.text).toContain('not the Partner ID (invalid_scope)');
    await dee.send('/status');
    expect((await dee.lastMessage()).text).toContain('/setup');
  });

  it('asks for text when a photo answers a question, and says so when nothing was asked', async () => {
    const ike = world.harness.createUser({ firstName: 'Ike' });
    await ike.send('/setup');
    await ike.waitForMessage('Step 1 of 2');
    await ike.sendPhoto();
    expect((await ike.lastMessage()).text).toBe(
      'I can only read text here. Please send your answer as a text message, or /cancel.',
    );
    await ike.send(world.simulator.credentials.authorization);
    await ike.waitForMessage('Step 2 of 2');
    await ike.send(world.simulator.credentials.partnerId);
    await ike.waitForMessage('public Plume cloud');
    await ike.sendPhoto({ caption: 'which one?' });
    expect((await ike.lastMessage()).text).toBe('Please press one of the buttons above, or /cancel.');
    await ike.press('Public Plume cloud: check now');
    await ike.waitForMessage('Connected');
    await ike.send('/locations');
    await ike.waitForMessage('Which customer?');
    await ike.sendPhoto();
    expect((await ike.lastMessage()).text).toContain('I can only read text here. Type a customer id');
    await ike.send('/cancel');
    await ike.waitForMessage('Location search cancelled');
    await ike.sendPhoto();
    expect((await ike.lastMessage()).text).toBe("I wasn't waiting for a message. /help lists what I can do.");
  });

  it('answers an unknown customer, ids with / or .., and a 5,000-character message, and keeps asking', async () => {
    const eli = world.harness.createUser({ firstName: 'Eli' });
    await completeSetup(world, eli);
    await eli.send('/locations');
    await eli.waitForMessage('Which customer?');
    for (const query of ['nobody@example.com', '../../etc/passwd', '..', 'c0ffee/../000000000000001', '%2e%2e%2f']) {
      await eli.send(query);
      expect((await eli.waitForMessage('No customer matches')).text).toContain('send it again');
    }
    await eli.send('x'.repeat(5000));
    expect((await eli.waitForMessage('too long')).text).toContain('at most 200 characters');
    expect(world.simulator.log.requests().every((request) => request.route !== undefined)).toBe(true);
    await eli.send(fixtures.customers.foreign.id);
    expect((await eli.waitForMessage('not yours')).text).toContain('(403)');
    await eli.send('Ada');
    await eli.waitForMessage('Pick one');
    await eli.send('/cancel');
    await eli.send('y'.repeat(5000));
    expect((await eli.waitForMessage("I wasn't waiting")).text).toContain('/help');
  });

  it('answers unknown, outdated and stale buttons politely, and a double press once each', async () => {
    const fay = world.harness.createUser({ firstName: 'Fay' });
    await completeSetup(world, fay);
    await selectLocation(fay, fixtures.customers.ada.email, 'Home');
    // A message from an older version of the bot, whose buttons this version does not know.
    const response = await fetch(`${world.harness.apiRoot}/bot${world.harness.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: fay.id,
        text: 'An old report',
        reply_markup: {
          inline_keyboard: [
            [
              { text: 'Old', callback_data: 'rv.0:status:1' },
              { text: 'Junk', callback_data: '{"x":1}' },
              { text: 'Gone', callback_data: 'rv.1:status:99999' },
            ],
          ],
        },
      }),
    });
    expect(response.ok).toBe(true);
    for (const label of ['Old', 'Junk', 'Gone']) {
      const answer = await (await fay.press(label)).answer();
      expect(answer.text).toMatch(/no longer active|old message/);
    }
    expect(botReplies(fay).at(-1)?.text).toBe('An old report');

    await fay.send('/status');
    const report = await fay.waitForMessage('pods connected');
    const first = await fay.press('📡 Nodes', { messageId: report.message_id });
    const second = await fay.press('📡 Nodes', { messageId: report.message_id });
    const answers = await Promise.all([first.answer(), second.answer()]);
    expect(answers).toHaveLength(2);
    await fay.waitForMessage((m) => m.message_id === report.message_id && (m.text ?? '').includes('Pod details'));
    expect(botReplies(fay).at(-1)?.message_id).toBe(report.message_id);
    expect(world.logs().some((line) => line.includes('"level":50'))).toBe(false);
  });

  it('takes a double press on a location, and a press answered after Telegram gave up, without an error', async () => {
    const gil = world.harness.createUser({ firstName: 'Gil' });
    await completeSetup(world, gil);
    await gil.send('/locations');
    await gil.waitForMessage('Which customer?');
    await gil.send(fixtures.customers.ada.email);
    const picker = await gil.waitForMessage('Pick one');
    const presses = [
      await gil.press('Home', { messageId: picker.message_id }),
      await gil.press('Home', { messageId: picker.message_id }),
    ];
    expect((await Promise.all(presses.map((press) => press.answer()))).map((answer) => answer.text)).toEqual([
      'Selected Home',
      'Selected Home',
    ]);
    expect((await gil.waitForMessage('📍 Selected')).message_id).toBe(picker.message_id);

    await gil.send('/status');
    const report = await gil.waitForMessage('pods connected');
    world.harness.sandbox.failNext('answerCallbackQuery', {
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    await gil.press('📶 Wi-Fi', { messageId: report.message_id });
    await gil.waitForMessage((m) => m.message_id === report.message_id && (m.text ?? '').includes('Wi-Fi networks'));
    await gil.send('/help');
    await gil.waitForMessage('/setup · Connect');
    expect(botReplies(gil).filter((m) => m.text?.includes('error id'))).toEqual([]);
    expect(world.logs().some((line) => line.includes('"level":50'))).toBe(false);
  });
});
