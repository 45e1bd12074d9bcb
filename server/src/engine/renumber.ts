/**
 * Renumbering: rewrites the numbers of sibling lists so they count 1, 2, 3… again, keeping each
 * marker's own style (`1、` stays `1、`, `(二)` keeps its half-width brackets, `二要` keeps `要`).
 * Edits replace the numeral inside a marker and nothing else, and only where the number changes.
 */
import type { Heading, ReportModel } from './model';
import { markerWithValue, numeralSpan, writeNumeral } from './numbering-style';
import type { TextEdit } from './rules/rule';
import { listContaining, numberedLists, type SiblingList } from './sibling-lists';

export { siblingLists, numberedLists, listContaining, type SiblingList } from './sibling-lists';

/**
 * The edit that gives `heading` the number `value`, or `undefined` when it already has it.
 *
 * @example setNumber(fourth, 3) // fourth is `四、甲`: { start, end, newText: '三' }, the numeral only
 */
export function setNumber(heading: Heading, value: number): TextEdit | undefined {
  const marker = heading.marker;
  if (!marker || marker.value === value) return undefined;
  const span = numeralSpan(marker);
  if (span.end <= span.start) return undefined;
  return { start: span.start, end: span.end, newText: writeNumeral(marker, value) };
}

/**
 * Edits that renumber one list to its expected numbers: from 1 (or where the list it continues
 * stopped), stepping over numbers written in the text but hidden from the outline.
 */
export function renumberSiblingList(list: SiblingList): TextEdit[] {
  const edits: TextEdit[] = [];
  list.items.forEach((h, i) => {
    const edit = setNumber(h, list.expected[i]);
    if (edit) edits.push(edit);
  });
  return edits;
}

/**
 * Renumbers the sibling list that contains `heading`: 1..n (or continuing the previous list of the
 * family, see `sibling-lists.ts`), each marker in its own style. Empty when nothing changes or
 * `heading` has no number.
 *
 * @example renumberList(model, model.headings[2]) // in `一、甲\n二、乙\n四、丙`: [{ start, end, newText: '三' }]
 */
export function renumberList(model: ReportModel, heading: Heading): TextEdit[] {
  const list = listContaining(model, heading);
  return list ? renumberSiblingList(list) : [];
}

/**
 * Renumbers every sibling list of every numbered family in the document. Edits are sorted by
 * offset and never overlap; text other than the numerals is never touched.
 */
export function renumberDocument(model: ReportModel): TextEdit[] {
  const edits: TextEdit[] = [];
  // No spread: a degenerate list of a million items would overflow the call stack.
  for (const list of numberedLists(model)) for (const edit of renumberSiblingList(list)) edits.push(edit);
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * The marker that would follow `heading` in its list, in that list's style: after `（二）` →
 * `（三）`, after `2、` → `3、`, after `二是` → `三是`, after `——` → `——`. `undefined` for
 * headings without a marker (titles, lead paragraphs).
 *
 * @example nextMarkerAfter(model, heading) // heading is `（二）建管并重`: '（三）'
 */
export function nextMarkerAfter(model: ReportModel, heading: Heading): string | undefined {
  void model;
  const marker = heading.marker;
  if (!marker) return undefined;
  if (marker.family === 'dash') return marker.text;
  if (marker.value <= 0) return undefined;
  return markerWithValue(marker, marker.value + 1);
}

/**
 * Applies non-overlapping edits to a text (for tests, the CLI's `--fix`, and previews).
 *
 * @example applyEdits('一、甲\n三、乙', [{ start: 4, end: 5, newText: '二' }]) // '一、甲\n二、乙'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
