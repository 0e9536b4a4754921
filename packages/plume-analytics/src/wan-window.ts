// Internal: which WAN samples fall in a window of the newest data. One rule, used by the
// `windowHours` option of `analyzeWanStats` (a chart's range) and by `wanPeakP95` (the
// `wanSaturated` alert's window): a sample is in the window when its interval starts less than the
// window's length before the newest valid sample's interval, and not after it.

/** Whether an interval starting at `startMs` falls in the `windowMs` ending with the interval at `newestMs`. */
export function inWanWindow(startMs: number, newestMs: number, windowMs: number): boolean {
  return startMs > newestMs - windowMs && startMs <= newestMs;
}

/** The index of the first of the ascending, non-empty `time` in the window ending with its last entry. O(window). */
export function wanWindowStart(time: Float64Array, windowMs: number): number {
  const newestMs = time[time.length - 1]!;
  let start = time.length - 1;
  while (start > 0 && inWanWindow(time[start - 1]!, newestMs, windowMs)) start--;
  return start;
}
