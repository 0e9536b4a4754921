import type { ScenarioInput } from '../scenario/schema';

/**
 * The built-in timeline: `flakyHome` goes offline for 90 seconds every 5 minutes, starting 4
 * minutes after the simulator starts, so that a newcomer sees outages (and alerts) in the sandbox
 * without writing a scenario. A loaded scenario that names `flakyHome` replaces it.
 */
export const BUILT_IN_SCENARIO: ScenarioInput = {
  locations: { flakyHome: [{ kind: 'offline', at: '4m', for: '90s', every: '5m' }] },
};
