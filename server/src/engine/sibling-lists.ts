/**
 * Sibling lists: the runs of numbered headings that count 1, 2, 3… together. Shared by the
 * numbering rules, renumbering and next-number completion.
 *
 * A list is the children of one parent (or the roots) that share a numbered family, in document
 * order, split where a new count legitimately begins:
 *
 * - points (`一是` `第一，`) start a new list at every `一`: `一要…三要` then `一是…三是` under one
 *   heading are two lists, not a restart;
 * - a canonical family written inline in a paragraph (`目标是：（1）…（2）…`) is an enumeration of
 *   that paragraph: a `1` in another paragraph starts a new list when either it or the item before
 *   it is inline, as points do;
 * - a `1` after a part boundary (an unnumbered section title such as `2024年工作计划`, or the next
 *   report's title in a compilation) starts a new list (see `numbering-scope.ts`);
 * - otherwise a later `一、` after `三、` under the same parent stays in the list: a restart, which
 *   `numbering-sequence` reports.
 *
 * Headings outside the numbering scope (contents lines, `第一部分` inside a section, web residue,
 * page numbers; see `numbering-scope.ts`) belong to no list.
 *
 * `——` dash points, unnumbered titles and lead paragraphs have no numbers and form no lists.
 *
 * A canonical list that does not start at one but takes up exactly where the previous list of its
 * family stopped (`一、二、三、` under one part, `四、五、` under the next) **continues** it: its
 * expected numbers follow on, and it is not reported as "not starting at one".
 *
 * A number the list skips is **written but hidden** when its marker text stands in the text where it
 * should be but was not taken as a heading (`一是…，二是…。三是…`: a point after a comma; a
 * flattened text where `一是` follows a heading line that has no end punctuation). Such a gap is not
 * a gap: the expected numbers step over it, so neither the rules nor renumbering touch it.
 */
import { isDigit, isLatin } from './chars';
import { matchMarker } from './markers';
import { CANONICAL_FAMILIES, POINT_FAMILIES, type Heading, type HeadingFamily, type Marker, type ReportModel } from './model';
import { boundaryBetween, numberingScope, type NumberingScope } from './numbering-scope';
import { isNumbered, markerWithValue } from './numbering-style';

/** One sibling list with what renumbering needs to know about it. */
export interface SiblingList {
  family: HeadingFamily;
  /** The common parent; `undefined` for top-level headings. */
  parent?: Heading;
  /** The headings of the list, in document order; all have a marker. */
  items: Heading[];
  /** The previous list of the same family that this one continues (see the module comment). */
  continues?: SiblingList;
  /**
   * The number the first item should have: 1, or one past the end of the list it continues, or the
   * first item's own number when the numbers before it are written but hidden.
   */
  expectedStart: number;
  /** The number each item should have (see {@link expectedValues}). */
  expected: number[];
  /** For each item, whether the numbers skipped before it are written in the text (see the module comment). */
  hidden: boolean[];
}

const cache = new WeakMap<ReportModel, SiblingList[]>();

/**
 * All sibling lists of the document, ordered by their first item. Computed once per model.
 *
 * @example numberedLists(buildReportModel('一、甲\n（一）子\n（二）子\n二、乙')).map((l) => l.items.map((h) => h.marker!.text))
 * // [['一、', '二、'], ['（一）', '（二）']]
 */
export function numberedLists(model: ReportModel): SiblingList[] {
  let lists = cache.get(model);
  if (!lists) {
    lists = computeLists(model);
    cache.set(model, lists);
  }
  return lists;
}

/**
 * The headings of every sibling list (see {@link numberedLists}).
 *
 * @example siblingLists(buildReportModel('一、甲\n二、乙\n四、丙')) // [[一、甲, 二、乙, 四、丙]]
 */
export function siblingLists(model: ReportModel): Heading[][] {
  return numberedLists(model).map((l) => l.items);
}

/** The sibling list that holds `heading`, or `undefined` when it has no number (`——`, titles). */
export function listContaining(model: ReportModel, heading: Heading): SiblingList | undefined {
  for (const list of numberedLists(model)) {
    if (list.items[0].start > heading.start) break;
    if (list.items.includes(heading)) return list;
  }
  return undefined;
}

/**
 * The number each item of `list` should carry: `expectedStart`, `expectedStart + 1`, …, stepping
 * over numbers that are written in the text but hidden from the outline.
 */
export function expectedValues(list: SiblingList): number[] {
  return list.expected;
}

function computeLists(model: ReportModel): SiblingList[] {
  const lists: SiblingList[] = [];
  const scope = numberingScope(model);
  // One map for every parent's open lists, cleared between parents: thousands of parents otherwise make thousands of maps.
  const open = new Map<HeadingFamily, SiblingList>();
  const collect = (parent: Heading | undefined, children: readonly Heading[]) => {
    open.clear();
    for (const h of children) {
      if (h.marker && isNumbered(h.family) && h.marker.value > 0 && !scope.excluded.has(h)) {
        const current = open.get(h.family);
        if (current && !startsNewList(current, h, scope)) current.items.push(h);
        else {
          const list: SiblingList = { family: h.family, parent, items: [h], expectedStart: 1, expected: [], hidden: [] };
          open.set(h.family, list);
          lists.push(list);
        }
      }
    }
  };
  collect(undefined, model.roots);
  for (const h of model.headings) if (h.children.length) collect(h, h.children);
  lists.sort((a, b) => a.items[0].start - b.items[0].start);
  const lastOfFamily = new Map<HeadingFamily, SiblingList>();
  for (const list of lists) {
    findHidden(model.text, list);
    linkContinuation(list, lastOfFamily.get(list.family), scope);
    lastOfFamily.set(list.family, list);
    let value = list.expectedStart;
    list.expected = list.items.map((h, i) => {
      if (i > 0) value = list.hidden[i] ? value + h.marker!.value - list.items[i - 1].marker!.value : value + 1;
      return value;
    });
  }
  return lists;
}

/**
 * Marks the items whose skipped numbers are written in the text before them: between the previous
 * item and this one, or for the first item between its parent's marker and itself.
 */
function findHidden(text: string, list: SiblingList): void {
  list.hidden = list.items.map((h, i) => {
    const value = h.marker!.value;
    const previous = i > 0 ? list.items[i - 1].marker!.value : 0;
    if (value <= previous + 1) return false;
    // The parent's own heading text counts: in flattened text `（一）…增长一是…。三是` runs on.
    const from = i > 0 ? list.items[i - 1].marker!.end : list.parent ? (list.parent.marker?.end ?? list.parent.start) : 0;
    const region = normalizeBrackets(text.slice(from, h.start));
    for (let k = previous + 1; k < value; k++) if (!writtenIn(text, from, region, h.marker!, k)) return false;
    return true;
  });
  if (list.hidden[0]) list.expectedStart = list.items[0].marker!.value;
}

/**
 * Whether the marker of `marker`'s style with number `value` is written in `region` (the text from
 * `from`, brackets normalised) as a marker: `2.` in `PM2.5` or `2.5亿元` is part of a number, not a
 * hidden `2.`, and counting it made renumbering skip a number it would restore the next time.
 */
function writtenIn(text: string, from: number, region: string, marker: Marker, value: number): boolean {
  const written = normalizeBrackets(markerWithValue(marker, value));
  for (let at = region.indexOf(written); at !== -1; at = region.indexOf(written, at + 1)) {
    const pos = from + at;
    const before = pos > 0 ? text.charCodeAt(pos - 1) : -1;
    if (isDigit(before) || isLatin(before)) continue;
    const found = matchMarker(text, pos, text.length, 'paragraph-start');
    if (found && found.family === marker.family && found.value === value) return true;
  }
  return false;
}

function normalizeBrackets(s: string): string {
  return s.replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Whether `h` opens a new list of its family instead of joining `list` (see the module comment). */
function startsNewList(list: SiblingList, h: Heading, scope: NumberingScope): boolean {
  if (h.marker!.value !== 1) return false;
  if (POINT_FAMILIES.includes(h.family)) return true;
  const previous = list.items[list.items.length - 1];
  if (boundaryBetween(scope, previous.start, h.start)) return true;
  return (h.placement === 'inline' || previous.placement === 'inline') && previous.paragraph !== h.paragraph;
}

/** Marks a canonical list that takes up where the previous list of its family stopped. */
function linkContinuation(list: SiblingList, previous: SiblingList | undefined, scope: NumberingScope): void {
  if (!previous || !CANONICAL_FAMILIES.includes(list.family)) return;
  if (boundaryBetween(scope, previous.items[previous.items.length - 1].start, list.items[0].start)) return;
  const first = list.items[0].marker!.value;
  if (first <= 1 || list.hidden[0] || previous.parent === list.parent) return;
  const last = previous.items[previous.items.length - 1].marker!.value;
  if (last === first - 1 && !isInside(list.items[0], previous)) {
    list.continues = previous;
    list.expectedStart = previous.expected[previous.expected.length - 1] + 1;
  }
}

/** Whether `h` lies in the section of one of the list's items (a nested list, not a following one). */
function isInside(h: Heading, list: SiblingList): boolean {
  for (let p = h.parent; p; p = p.parent) if (list.items.includes(p)) return true;
  return false;
}
