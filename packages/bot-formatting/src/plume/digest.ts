import type { DailyDigest, DigestLocationRef } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { plural } from '../plural';
import { concat, lines, type FormatInput, type FormattedText } from '../rich-text';
import { bold } from '../styles';
import { table } from '../table';
import { formatDate, formatDateTime, formatTime } from '../time';
import { formatPercent } from '../units';
import { conditionLabel } from './conditions';
import { finish, resolveTimeZone, timeZoneNote, type RenderOptions } from './shared';

/** `Home · Ann`, the names as given (the caller makes them safe to show), or the location id. */
function placeName(ref: DigestLocationRef): string {
  const name = ref.name?.trim() || ref.locationId;
  const customer = ref.customerName?.trim();
  return customer ? `${name} · ${customer}` : name;
}

/** A pod as the digest names it: its name where the analysis has one, else its node id; null for none. */
function podOf(incident: { readonly pod: string | null; readonly podName?: string | null }): string | null {
  return incident.podName ?? incident.pod;
}

/** `14:05` on the digest's last day, else `2024-12-03 14:05`. */
function when(at: string, digest: DailyDigest, timeZone: string): string {
  return formatDate(at, timeZone) === formatDate(digest.to, timeZone)
    ? formatTime(at, timeZone)
    : formatDateTime(at, timeZone);
}

function openIncidents(digest: DailyDigest, timeZone: string): FormattedText {
  if (digest.openIncidents.length === 0) return concat('✅ ', bold('No open incidents.'));
  return lines(
    bold(`🔴 Open incidents (${digest.openIncidents.length})`),
    ...digest.openIncidents.map((incident) => {
      const what = conditionLabel(incident.condition).title;
      const pod = podOf(incident) === null ? '' : ` (${podOf(incident)})`;
      return `• ${placeName(incident)}: ${what}${pod} since ${when(incident.since, digest, timeZone)} (${formatDuration(incident.openForMs)})`;
    }),
  );
}

function listed(title: string, refs: readonly DigestLocationRef[]): FormattedText | null {
  if (refs.length === 0) return null;
  return concat(bold(title), refs.map(placeName).join(', '));
}

function outages(digest: DailyDigest, timeZone: string): FormattedText {
  if (digest.outages.length === 0) return concat('📉 ', bold('Outages: '), 'none.');
  return lines(
    bold(`📉 Outages (${digest.outages.length})`),
    ...digest.outages.map((outage) => {
      const end = outage.end === null ? 'ongoing' : formatTime(outage.end, timeZone);
      const pod = podOf(outage);
      const what = pod === null ? '' : `pod ${pod} disconnected `;
      return `• ${placeName(outage)}: ${what}${when(outage.start, digest, timeZone)}–${end} (${formatDuration(outage.durationMs)})`;
    }),
  );
}

function availability(digest: DailyDigest): FormatInput | null {
  if (digest.availability.length === 0) return null;
  const rows = digest.availability.map((row) => [
    placeName(row),
    row.availabilityPercent === null ? 'n/a' : formatPercent(row.availabilityPercent, 2),
    row.downtimeMs === 0 ? '–' : formatDuration(row.downtimeMs),
  ]);
  return lines(
    bold('📶 Availability'),
    table(rows, { header: ['Location', 'Online', 'Down'], align: ['left', 'right', 'right'] }),
  );
}

/**
 * Renders a daily digest (`analyzeDigest` of `@org/plume-analytics`): the period, open incidents,
 * flapping and unknown locations, the outages (of locations, and of pods, named) with their
 * durations and a table of availability per watched location. Names are shown as the analysis
 * carries them.
 *
 * @param digest The analysis result.
 * @returns The message, already split to `limit`.
 * @throws {RangeError} When `timeZone` is unknown or `limit` is invalid.
 * @example
 * ```ts
 * const digest = analyzeDigest({ from, to, locations, incidents });
 * const parts = renderDailyDigest(digest, { timeZone: 'Europe/Berlin' });
 * ```
 */
export function renderDailyDigest(digest: DailyDigest, options: RenderOptions = {}): FormattedText[] {
  const timeZone = resolveTimeZone(options.timeZone);
  const title = lines(
    bold(`🗞 Daily digest · ${formatDate(digest.to, timeZone)}`),
    `${plural(digest.availability.length, 'watched location')} · ${formatDateTime(digest.from, timeZone)} to ${formatDateTime(digest.to, timeZone)}`,
  );
  return finish(
    [
      title,
      openIncidents(digest, timeZone),
      listed('🔁 Flapping: ', digest.flapping),
      listed('⚪ Unknown (Plume does not answer): ', digest.unknown),
      outages(digest, timeZone),
      availability(digest),
      timeZoneNote(timeZone, digest.to),
    ],
    options,
  );
}
