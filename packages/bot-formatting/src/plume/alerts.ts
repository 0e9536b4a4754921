import type { AlertDecision } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { concat, lines, type FormatInput, type FormattedText } from '../rich-text';
import { bold, italic } from '../styles';
import { formatDateTime } from '../time';
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

/** Per condition: the headline, the recovery's headline and what a support agent can do next. */
const CONDITIONS: Readonly<Record<string, { readonly title: string; readonly back?: string; readonly next: string }>> =
  {
    locationOffline: {
      title: '🔴 Offline',
      back: '✅ Back online',
      next: 'Check the gateway has power and its internet line is up (the ISP’s side too); 📊 Status shows whether any pod still answers.',
    },
    podDisconnected: {
      title: '🟠 Pod disconnected',
      back: '✅ Pod reconnected',
      next: 'Check the pod has power and is within reach of another pod; ask the customer to plug it back in or move it closer.',
    },
    healthDegraded: {
      title: '🟡 Pod health degraded',
      back: '✅ Pod health back to normal',
      next: 'Open 📊 Status for the pod’s interference and backhaul; moving or restarting it usually helps.',
    },
    wanSaturated: {
      title: '🟠 Internet line saturated',
      back: '✅ Internet line no longer saturated',
      next: 'The line runs near its plan speed: look for heavy users, or suggest a faster plan.',
    },
    speedTestDrop: {
      title: '🟠 Speed test dropped',
      back: '✅ Speed test back to normal',
      next: 'Run a new speed test; if it stays low, check the line with the ISP.',
    },
    plumeAlert: {
      title: '⚠️ Plume alert',
      back: '✅ Plume alert cleared',
      next: 'See the location in the Plume portal for what Plume flagged.',
    },
    noData: { title: '⚪ Unknown', next: 'Nothing to do yet: you will hear when Plume answers again.' },
  };

const conditionOf = (decision: AlertDecision) =>
  CONDITIONS[decision.condition] ?? { title: `⚠️ ${decision.condition}`, next: 'Open 📊 Status for details.' };

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
  const { title, next } = conditionOf(decision);
  const what = subject(decision);
  const ago = Math.max(0, msOf(options.now ?? decision.at) - Date.parse(decision.since));
  return finish(
    [
      lines(
        bold(what === undefined ? title : `${title}: ${what}`),
        ...placeLines(input),
        `Since ${formatDateTime(decision.since, zone)} (${formatDuration(ago)} ago)`,
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
  const { title, back } = conditionOf(decision);
  const what = subject(decision);
  const headline = back ?? `✅ Back to normal: ${title.replace(/^\S+\s/, '')}`;
  const lasted =
    decision.durationMs === undefined
      ? 'Its length is not known.'
      : `It lasted ${formatDuration(Math.max(0, decision.durationMs))}.`;
  return finish(
    [lines(bold(what === undefined ? headline : `${headline}: ${what}`), ...placeLines(input), lasted)],
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
  const label = conditionOf(decision).title.replace(/^\S+\s/, '');
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
        bold('⚪ Unknown: Plume is not answering about this location'),
        ...placeLines(input),
        `No answer since ${formatDateTime(decision.since, zone)} (${zone}).`,
      ),
      conditionOf(decision).next,
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
  if (decision.kind === 'resolved') {
    const lasted =
      decision.durationMs === undefined ? '' : ` after ${formatDuration(Math.max(0, decision.durationMs))}`;
    return finish(
      [lines(bold('✅ Monitoring is back'), `Plume answers again${lasted}; alerts are up to date.`)],
      options,
    );
  }
  const zone = resolveTimeZone(options.timeZone);
  return finish(
    [
      lines(
        bold('⚠️ Monitoring degraded'),
        `Plume has been failing for many of the watched locations since ${formatDateTime(decision.since, zone)} (${zone}).`,
      ),
      'Alerts may be late until it recovers. Nothing to do on your side: you will hear when it is back.',
    ],
    options,
  );
}
