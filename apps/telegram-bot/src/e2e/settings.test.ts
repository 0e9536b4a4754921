import { describe, expect, it } from '@jest/globals';
import { useBotWorld } from '../testing/use-bot-world';

describe('/settings', () => {
  const world = useBotWorld();

  it('shows the defaults: UTC, no quiet hours, no digest, reminders off', async () => {
    const ann = world.harness.createUser({ firstName: 'Ann' });
    await ann.send('/settings');
    const shown = (await ann.waitForMessage('Your alert settings')).text ?? '';
    expect(shown).toContain('🌍 Time zone: UTC');
    expect(shown).toContain('🌙 Quiet hours: none');
    expect(shown).toContain('🗞 Daily digest: off');
    expect(shown).toContain('🔁 Reminders: off');
    expect(shown).toContain('📍 Alerts go to: this private chat');
  });

  it('asks again, with the reason, for an answer that does not parse, and keeps the setting', async () => {
    const bob = world.harness.createUser({ firstName: 'Bob' });
    await bob.send('/settings');
    await bob.press('🌍 Time zone');
    await bob.waitForMessage('Send your time zone');
    await bob.send('Mars/Olympus');
    expect((await bob.waitForMessage('Please send it again')).text).toContain(
      '“Mars/Olympus” is not a time zone I know.',
    );
    await bob.send('europe/berlin');
    expect((await bob.waitForMessage('✅ Saved.')).text).toContain('🌍 Time zone: Europe/Berlin');

    await bob.press('🌙 Quiet hours');
    await bob.waitForMessage('Send your quiet hours');
    await bob.send('25:00-07:00');
    expect((await bob.waitForMessage('Please send it again')).text).toContain(
      '25:00 is not a time of day: hours go from 00 to 23.',
    );
    await bob.send('22:00-07:00');
    expect((await bob.waitForMessage('✅ Saved.')).text).toContain('🌙 Quiet hours: 22:00–07:00');

    await bob.press('🗞 Digest');
    await bob.send('8:30');
    expect((await bob.waitForMessage('Please send it again')).text).toContain('on the hour');
    await bob.send('/cancel');
    expect((await bob.lastMessage()).text).toBe('Settings unchanged.');
    await bob.send('/settings');
    expect((await bob.waitForMessage('Your alert settings')).text).toContain('🗞 Daily digest: off');
  });

  it('switches reminders on and off with a button, and keeps settings across a restart', async () => {
    const cy = world.harness.createUser({ firstName: 'Cy' });
    await cy.send('/settings');
    await cy.press('🔁 Reminders: turn on');
    expect((await cy.waitForMessage('Reminders: on')).text).toContain('every 4 h');
    await cy.press('🗞 Digest');
    await cy.send('07:00');
    await cy.waitForMessage('✅ Saved.');
    await world.stopBot();
    await world.startBot();
    await cy.send('/settings');
    const shown = (await cy.waitForMessage('Your alert settings')).text ?? '';
    expect(shown).toContain('🔁 Reminders: on');
    expect(shown).toContain('🗞 Daily digest: 07:00');
  });

  it('keeps settings out of groups', async () => {
    const dee = world.harness.createUser({ firstName: 'Dee' });
    const group = world.harness.createGroup({ title: 'Ops', members: [dee] });
    await group.as(dee).send('/settings');
    expect((await group.as(dee).lastMessage()).text).toContain('change them in a private chat');
  });
});
