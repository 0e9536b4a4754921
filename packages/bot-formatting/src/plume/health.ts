import type {
  HealthFinding,
  LocationHealthLevel,
  LocationHealthReport,
  PodDetail,
  SpeedTestSummary,
} from '@org/plume-analytics';
import { concat, join, lines, type FormatInput, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { formatDateTime } from '../time';
import { formatMbps, formatNumber } from '../units';
import { plural } from '../plural';
import { capitalize, finish, locationLine, resolveTimeZone, timeZoneNote, type RenderOptions } from './shared';

/**
 * The emoji that leads a health headline, by level; also handy for buttons and chat titles.
 *
 * @example
 * ```ts
 * HEALTH_LEVEL_EMOJI.partlyOffline; // '🟠'
 * ```
 */
export const HEALTH_LEVEL_EMOJI: Readonly<Record<LocationHealthLevel, string>> = Object.freeze({
  allWell: '🟢',
  degraded: '🟡',
  partlyOffline: '🟠',
  offline: '🔴',
  noData: '⚪',
});

const BACKHAUL: Readonly<Record<PodDetail['backhaul'], string>> = {
  ethernet: 'Ethernet',
  mesh: 'Mesh',
  unknown: 'unknown link',
};

function podIcon(pod: PodDetail): string {
  if (!pod.connected) return '🔴';
  return pod.health === 'fair' || pod.health === 'poor' || pod.alerts.length > 0 ? '🟡' : '✅';
}

function podLine(pod: PodDetail): FormattedText {
  const facts = pod.connected
    ? [pod.health ? `${pod.health} health` : 'online', BACKHAUL[pod.backhaul], plural(pod.connectedDevices, 'device')]
    : [
        pod.connectionState && pod.connectionState !== 'disconnected'
          ? `disconnected (${pod.connectionState})`
          : 'disconnected',
      ];
  if (pod.gateway) facts.push('gateway');
  const alerts = pod.alerts.map((type) => concat('   ⚠️ alert: ', type));
  return lines(concat(podIcon(pod), ' ', bold(pod.name), ' — ', facts.join(', ')), ...alerts);
}

function speedTestSection(test: SpeedTestSummary | null, timeZone: string): FormattedText {
  const title = bold('📶 Last speed test');
  if (!test) return lines(title, italic('No successful speed test reported.'));
  const rate = (value: number | null) => (value === null ? 'n/a' : formatMbps(value));
  const measured = `↓ ${rate(test.downloadMbps)} · ↑ ${rate(test.uploadMbps)} · ${
    test.latencyMs === null ? 'latency n/a' : `${formatNumber(test.latencyMs, 1)} ms latency`
  }`;
  const when = test.endedAt ?? test.startedAt;
  const context = [
    when ? formatDateTime(when, timeZone) : null,
    test.isp ? `ISP ${test.isp}` : null,
    test.serverName ? `server ${test.serverName}` : null,
    test.source === 'location' ? 'from the location record' : 'from the gateway',
  ].filter((part): part is string => part !== null);
  return lines(title, measured, context.join(' · '));
}

function findings(title: string, items: readonly HealthFinding<string>[]): FormattedText | null {
  if (items.length === 0) return null;
  return lines(bold(`${title} (${items.length})`), ...items.map((item): FormatInput => `• ${item.message}`));
}

/** Options of {@link renderHealthSummary}. */
export interface HealthSummaryOptions extends RenderOptions {
  /**
   * The moment whose UTC offset the time-zone note states.
   *
   * @default the speed test's time, else now
   */
  readonly now?: Date | string | number;
}

/**
 * Renders a location health report (`analyzeLocationHealth` of `@org/plume-analytics`): the level
 * emoji and headline, the location, every pod (state, health, backhaul, devices, alerts), the last
 * speed test with its time in `timeZone`, the connected-device total, and the issues and warnings
 * (which the earlier bot computed but never showed).
 *
 * @param report The analysis result; its location name and id head the report.
 * @returns The message, already split to `limit`.
 * @throws {RangeError} When `timeZone` is unknown or `limit` is invalid.
 * @example
 * ```ts
 * const report = analyzeLocationHealth({ location, nodes });
 * for (const part of renderHealthSummary(report, { timeZone: 'Europe/Berlin' })) {
 *   await ctx.reply(part.text, { entities: part.entities });
 * }
 * ```
 */
export function renderHealthSummary(report: LocationHealthReport, options: HealthSummaryOptions = {}): FormattedText[] {
  const timeZone = resolveTimeZone(options.timeZone);
  const headline = bold(`${HEALTH_LEVEL_EMOJI[report.level]} ${capitalize(report.headline)}`);
  const { total, connected } = report.podCounts;
  const pods =
    total === 0
      ? lines(bold('📡 Pods'), italic('No pods reported for this location.'))
      : lines(
          bold(`📡 Pods: ${formatNumber(connected)} of ${plural(total, 'pod')} connected`),
          ...report.pods.map(podLine),
        );
  const devices = concat(bold('📱 Devices connected: '), formatNumber(report.totalConnectedDevices));
  const speedTest = report.speedTest;
  const noteAt = options.now ?? speedTest?.endedAt ?? speedTest?.startedAt ?? Date.now();
  return finish(
    [
      join([headline, locationLine(report.location)], '\n'),
      pods,
      speedTestSection(speedTest, timeZone),
      devices,
      findings('❗ Issues', report.issues),
      findings('⚠️ Warnings', report.warnings),
      speedTest?.endedAt || speedTest?.startedAt ? timeZoneNote(timeZone, noteAt) : null,
    ],
    options,
  );
}
