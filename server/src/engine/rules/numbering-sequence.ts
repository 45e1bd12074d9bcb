/**
 * `numbering-sequence`: the numbers of one sibling list (see `sibling-lists.ts`) must count
 * 1, 2, 3… without gaps, repeats or restarts, and a lead-in that promises a count
 * (`抓好以下五个方面工作：`) must be kept by the list that follows it.
 *
 * Sub-cases and their severity:
 * - gap `一、二、四、`, repeat `一、二、二、`, out of order `一、三、二、`, restart `一、二、三、一、`,
 *   and a list not starting at one `二、三、` — the rule's severity (warning); in a text cut at the
 *   start (a page or excerpt without a title opening at `（三）`), the first list of each family may
 *   start anywhere;
 * - a lone item `（一）` without `（二）` — `hint`: a single item needs no number, but every list is
 *   lone while it is being written, so this stays quiet; an item whose section runs to the end of
 *   the text is not reported at all: an excerpt or a page cut off mid-list says nothing about the
 *   items after the cut;
 * - a lead-in count the list does not keep — the rule's severity.
 *
 * Points (`一是` `第一，`) start a new list at every `一`, so a second `一是…二是…` under one heading is
 * not a restart. A list continuing the previous list of its family (`四、` under the second part
 * after `一、`–`三、` under the first) is not "not starting at one". A number that is written in the
 * text but not where a heading can start (`一是…，二是…。三是…`) is not missing. `——` points have
 * no numbers.
 *
 * What is counted at all is `sibling-lists.ts`'s business: a new report in a compilation or a new
 * unnumbered part starts a new count, and contents lines, `第一部分` inside a section, web residue and
 * page numbers are not counted (`numbering-scope.ts`); the items of a `：`…`；` list are not headings
 * (`list-items.ts`).
 *
 * Fixes: change this marker to the number expected after the previous one (safe); renumber the
 * whole list (safe, preferred).
 */
import type { Heading, ReportModel } from '../model';
import { numberingScope } from '../numbering-scope';
import { markerWithValue } from '../numbering-style';
import { parseChineseNumeral, toChineseNumeral } from '../numerals';
import { renumberSiblingList, setNumber } from '../renumber';
import { numberedLists, type SiblingList } from '../sibling-lists';
import type { Finding, Fix, LocalizedText, Rule, TextEdit } from './rule';

const ID = 'numbering-sequence';

/**
 * Rule `numbering-sequence` (warning): each sibling list counts 1, 2, 3… with no gap, repeat, restart
 * or wrong start, and keeps the count its lead-in promises; a lone item is a hint. Renumber fixes are safe.
 *
 * @example 一、…二、…四、 → "序号不连续：应为“三、”，实为“四、”"
 */
export const numberingSequence: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '序号连续：不跳号、不重号、不重新开始，与引语所说项数一致', en: 'Numbering runs 1, 2, 3… with no gaps, repeats or restarts, and matches the count its lead-in promises' },
  check(model: ReportModel): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const list of numberedLists(model)) {
      const firstOfFamily = !seen.has(list.family);
      seen.add(list.family);
      checkOrder(model, list, firstOfFamily, findings);
      checkLone(model, list, findings);
      checkLeadInCount(model, list, findings);
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};

function quote(s: string): string {
  return `“${s}”`;
}

function enQuote(s: string): string {
  return `"${s}"`;
}

/**
 * Order findings reported per list at most. A real list has a handful of slips; a degenerate
 * document (one list of thousands of restarts) would otherwise carry the whole list's renumbering
 * in every one of thousands of findings.
 */
const MAX_PER_LIST = 20;

function checkOrder(model: ReportModel, list: SiblingList, firstOfFamily: boolean, findings: Finding[]): void {
  // The list's renumbering, built for its first finding only: most lists count right.
  let edits: TextEdit[] | undefined;
  const renumber = (): TextEdit[] => (edits ??= renumberSiblingList(list));
  const limit = findings.length + MAX_PER_LIST;
  const items = list.items;
  const first = items[0];
  // A text cut at the start (a page, an excerpt) begins mid-list: its first lists may start anywhere.
  const cut = firstOfFamily && numberingScope(model).cutAtStart;
  if (!list.continues && !list.hidden[0] && !cut && first.marker!.value !== list.expectedStart) {
    const expected = markerWithValue(first.marker!, list.expectedStart);
    findings.push(
      finding(first, list.expectedStart, renumber, {
        zh: `序号应从${quote(expected)}开始，实为${quote(first.marker!.text)}`,
        en: `Numbering should start at ${enQuote(expected)}, found ${enQuote(first.marker!.text)}`,
      }),
    );
  }
  for (let i = 1; i < items.length && findings.length < limit; i++) {
    const previous = items[i - 1].marker!.value;
    const h = items[i];
    const value = h.marker!.value;
    if (value === previous + 1 || list.hidden[i]) continue;
    const want = previous + 1;
    const expected = markerWithValue(h.marker!, want);
    const found = h.marker!.text;
    let message: LocalizedText;
    if (value === previous) {
      message = { zh: `序号重复：应为${quote(expected)}，实为${quote(found)}`, en: `Repeated number: expected ${enQuote(expected)}, found ${enQuote(found)}` };
    } else if (value === 1) {
      message = { zh: `序号重新开始：应为${quote(expected)}，实为${quote(found)}`, en: `Numbering restarts: expected ${enQuote(expected)}, found ${enQuote(found)}` };
    } else if (value > want) {
      message = { zh: `序号不连续：应为${quote(expected)}，实为${quote(found)}`, en: `Numbering gap: expected ${enQuote(expected)}, found ${enQuote(found)}` };
    } else {
      message = { zh: `序号顺序颠倒：应为${quote(expected)}，实为${quote(found)}`, en: `Numbering out of order: expected ${enQuote(expected)}, found ${enQuote(found)}` };
    }
    findings.push(finding(h, want, renumber, message));
  }
}

/** A finding on `h`'s marker with the two fixes: this marker to `want`, and renumber the list. */
function finding(h: Heading, want: number, renumberList: () => TextEdit[], message: LocalizedText): Finding {
  const fixes: Fix[] = [];
  const edit = setNumber(h, want);
  const expected = markerWithValue(h.marker!, want);
  if (edit) fixes.push({ title: { zh: `改为${quote(expected)}`, en: `Change to ${enQuote(expected)}` }, edits: [edit], safe: true });
  const renumber = renumberList();
  if (renumber.length) fixes.push({ title: { zh: '重新编号本列表', en: 'Renumber this list' }, edits: renumber, safe: true, preferred: true });
  return { ruleId: ID, start: h.marker!.start, end: h.marker!.end, message, fixes, data: { expected, found: h.marker!.text } };
}

function checkLone(model: ReportModel, list: SiblingList, findings: Finding[]): void {
  if (list.items.length !== 1 || list.continues) return;
  const h = list.items[0];
  const marker = h.marker!;
  if (marker.value !== 1) return; // already reported as not starting at one
  // A list still open at the end of the text: an excerpt or a page cut off mid-list, whose `二` is
  // simply not there yet.
  const lastParagraph = model.paragraphs[model.paragraphs.length - 1];
  if (h.sectionEnd >= lastParagraph.end) return;
  const second = markerWithValue(marker, 2);
  // `一是…，二是…`: the second item is written, just not where a heading can start.
  if (model.text.slice(marker.end, h.sectionEnd).includes(second)) return;
  const space = h.marker!.spaceAfter.length;
  findings.push({
    ruleId: ID,
    start: marker.start,
    end: marker.end,
    severity: 'hint',
    message: { zh: `只有${quote(marker.text)}，没有${quote(second)}：单独一项不必编号`, en: `Lone item: ${enQuote(marker.text)} has no ${enQuote(second)}; a single item needs no number` },
    fixes: [{ title: { zh: `删除序号${quote(marker.text)}`, en: `Remove the number ${enQuote(marker.text)}` }, edits: [{ start: marker.start, end: marker.end + space, newText: '' }], safe: false }],
  });
}

/**
 * A count in a lead-in: `以下五个方面` `三项工作` `四件事` `两点`. The numeral is group 1, the unit
 * group 2. `几个方面` promises nothing.
 */
const COUNT = /([两二三四五六七八九十]{1,3})(个方面|方面|个|项|点|条|件|类|种)/g;

function checkLeadInCount(model: ReportModel, list: SiblingList, findings: Finding[]): void {
  if (list.continues) return;
  const first = list.items[0];
  if (first.marker!.value !== 1) return;
  const leadIn = leadInBefore(model, first);
  if (!leadIn) return;
  const sentence = model.text.slice(leadIn.start, leadIn.end);
  let match: RegExpExecArray | undefined;
  let quoteDepth = 0;
  let scanned = 0;
  for (const m of sentence.matchAll(COUNT)) {
    for (; scanned < m.index; scanned++) {
      const c = sentence[scanned];
      if (c === '“' || c === '"') quoteDepth = c === '"' ? 1 - quoteDepth : quoteDepth + 1;
      else if (c === '”') quoteDepth = Math.max(0, quoteDepth - 1);
    }
    const before = m.index > 0 ? sentence[m.index - 1] : '';
    if (quoteDepth === 0 && before !== '第' && !/[一二三四五六七八九十百0-9]/.test(before)) match = m;
  }
  if (!match) return;
  const promised = match[1] === '两' ? 2 : parseChineseNumeral(match[1]);
  if (!promised || promised < 2) return;
  const actual = list.items.length;
  // `以下五个方面：（一）（二）（四）（五）` keeps its count in the numbers; the gap is the finding.
  if (actual === promised || list.items[actual - 1].marker!.value === promised) return;
  const firstText = first.marker!.text;
  const lastText = list.items[actual - 1].marker!.text;
  const countStart = leadIn.start + match.index;
  const countEnd = countStart + match[0].length;
  const replacement = countWord(actual) + match[2];
  const fixes: Fix[] = [];
  if (actual >= 2)
    fixes.push({
      title: { zh: `改为${quote(replacement)}`, en: `Change to ${enQuote(replacement)}` },
      edits: [{ start: countStart, end: countStart + match[1].length, newText: replacement.slice(0, replacement.length - match[2].length) }],
      safe: false,
    });
  findings.push({
    ruleId: ID,
    start: countStart,
    end: countEnd,
    message: {
      zh: `引语说${quote(match[0])}，下文实列${countWord(actual)}项（${quote(firstText)}至${quote(lastText)}）`,
      en: `The lead-in promises ${promised} (${enQuote(match[0])}) but the list has ${actual} (${enQuote(firstText)} to ${enQuote(lastText)})`,
    },
    fixes,
    data: { promised, actual },
  });
}

/** A count as written before a measure word: `两`, `三`, `十二`. */
function countWord(n: number): string {
  return n === 2 ? '两' : toChineseNumeral(n);
}

/**
 * The sentence ending in `：` right before a list's first item: in the same paragraph for an
 * inline item (`…突出抓好三件事：一是…`), else the end of the previous paragraph.
 */
function leadInBefore(model: ReportModel, first: Heading): { start: number; end: number } | undefined {
  const text = model.text;
  let end: number;
  let floor: number;
  if (first.placement === 'inline') {
    end = first.start;
    floor = model.paragraphs[first.paragraph].start;
  } else {
    const previous = model.paragraphs[first.paragraph - 1];
    if (!previous) return undefined;
    end = previous.end;
    floor = previous.start;
  }
  while (end > floor && /\s/.test(text[end - 1])) end--;
  if (end <= floor || (text[end - 1] !== '：' && text[end - 1] !== ':')) return undefined;
  let start = end - 1;
  while (start > floor && !'。！？；;!?：:'.includes(text[start - 1])) start--;
  return { start, end };
}
