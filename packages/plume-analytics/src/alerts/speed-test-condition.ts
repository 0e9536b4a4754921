// Internal: `speedTestDrop`. Which test counts (the gateway's latest successful one) is
// analyzeLocationHealth's rule; the median is the package's nearest-rank percentile.
import type { SpeedTestSummary } from '../location-health-types';
import { percentile } from '../percentile';
import { isCanonicalIso, parseTimestamp, toIso } from '../time';
import type { ResolvedAlertOptions } from './options';
import { keyOf, reading, type Reading } from './readings';
import type { LocationAlertState } from './types';

type SpeedTests = NonNullable<LocationAlertState['speedTests']>;

/** At most this many tests are remembered (a test an hour for a week is 168). */
const MAX_REMEMBERED = 200;

/**
 * Judges the gateway's latest test once, when it is new (its start, else end, is later than every
 * test remembered), against the median download of the remembered tests of the previous
 * `historyMs`. Returns the reading (`null` when nothing new) and the tests to remember.
 */
export function speedTestReading(
  locationId: string,
  test: SpeedTestSummary | null,
  remembered: SpeedTests,
  options: ResolvedAlertOptions,
): { readonly reading: Reading | null; readonly speedTests: SpeedTests } {
  const stamp = test?.startedAt ?? test?.endedAt;
  const last = remembered.at(-1);
  // Most polls bring the test already judged: two times written as `toIso` writes them compare as strings.
  if (last && isCanonicalIso(stamp) && isCanonicalIso(last.at) && stamp <= last.at) {
    return { reading: null, speedTests: remembered };
  }
  const time = parseTimestamp(stamp);
  const download = test?.downloadMbps;
  if (time === null || typeof download !== 'number' || download < 0 || (last && parseTimestamp(last.at)! >= time)) {
    return { reading: null, speedTests: remembered };
  }
  const recent = remembered.filter((t) => parseTimestamp(t.at)! >= time - options.speedTest.historyMs);
  const testedAt = toIso(time);
  const upload = test?.uploadMbps;
  const entry =
    typeof upload === 'number' && upload >= 0
      ? { at: testedAt, downloadMbps: download, uploadMbps: upload }
      : { at: testedAt, downloadMbps: download };
  const speedTests = [...recent, entry].slice(-MAX_REMEMBERED);
  if (recent.length < options.speedTest.minHistory) return { reading: null, speedTests };
  const median = percentile(
    recent.map((t) => t.downloadMbps),
    50,
  );
  const share = median > 0 ? download / median : 1;
  const verdict =
    share < options.speedTest.dropBelowShare ? 'bad' : share > options.speedTest.recoverAboveShare ? 'good' : 'hold';
  const details = {
    downloadMbps: download,
    medianMbps: median,
    percentOfMedian: Math.round(share * 1000) / 10,
    testedAt,
  };
  return { reading: reading(keyOf(locationId, 'speedTestDrop'), 'speedTestDrop', null, verdict, details), speedTests };
}
