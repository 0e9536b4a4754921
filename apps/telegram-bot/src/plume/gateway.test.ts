import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import type { Credentials } from '../storage/user-state';
import { createPlumeGateway } from './gateway';

const BEACH = fixtures.locations.adaBeach;

describe('two workspaces on one Plume cloud', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
    simulator.faults.setLatency(20);
  });
  afterAll(() => simulator.close());

  it("share the cloud's budget without one team's burst holding back the other's request", async () => {
    const gateway = createPlumeGateway({
      defaults: { ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase, reportsBase: simulator.reportsBase },
      queue: { maxWaitMs: 120_000 },
    });
    const { authorization, partnerId } = simulator.credentials;
    // Two workspaces' credentials (the simulator knows one client, so they differ in the token
    // URL only): two clients and two queues, on one cloud, hence one budget of 6 calls/s.
    const big: Credentials = { authorization, partnerId };
    const small: Credentials = { authorization, partnerId, ssoUrl: `${simulator.ssoUrl}?workspace=small` };
    expect(gateway.cloudOf(big)).toBe(gateway.cloudOf(small));
    expect(gateway.queue(big)).not.toBe(gateway.queue(small));
    // Both hold a token before the race, so only the queues and the budget decide the order.
    await Promise.all([gateway.verify(big), gateway.verify(small)]);

    const finished: string[] = [];
    const report = (credentials: Credentials, who: string) =>
      gateway.queue(credentials).enqueue(who, async (signal) => {
        const client = gateway.client(credentials);
        await Promise.all([
          client.locations.get(BEACH.customerId, BEACH.id, { signal }),
          client.nodes.list(BEACH.customerId, BEACH.id, { signal }),
        ]);
        finished.push(who);
      });
    // The big team's 30 agents each ask for a report (60 calls: 10 s of the budget); once its
    // queue runs all it may at once, one agent of the small team asks for one.
    const burst = Array.from({ length: 30 }, (_, i) => report(big, `big-${i}`));
    await burst[5]?.started;
    const single = report(small, 'small');
    await Promise.all([...burst, single].map((ticket) => ticket.result));

    // Each team runs at most its queue's concurrency (6 reports) at once, so the small team's
    // report waits behind those, not behind the whole burst (without that cap it comes last).
    expect(finished).toHaveLength(31);
    expect(finished.indexOf('small')).toBeLessThanOrEqual(8);
    expect(simulator.log.count('locations.get')).toBe(31);
  }, 60_000);
});
