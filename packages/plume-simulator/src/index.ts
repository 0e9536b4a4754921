/**
 * `@org/plume-simulator`: a local Plume Cloud for tests, benchmarks and demos. It serves the SSO
 * token endpoint, the API (`/api/`) and the Reports API (`/reports/`) over real HTTP, with a
 * deterministic data set and fault injection.
 *
 * @packageDocumentation
 */

export { startSimulator } from './server';
export { fixtures } from './dataset/fixtures';
export { acceleratedClock, manualClock, realClock } from './clock';
export type { ManualClock, SimulatorClock } from './clock';
export type { ScenarioInput } from './scenario/schema';
export type { SimulatorScenarios } from './scenario/state';
export type { CustomerFixture, Fixtures, LocationFixture } from './dataset/fixtures';
export type { CustomerKey } from './dataset/customers';
export type { HealthCase, LocationKey } from './dataset/locations';
export type {
  FailOptions,
  FaultTarget,
  MalformedKind,
  RecordedRequest,
  RequestLog,
  RouteName,
  Simulator,
  SimulatorCredentials,
  SimulatorFaults,
  SimulatorOptions,
  WafLimit,
} from './types';
// The command line (`plume-simulator`) lives in ./cli-main and is not part of the library API.
