/**
 * What the numbering checks (`numbering-sequence`, `numbering-format`, `numbering-level`) and
 * renumbering look at, and where a new count begins. A careful editor skips:
 *
 * - **table-of-contents lines** at the top of a compilation: `1.青山镇2023年政府工作报告` `2.绿水镇…`,
 *   consecutive numbered lines whose texts come again further down as titles or headings (those ending in a page number
 *   are not headings at all, see `isTableOfContentsLine`);
 * - **`第一部分` inside a section**: a part heading under another heading is a quoted document's
 *   part, not a level of this report's scheme;
 * - **web residue**: numbered lines inside what `web-residue` reports (`您可能关注的文档 1.… 2.…`);
 * - **page numbers** of a scraped document viewer: `2、算折合美元…` where the line before runs on
 *   mid-sentence (`…按现行汇率计`) — the "marker" is a page number glued to the page's text.
 *
 * A text that starts in the middle of a report (a page, an excerpt: no title, and its first heading
 * `（三）…`) is **cut at the start**: the numbers before the cut are simply not there.
 *
 * And a new count legitimately begins at a **part boundary**: an unnumbered section title
 * (`2024年工作计划` after the summary's `一、`–`三、`) or the title of the next report in a
 * compilation (`绿水镇2023年政府工作报告`).
 */
import { isBlank, isCjk, isDigit, simplify } from './chars';
import { partitionPoint } from './partition-point';
import { memoOf } from './pipeline';
import type { Heading, ReportModel } from './model';
import { residueOf } from './rules/web-residue';

/** The numbering scope of one model (see the module comment). */
export interface NumberingScope {
  /** Headings the numbering checks skip. */
  excluded: Set<Heading>;
  /** Offsets, ascending, where a new part or report begins. */
  boundaries: number[];
  /**
   * Whether the text starts in the middle of a report (a page, an excerpt): it has no title and its
   * first numbered heading is not a first item (`（三）加强生态环境保护。` opening the text).
   */
  cutAtStart: boolean;
}

const cache = new WeakMap<ReportModel, NumberingScope>();

/**
 * The numbering scope of a model, computed once per model.
 *
 * @example numberingScope(buildReportModel('目录\n1.青山镇2023年政府工作报告\n2.绿水镇2023年政府工作报告\n青山镇2023年政府工作报告\n…')).excluded
 * // the two contents lines
 */
export function numberingScope(model: ReportModel): NumberingScope {
  let scope = cache.get(model);
  if (!scope) {
    const excluded = excludedHeadings(model);
    const first = model.headings.find((h) => h.marker && h.marker.value > 0 && !excluded.has(h));
    scope = { excluded, boundaries: partBoundaries(model), cutAtStart: !model.title && first !== undefined && first.marker!.value > 1 };
    cache.set(model, scope);
  }
  return scope;
}

/**
 * Whether a new part or report begins between two offsets.
 *
 * @example `一、…二、…\n2024年工作计划\n一、…`: true between the `二、` and the second `一、`
 */
export function boundaryBetween(scope: NumberingScope, from: number, to: number): boolean {
  const next = partitionPoint(scope.boundaries, (b) => b <= from);
  return next < scope.boundaries.length && scope.boundaries[next] < to;
}

function excludedHeadings(model: ReportModel): Set<Heading> {
  const out = new Set<Heading>();
  // Numbered headings are read in place (`isCounted`), not copied out: a document can hold tens of thousands.
  const first = model.headings.find(isCounted);
  if (!first) return out;
  // Part headings inside a section.
  for (const h of model.headings) if (isCounted(h) && h.family === 'part' && h.parent) out.add(h);
  // Contents lines: a run of numbered lines, one after the other with no text between, whose texts
  // come again further down. (Headings repeated in the next report of a compilation have text between.)
  // Contents stand at the top, before the body's first long paragraph: only those lines are searched.
  const body = model.paragraphs.findIndex((p) => p.end - p.start >= LONG_PARAGRAPH);
  const top = new Set<Heading>();
  for (const h of model.headings) {
    if (top.size >= MAX_CONTENTS_LINES || (body >= 0 && h.paragraph >= body)) break;
    if (isCounted(h)) top.add(h);
  }
  // Only a line next to another such line can be a contents line: the search for a line's text
  // further down (which can read the whole text) is made for those alone, once each.
  const neighbour = (h: Heading, step: 1 | -1): Heading | undefined => {
    const n = model.headings[h.index + step];
    return n && top.has(n) && n.paragraph === h.paragraph + step ? n : undefined;
  };
  const repeatedLater = new Map<Heading, boolean>();
  const repeated = (h: Heading): boolean => {
    let r = repeatedLater.get(h);
    if (r === undefined) repeatedLater.set(h, (r = isRepeatedLater(model, h)));
    return r;
  };
  for (const h of top) {
    const before = neighbour(h, -1);
    const after = neighbour(h, 1);
    if ((before || after) && repeated(h) && ((before && repeated(before)) || (after && repeated(after)))) out.add(h);
  }
  // Numbered lines inside web residue: both lists are in document order, one walk matches them.
  const residue = [...residueOf(model)].sort((a, b) => a.start - b.start);
  let r = 0;
  let reach = -1;
  for (const h of model.headings) {
    if (!isCounted(h)) continue;
    for (; r < residue.length && residue[r].start <= h.start; r++) reach = Math.max(reach, residue[r].end);
    if (h.start < reach) out.add(h);
  }
  // Page numbers glued to the page's text, and the `1` of the first page when `2` is one.
  for (const h of model.headings) {
    if (!isCounted(h) || !isPageNumber(model, h)) continue;
    out.add(h);
    if (h.marker!.value === 2 && first.family === h.family && first.marker!.value === 1 && first.paragraph === 0) out.add(first);
  }
  return out;
}

/** A heading with a number (not `——`, not an unnumbered title). */
function isCounted(h: Heading): boolean {
  return h.marker !== undefined && h.marker.value > 0;
}

/** A paragraph this long is body text: contents lines come before the first. */
const LONG_PARAGRAPH = 50;

/** At most this many lines are searched for as contents lines. */
const MAX_CONTENTS_LINES = 60;

/** Longest text of a contents line. */
const MAX_CONTENTS_TEXT = 40;

/** Whether `h`, alone on its line, has its text again further down at the start of a line (after a marker or not). */
function isRepeatedLater(model: ReportModel, h: Heading): boolean {
  if (h.placement !== 'line' || h.text.length < 4 || h.text.length > MAX_CONTENTS_TEXT) return false;
  const { text } = model;
  const own = h.text.replace(/[\s.．…·\d]+$/, '');
  if (own.length < 4) return false;
  let from = model.paragraphs[h.paragraph].end;
  for (let tries = 0; tries < 3; tries++) {
    const at = text.indexOf(own, from);
    if (at < 0) return false;
    let lineStart = at;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    if (/^[\s\d一二三四五六七八九十、.．（）()]{0,8}$/.test(text.slice(lineStart, at))) return true;
    from = at + own.length;
  }
  return false;
}

/** A paragraph this long that stops mid-sentence runs on into the next one (a page break). */
const PAGE_LENGTH = 100;

/** `2、算折合美元…` after a long paragraph ending mid-word: a page number, not a heading. */
function isPageNumber(model: ReportModel, h: Heading): boolean {
  const own = model.paragraphs[h.paragraph];
  // A page is long (the last one less so); the one before it runs on into this one mid-sentence.
  if (h.placement === 'inline' || h.start !== own.start || own.end - own.start < PAGE_LENGTH / 2) return false;
  const previous = model.paragraphs[h.paragraph - 1];
  if (!previous || previous.end - previous.start < PAGE_LENGTH) return false;
  const last = model.text.charCodeAt(previous.end - 1);
  return isCjk(last) || isDigit(last);
}

/** Report titles in a compilation (`…政府工作报告`, `…工作总结（摘要）`, `…工作计划`, `…述职报告`). */
const REPORT_TITLE = /工作报告|工作总结|工作计划|工作要点|工作思路|工作打算|工作安排|述职报告/;

/** A line opening with a number: a heading or a contents line, not an unnumbered title. */
const NUMBERED_LINE = /^(?:[一二三四五六七八九十]+[、.．]|[（(][^）)]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]+)/;

/** Longest line read as a part or report title. */
const MAX_PART_TITLE = 40;

function partBoundaries(model: ReportModel): number[] {
  const out: number[] = [];
  for (const h of model.headings) if (h.family === 'title') out.push(h.start);
  // The report's own title is not a part boundary.
  const t = model.title;
  const ps = model.paragraphs;
  const own = t ? ps[partitionPoint(ps, (p) => p.end <= t.start)] : undefined;
  const titleParagraph = own && own.start <= t!.start ? own.start : -1;
  for (const start of partTitleLines(model)) if (start !== titleParagraph) out.push(start);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Where the memo keeps the part-title lines, for the next version. */
const PART_TITLES_KEY = 'numbering-part-titles';

/**
 * The starts, ascending, of the paragraphs that read as a part or report title (`2024年工作计划`,
 * `绿水镇2023年政府工作报告`): each depends on its own line alone, so the lines an edit did not
 * touch are taken from the earlier version's list.
 */
function partTitleLines(model: ReportModel): number[] {
  const { text, paragraphs } = model;
  const memo = memoOf(model);
  const earlier = memo?.earlier<number[]>(PART_TITLES_KEY);
  let found: number[];
  if (!earlier) found = scanPartTitles(text, paragraphs, 0, paragraphs.length);
  else {
    const range = memo!.changedSince(earlier.text, 0, 0);
    if (!range) found = earlier.value;
    else {
      // Paragraphs lie within one line, and the changed range is whole lines.
      const old = earlier.value;
      const from = partitionPoint(paragraphs, (p) => p.start < range.start);
      const to = partitionPoint(paragraphs, (p) => p.start < range.end);
      found = old.slice(0, partitionPoint(old, (s) => s < range.start));
      for (const s of scanPartTitles(text, paragraphs, from, to)) found.push(s);
      for (let i = partitionPoint(old, (s) => s < range.end - range.delta); i < old.length; i++) found.push(old[i] + range.delta);
    }
  }
  memo?.keep(PART_TITLES_KEY, found);
  return found;
}

/** The part-title lines among `paragraphs[from]` … `paragraphs[to - 1]`. */
function scanPartTitles(text: string, paragraphs: ReportModel['paragraphs'], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const p = paragraphs[i];
    if (p.end - p.start > MAX_PART_TITLE) continue;
    let s = p.start;
    while (s < p.end && isBlank(text.charCodeAt(s))) s++;
    // Most short lines are headings or clauses: told without a copy of the line.
    if (hasClausePunctuation(text, s, p.end) || isNumberedLine(text, s, p.end)) continue;
    if (REPORT_TITLE.test(simplify(text.slice(s, p.end)))) out.push(p.start);
  }
  return out;
}

/** `。` `，` `,` `；` `;` `：` `:` in `text.slice(start, end)`. */
function hasClausePunctuation(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff0c || c === 44 || c === 0xff1b || c === 59 || c === 0xff1a || c === 58) return true;
  }
  return false;
}

/** {@link NUMBERED_LINE} at a given offset of the whole text. */
const NUMBERED_AT = new RegExp(NUMBERED_LINE.source.replace(/^\^/, ''), 'y');

/**
 * Whether the line `text.slice(start, end)` opens with a number ({@link NUMBERED_LINE}), tested in
 * place; only a match that runs past the line's end (`(` and a line break) is tested again on the line.
 */
function isNumberedLine(text: string, start: number, end: number): boolean {
  NUMBERED_AT.lastIndex = start;
  const m = NUMBERED_AT.exec(text);
  if (!m) return false;
  return start + m[0].length <= end || NUMBERED_LINE.test(text.slice(start, end));
}
