import type { AlertDecision } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { concat, lines, type FormatInput, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { formatDateTime } from '../time';
import { formatMbps, formatPercent } from '../units';
import { ALERT_CONDITION_LABELS, conditionLabel } from './conditions';
import { finish, resolveTimeZone, timeZoneNote, type RenderOptions } from './shared';

/** Where an alert is: the location's and the customer's names, as the caller made them safe to show. */
export interface AlertPlace {
  readonly location?: { readonly name?: string | null } | null;
  readonly customer?: { readonly name?: string | null } | null;
}

/** Options of the alert renderers. */
export interface AlertRenderOptions extends RenderOptions {
  /** The time "ago" is measured from, epoch ms or ISO-8601. @default the decision's `at` */
  readonly now?: number | string;
}

/** An alert's headline: the condition's emoji and title. */
const headline = (decision: AlertDecision) => {
  const label = conditionLabel(decision.condition);
  return `${label.emoji} ${label.title}`;
};

/** `Office` for a pod condition (its name, else its id), the Plume alert's type, or nothing. */
function subject(decision: AlertDecision): string | undefined {
  const { details } = decision;
  const podName = typeof details['podName'] === 'string' ? details['podName'].trim() : '';
  const pod = podName !== '' ? podName : decision.pod;
  if (decision.condition === 'plumeAlert') {
    const type = typeof details['type'] === 'string' ? details['type'] : undefined;
    return [type, pod].filter(Boolean).join(' · ') || undefined;
  }
  if (decision.condition === 'healthDegraded' && typeof details['health'] === 'string')
    return `${pod ?? 'a pod'} (${details['health']})`;
  return pod;
}

/**
 * What was measured, when the decision carries it: for `wanSaturated`, the hour's 95th-percentile
 * peak as a share of the speed it was judged against (the plan speed, or the latest speed test).
 */
function measurement(decision: AlertDecision): string | undefined {
  const { details } = decision;
  if (decision.condition !== 'wanSaturated') return undefined;
  const percent = details['p95Percent'];
  const plan = details['planMbps'];
  if (typeof percent !== 'number' || typeof plan !== 'number') return undefined;
  const direction = details['direction'] === 'tx' ? 'Upload' : 'Download';
  const against = details['planSource'] === 'speedTest' ? 'the latest speed test' : 'the plan speed';
  return `${direction} peaks reached ${formatPercent(percent, 0)} of ${formatMbps(plan, 0)} (${against}) over the last hour (95th percentile).`;
}

function placeLines(place: AlertPlace): FormatInput[] {
  const location = place.location?.name?.trim() || 'Unnamed location';
  const customer = place.customer?.name?.trim();
  return [concat('🏠 ', bold(location)), ...(customer ? [concat('👤 ', customer)] : [])];
}

const msOf = (at: number | string) => (typeof at === 'number' ? at : Date.parse(at));

function checkDecision(decision: AlertDecision, kinds: readonly AlertDecision['kind'][], name: string): void {
  if (!kinds.includes(decision?.kind)) {
    throw new RangeError(`${name}() needs a decision of kind ${kinds.join(' or ')}, got ${String(decision?.kind)}`);
  }
}

/**
 * An alert (a `firing` decision of `evaluateLocation`): what, where, since when, and what to do next.
 *
 * @throws {RangeError} When the decision is not a `firing` one, or the time zone is unknown.
 * @example
 * ```ts
 * renderAlert({ decision, location: { name: 'Flaky Flat' }, customer: { name: 'Fiona Flaky' } })[0].text;
 * // '🔴 Offline\n🏠 Flaky Flat\n👤 Fiona Flaky\nSince 2024-12-04 10:05 (3 min ago)\n\nNext: Check the gateway …'
 * ```
 */
export function renderAlert(
  input: AlertPlace & { readonly decision: AlertDecision },
  options: AlertRenderOptions = {},
): FormattedText[] {
  const { decision } = input;
  checkDecision(decision, ['firing'], 'renderAlert');
  const zone = resolveTimeZone(options.timeZone);
  const title = headline(decision);
  const { next } = conditionLabel(decision.condition);
  const what = subject(decision);
  const ago = Math.max(0, msOf(options.now ?? decision.at) - Date.parse(decision.since));
  return finish(
    [
      lines(
        bold(what === undefined ? title : `${title}: ${what}`),
        ...placeLines(input),
        `Since ${formatDateTime(decision.since, zone)} (${formatDuration(ago)} ago)`,
        ...[measurement(decision)].filter((line) => line !== undefined),
      ),
      concat(bold('Next: '), next),
      italic(timeZoneNote(zone, decision.since)),
    ],
    options,
  );
}

/**
 * A recovery (the `resolved` decision closing an alert), meant as a reply to the alert: what
 * recovered, where, and how long the outage lasted.
 *
 * @throws {RangeError} When the decision is not a `resolved` one.
 * @example
 * ```ts
 * renderRecovery({ decision, location: { name: 'Flaky Flat' } })[0].text;
 * // '✅ Back online\n🏠 Flaky Flat\nIt lasted 1 min 30 s.'
 * ```
 */
export function renderRecovery(
  input: AlertPlace & { readonly decision: AlertDecision },
  options: RenderOptions = {},
): FormattedText[] {
  const { decision } = input;
  checkDecision(decision, ['resolved'], 'renderRecovery');
  const { title, back } = conditionLabel(decision.condition);
  const what = subject(decision);
  const recovered = back === undefined ? `✅ Back to normal: ${title}` : `✅ ${back}`;
  const lasted =
    decision.durationMs === undefined
      ? 'Its length is not known.'
      : `It lasted ${formatDuration(Math.max(0, decision.durationMs))}.`;
  return finish(
    [lines(bold(what === undefined ? recovered : `${recovered}: ${what}`), ...placeLines(input), lasted)],
    options,
  );
}

/**
 * A location that keeps changing state (a `flapping` decision): said once; nothing more is sent for
 * it until it settles.
 *
 * @throws {RangeError} When the decision is not a `flapping` one.
 * @example
 * ```ts
 * renderFlapping({ decision, location: { name: 'Flaky Flat' } })[0].text.split('\n')[0]; // '〰️ Flapping: Offline'
 * ```
 */
export function renderFlapping(
  input: AlertPlace & { readonly decision: AlertDecision },
  options: RenderOptions = {},
): FormattedText[] {
  const { decision } = input;
  checkDecision(decision, ['flapping'], 'renderFlapping');
  const label = conditionLabel(decision.condition).title;
  const what = subject(decision);
  return finish(
    [
      lines(bold(`〰️ Flapping: ${what === undefined ? label : `${label}: ${what}`}`), ...placeLines(input)),
      'It keeps going back and forth. I will stay quiet about it until it settles, then say where it stands.',
    ],
    options,
  );
}

/**
 * A location Plume has not answered about for several checks in a row (an `unknown` decision): said
 * once per spell. No data is not an outage, so nothing is counted as down.
 *
 * @throws {RangeError} When the decision is not an `unknown` one.
 * @example
 * ```ts
 * renderUnknown({ decision, location: { name: 'Flaky Flat' } })[0].text.split('\n')[0]; // '⚪ Unknown: Plume is not answering about this location'
 * ```
 */
export function renderUnknown(
  input: AlertPlace & { readonly decision: AlertDecision },
  options: RenderOptions = {},
): FormattedText[] {
  const { decision } = input;
  checkDecision(decision, ['unknown'], 'renderUnknown');
  const zone = resolveTimeZone(options.timeZone);
  return finish(
    [
      lines(
        bold(`${headline(decision)}: Plume is not answering about this location`),
        ...placeLines(input),
        `No answer since ${formatDateTime(decision.since, zone)} (${zone}).`,
      ),
      conditionLabel(decision.condition).next,
    ],
    options,
  );
}

/**
 * The fleet-wide `monitoringDegraded` decision of `evaluateFleet`: one message instead of one per
 * location while Plume fails for many of them (`firing`), and one when it works again (`resolved`).
 *
 * @throws {RangeError} When the decision is neither `firing` nor `resolved`.
 * @example
 * ```ts
 * renderMonitoringDegraded(decision)[0].text.split('\n')[0]; // '⚠️ Monitoring degraded'
 * ```
 */
export function renderMonitoringDegraded(decision: AlertDecision, options: RenderOptions = {}): FormattedText[] {
  checkDecision(decision, ['firing', 'resolved'], 'renderMonitoringDegraded');
  const label = ALERT_CONDITION_LABELS.monitoringDegraded;
  if (decision.kind === 'resolved') {
    const lasted =
      decision.durationMs === undefined ? '' : ` after ${formatDuration(Math.max(0, decision.durationMs))}`;
    return finish(
      [lines(bold(`✅ ${label.back ?? label.title}`), `Plume answers again${lasted}; alerts are up to date.`)],
      options,
    );
  }
  const zone = resolveTimeZone(options.timeZone);
  return finish(
    [
      lines(
        bold(`${label.emoji} ${label.title}`),
        `Plume has been failing for many of the watched locations since ${formatDateTime(decision.since, zone)} (${zone}).`,
      ),
      label.next,
    ],
    options,
  );
}
