/**
 * `第一部分` inside a section: a report whose own scheme starts at `一、` or `（一）` may quote the parts
 * of another document (`（一）学习文件` › `第一部分　总体要求` … `第三部分　保障措施`, then `（二）…`).
 * Such a part heading is not a level of this report: ranked as a part it would close every open
 * section and swallow the ones after it. It stays in the outline as an unnumbered title where it
 * stands (below the section that holds it), and takes no part in numbering checks.
 *
 * Parts are "inside a section" when a numbered heading of another canonical family (`一、` `（一）`
 * `1.` …), on its own line or run in, comes before the first of them; a report organised in parts
 * opens with `第一部分`.
 */
import type { HeadingCandidate } from './heading-candidate';
import { CANONICAL_FAMILIES } from './model';

/**
 * The candidates with parts inside a section turned into unnumbered titles (their marker kept in the text).
 *
 * @example `一、主要工作` `（一）学习文件` `第一部分　总体要求` → the last becomes a `title` `第一部分　总体要求`
 */
export function demoteInnerParts(candidates: HeadingCandidate[]): HeadingCandidate[] {
  const firstPart = candidates.findIndex((c) => c.family === 'part');
  if (firstPart <= 0) return candidates;
  // An enumeration inline in the opening (`…如下：（一）…（二）…`) is not a section the parts sit in.
  const before = candidates.slice(0, firstPart).some((c) => c.marker && c.placement !== 'inline' && CANONICAL_FAMILIES.includes(c.family));
  if (!before) return candidates;
  return candidates.map((c) => (c.family === 'part' ? { ...c, family: 'title', marker: undefined, textStart: c.start } : c));
}
