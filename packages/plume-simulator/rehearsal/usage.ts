// Publish rehearsal: type-checks the public API as a consumer sees it (never run).
import { fixtures, startSimulator, type HealthCase, type RecordedRequest, type Simulator, type SimulatorOptions } from '@org/plume-simulator';

const options: SimulatorOptions = { port: 0, latencyMs: 5, tokenLifetimeSeconds: 120, wafLimit: false, referenceTime: Date.now() };

export async function usage(): Promise<number> {
  const sim: Simulator = await startSimulator(options);
  sim.faults.failNext('nodes.list', 503, 1, { retryAfter: 1 });
  sim.faults.malformNext('*', 'wrong-shape');
  sim.faults.delayNext('token', 100);
  sim.faults.setTokenLifetime(30);
  sim.faults.setWafLimit({ max: 10, windowMs: 60_000 });
  sim.faults.revokeTokens();
  sim.faults.reset();
  const healthCase: HealthCase = fixtures.locations.snakeOffice.healthCase;
  const requests: RecordedRequest[] = sim.log.requests('nodes.list');
  await sim.close();
  return requests.length + sim.log.count() + healthCase.length + fixtures.customers.chain.locations.length;
}
