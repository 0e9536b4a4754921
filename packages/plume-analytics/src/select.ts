// Internal: in-place selection (Floyd–Rivest), the engine behind `percentile`. Not exported.

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}

/**
 * Rearranges `values[left..right]` so that `values[k]` is the value a full ascending sort would put
 * there, everything before it is ≤ and everything after it is ≥, and returns it.
 * Floyd–Rivest selection: average O(n), about n + min(k, n − k) comparisons. NaN must not occur.
 */
export function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): number {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample to pull both bounds tightly around the k-th value first.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, newLeft, newRight);
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) {
      swap(values, left, j);
    } else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return values[k]!;
}

/** The 1-based nearest rank of the p-th percentile among n values: ⌈p·n/100⌉, kept within [1, n]. */
export function nearestRank(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}
