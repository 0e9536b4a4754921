// Internal: the one-line headline of a location health report.
import type { HealthWarning, LocationHealthLevel, PodCounts } from './location-health-types';

/** `1 pod`, `2 pods`. */
function pods(count: number): string {
  return `${count} ${count === 1 ? 'pod' : 'pods'}`;
}

/** The facts the headline is written from. */
export interface HeadlineFacts {
  readonly level: LocationHealthLevel;
  readonly online: boolean | null;
  readonly podCounts: PodCounts;
  readonly warnings: readonly HealthWarning[];
  readonly reportedOffline: boolean;
}

function offlineHeadline({ podCounts, reportedOffline }: HeadlineFacts): string {
  const { total, connected } = podCounts;
  if (total === 0) return 'Offline: no pods found';
  if (reportedOffline && connected > 0) return 'Offline: the location reports no connection';
  return total === 1 ? 'Offline: the only pod is disconnected' : `Offline: all ${total} pods are disconnected`;
}

function partlyOfflineHeadline({ podCounts }: HeadlineFacts): string {
  const { total, disconnected } = podCounts;
  if (disconnected === total) {
    return total === 1 ? 'Online, but the only pod is disconnected' : `Online, but all ${total} pods are disconnected`;
  }
  return `Online, but ${disconnected} of ${pods(total)} ${disconnected === 1 ? 'is' : 'are'} disconnected`;
}

function degradedHeadline({ warnings }: HeadlineFacts): string {
  const podsWithWarnings = new Set(warnings.flatMap((w) => (w.pod === null ? [] : [w.pod]))).size;
  const parts: string[] = [];
  if (podsWithWarnings > 0)
    parts.push(`${pods(podsWithWarnings)} ${podsWithWarnings === 1 ? 'needs' : 'need'} attention`);
  const service = warnings.find((w) => w.kind === 'serviceLevel');
  if (service !== undefined) parts.push(`the service level is ${service.detail}`);
  return `Online, but ${parts.join(' and ')}`;
}

/** Writes the headline: plain text, no emoji, correct plurals, pods counted rather than messages. */
export function headlineOf(facts: HeadlineFacts): string {
  switch (facts.level) {
    case 'offline':
      return offlineHeadline(facts);
    case 'noData':
      return facts.online === true ? 'Online, but no pods were reported' : 'No data: no pods found for this location';
    case 'partlyOffline':
      return partlyOfflineHeadline(facts);
    case 'degraded':
      return degradedHeadline(facts);
    case 'allWell':
      return `All systems operational: ${pods(facts.podCounts.total)} online`;
  }
}
