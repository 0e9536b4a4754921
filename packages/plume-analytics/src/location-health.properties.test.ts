import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyzeLocationHealth } from './location-health';
import { deepFreeze, snapshot } from './test-support';

const odd = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
);
const str = fc.oneof(
  odd,
  fc.constantFrom('connected', 'disconnected', 'fair', 'poor', 'wifi', 'ethernet', 'router', 'succeeded'),
);

const nodeArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 9,
    arbitrary: fc.record(
      {
        id: str,
        nickname: str,
        defaultName: str,
        connectionState: str,
        health: fc.oneof(odd, fc.record({ status: str, score: odd }, { requiredKeys: [] })),
        backhaulType: str,
        alerts: fc.oneof(
          odd,
          fc.array(fc.oneof(odd, fc.record({ type: str }, { requiredKeys: [] })), { maxLength: 3 }),
        ),
        connectedDeviceCount: fc.oneof(odd, fc.double()),
        networkMode: str,
        speedTest: fc.oneof(odd, fc.record({ status: str, gateway: odd, download: odd }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    ),
  },
);

const locationArb = fc.oneof(
  odd,
  fc.record(
    {
      name: str,
      serviceLevel: fc.oneof(
        odd,
        fc.record({ status: fc.oneof(str, fc.constant('fullService')) }, { requiredKeys: [] }),
      ),
      networkStatus: fc.oneof(
        odd,
        fc.record({ status: fc.oneof(str, fc.constantFrom('online', 'offline')) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('analyzeLocationHealth properties', () => {
  it('never throws on odd API data, leaves it unchanged and keeps counts consistent', () => {
    fc.assert(
      fc.property(locationArb, fc.oneof(odd, fc.array(nodeArb, { maxLength: 6 })), (location, nodes) => {
        const input = { location, nodes } as never;
        const before = snapshot(input);
        const report = analyzeLocationHealth(deepFreeze(input));
        expect(snapshot(input)).toEqual(before);
        expect(report.podCounts.connected + report.podCounts.disconnected).toBe(report.pods.length);
        expect(report.issues.filter((i) => i.kind === 'podDisconnected')).toHaveLength(report.podCounts.disconnected);
        expect(report.headline.length).toBeGreaterThan(0);
        expect(Number.isFinite(report.totalConnectedDevices)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
