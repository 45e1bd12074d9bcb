/**
 * Finding the heading at an offset: one binary search over a model's headings (in document order),
 * shared by hover, smart select and completion.
 */
import type { Heading } from '../model';

/**
 * The last heading that starts at or before `offset`, or `undefined` when the offset comes before
 * every heading. `headings` must be in document order (as `ReportModel.headings` are).
 *
 * @example in `一、工作回顾\n（一）经济发展。全年完成投资5亿元。`, an offset in `全年完成` gives `（一）经济发展`,
 *   the offset of `（` too, and an offset in `工作回顾` gives `一、工作回顾`.
 */
export function lastHeadingAtOrBefore(headings: readonly Heading[], offset: number): Heading | undefined {
  let lo = 0;
  let hi = headings.length - 1;
  let found: Heading | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].start <= offset) {
      found = headings[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
