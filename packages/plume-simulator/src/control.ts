import { apiError, type SimResponse } from './responses';
import type { SimulatorScenarios } from './scenario/state';

/** The control API's path: `PUT` a scenario (JSON) to load it, `DELETE` to clear loaded scenarios. */
export const CONTROL_PATH = '/_simulator/scenario';

/**
 * Answers the control API, for a simulator in another process (`plume-simulator` on the command
 * line): `PUT /_simulator/scenario` with the scenario's JSON → 204, or 400 with the problems;
 * `DELETE /_simulator/scenario` → 204.
 */
export function control(scenarios: SimulatorScenarios, method: string, body: string): SimResponse {
  if (method === 'DELETE') {
    scenarios.clear();
    return { status: 204, raw: '' };
  }
  if (method !== 'PUT' && method !== 'POST')
    return { ...apiError(405, 'Use PUT with a scenario (JSON) or DELETE.'), headers: { Allow: 'PUT, POST, DELETE' } };
  try {
    scenarios.load(body);
  } catch (error) {
    if (error instanceof TypeError) return apiError(400, error.message);
    throw error;
  }
  return { status: 204, raw: '' };
}
