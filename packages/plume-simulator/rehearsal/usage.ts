// Publish rehearsal: type-checks the public API as a consumer sees it (never run).
import {
  fixtures,
  manualClock,
  startSimulator,
  type HealthCase,
  type RecordedRequest,
  type ScenarioInput,
  type Simulator,
  type SimulatorOptions,
} from '@org/plume-simulator';

const options: SimulatorOptions = {
  port: 0,
  latencyMs: 5,
  tokenLifetimeSeconds: 120,
  wafLimit: false,
  referenceTime: Date.now(),
};

export async function usage(): Promise<number> {
  const sim: Simulator = await startSimulator(options);
  sim.faults.failNext('nodes.list', 503, 1, { retryAfter: 1 });
  sim.faults.malformNext('*', 'wrong-shape');
  sim.faults.delayNext('token', 100);
  sim.faults.setTokenLifetime(30);
  sim.faults.setWafLimit({ max: 10, windowMs: 60_000 });
  sim.faults.revokeTokens();
  sim.faults.reset();
  const scenario: ScenarioInput = {
    locations: { adaHome: [{ kind: 'offline', at: '10m', for: '5m' }] },
    plume: [{ kind: 'plumeFailing', at: 0, status: 'timeout' }],
  };
  sim.scenarios.load(scenario);
  sim.scenarios.clear();
  const clocked = await startSimulator({ clock: manualClock('2026-01-01T00:00:00Z'), scenario });
  await clocked.close();
  void fixtures.locations.flakyHome.podSerials[0];
  const healthCase: HealthCase = fixtures.locations.snakeOffice.healthCase;
  const requests: RecordedRequest[] = sim.log.requests('nodes.list');
  await sim.close();
  return requests.length + sim.log.count() + healthCase.length + fixtures.customers.chain.locations.length;
}
