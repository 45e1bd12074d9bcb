/**
 * Finding the heading at an offset: one binary search over a model's headings (in document order),
 * shared by hover, smart select and completion.
 */
import type { Heading } from '../model';
import { partitionPoint } from '../partition-point';

/**
 * The last heading that starts at or before `offset`, or `undefined` when the offset comes before
 * every heading. `headings` must be in document order (as `ReportModel.headings` are).
 *
 * @example in `一、工作回顾\n（一）经济发展。全年完成投资5亿元。`, an offset in `全年完成` gives `（一）经济发展`,
 *   the offset of `（` too, and an offset in `工作回顾` gives `一、工作回顾`.
 */
export function lastHeadingAtOrBefore(headings: readonly Heading[], offset: number): Heading | undefined {
  const i = partitionPoint(headings, (h) => h.start <= offset);
  return i > 0 ? headings[i - 1] : undefined;
}
