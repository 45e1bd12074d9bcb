/**
 * The one binary search of the engine's lookups over sorted arrays (headings, paragraphs, findings).
 */

/**
 * The index of the first item for which `before` is false, given that `before` holds for a prefix
 * of `items` and fails for the rest (`items.length` when it holds for all).
 *
 * @example partitionPoint(model.paragraphs, (p) => p.end <= offset) // the first paragraph ending after `offset`
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
