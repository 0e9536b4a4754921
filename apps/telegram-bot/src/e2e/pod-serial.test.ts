import { describe, expect, it } from '@jest/globals';
import { fixtures } from '@org/plume-simulator';
import { completeSetup } from '../testing/bot-world';
import { useBotWorld } from '../testing/use-bot-world';

describe('/locations with a pod serial', () => {
  const world = useBotWorld();

  it('finds the customer the pod is claimed by and offers their locations', async () => {
    const eve = world.harness.createUser({ firstName: 'Eve' });
    await completeSetup(world, eve);
    await eve.send('/locations');
    expect((await eve.waitForMessage('Which customer?')).text).toContain('pod serial');
    const serial = fixtures.locations.graceCabin.podSerials[1] as string;
    await eve.send(serial.toLowerCase());
    const picker = await eve.waitForMessage('Pick one');
    expect(picker.text).toContain(`${fixtures.customers.grace.name}: 2 locations`);
    expect(world.simulator.log.requests('nodes.bySerial').map((request) => request.params.serial)).toEqual([
      serial.toLowerCase(),
    ]);
  });

  it('says nothing matches for an unknown serial', async () => {
    const fay = world.harness.createUser({ firstName: 'Fay' });
    await completeSetup(world, fay);
    await fay.send('/locations');
    await fay.waitForMessage('Which customer?');
    await fay.send('NP9999NOTAPOD');
    expect((await fay.waitForMessage('No customer matches')).text).toContain('NP9999NOTAPOD');
  });
});
