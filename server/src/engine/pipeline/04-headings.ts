/**
 * Finds the headings of a report and builds its heading tree, in linear passes:
 *
 * 1. each paragraph is scanned once for a marker at its start and for markers inline after a
 *    sentence end (`…以下四个方面：（一）激发产业活力。一是…`), and short own-line titles;
 *    The items of a list a `：` lead-in introduces and `；` separates are dropped (`list-items.ts`);
 * 2. parallel lead paragraphs (three or more in one section opening alike, `一年来，我们…`) become
 *    headings whose text is their first sentence;
 * 3. a stack assigns levels. Numbered families keep the canonical order among themselves; a family
 *    without numbers ranks by where it first appears (as reStructuredText ranks underline styles);
 *    points (`一是` `第一，` `——`) sit below whatever encloses them.
 */
import { endsHeadingText, isBlank, isCjk } from '../chars';
import type { HeadingCandidate } from '../heading-candidate';
import { buildTree } from './06-heading-tree';
import { findLeadCandidates } from './05-lead-paragraphs';
import { demoteInnerParts } from '../inner-parts';
import { dropSemicolonLists } from '../list-items';
import { matchMarker } from '../markers';
import type { Heading, HeadingPlacement, Marker, Paragraph, ReportTitle } from '../model';
import { continuesPrevious, introducesLongerText, isHardWrappedByShapes, isOwnLineTitle, wrapShape, isTableOfContentsLine, MEETING_LINE } from '../own-line-titles';
import { isSalutation } from './03-title';
import { perParagraph, type ChangedRange, type Memo } from '../incremental';
import { partitionPoint } from '../partition-point';
import { runToEnd } from '../steps';

/** Paragraphs shorter than this are front matter (byline, date) when no long paragraph came yet. */
const LONG_PARAGRAPH = 50;
/** Openings of a spoken line, not a section title: `首先报告２００１年的工作` `下面，我讲三点意见`. */
const DISCOURSE_OPENING = /^(首先|其次|再次|最后|下面|接下来|现在)/;
/** A quotation longer than this is taken as one whose closing mark was lost. */
const MAX_QUOTE_LENGTH = 50;
/**
 * All headings of a text as a tree.
 *
 * @example
 * buildHeadings('一、2022年工作回顾\n（一）筑牢基础。正文…\n（二）建管并重。正文…', paragraphs, undefined)
 * // roots: [一、2022年工作回顾 › [（一）筑牢基础, （二）建管并重]]
 */
export function buildHeadings(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, memo?: Memo): { headings: Heading[]; roots: Heading[] } {
  return runToEnd(buildHeadingsInSteps(text, paragraphs, title, memo));
}

/** {@link buildHeadings} one pass at a time, for a caller that pauses between passes (see `buildReportModelInSteps`). */
export function* buildHeadingsInSteps(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, memo?: Memo): Generator<void, { headings: Heading[]; roots: Heading[] }, void> {
  // Items of a `：`…`；` list are not headings (`采取以下措施：一、理顺价格；二、稳定物价；…`).
  // `第一部分` inside a section is a quoted document's part, not a level (`inner-parts.ts`).
  const explicit = demoteInnerParts(dropSemicolonLists(text, findExplicitCandidates(text, paragraphs, title, memo)));
  yield;
  const leads = findLeadCandidates(text, paragraphs, title, explicit, memo);
  yield;
  const all = leads.length ? mergeByStart(explicit, leads) : explicit;
  return buildTree(text, paragraphs, all, memo);
}

/** Pass 1: numbered headings, points and own-line titles, taken from the memo for paragraphs an edit did not reach. */
function findExplicitCandidates(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, memo?: Memo): HeadingCandidate[] {
  // A paragraph's wrap shape reads its own text only (its marker, its last character).
  const wrapped = isHardWrappedByShapes(perParagraph(memo, WRAP_SHAPES_KEY, paragraphs, 0, (i) => wrapShape(text, paragraphs[i])));
  const earlier = memo?.earlier<KeptCandidates>(CANDIDATES_KEY);
  const found = (earlier && memo && keptAround(text, paragraphs, title, wrapped, memo, earlier)) ?? scanParagraphs(text, paragraphs, title, wrapped, 0, [], Infinity, undefined);
  memo?.keep(CANDIDATES_KEY, found);
  return found.candidates;
}

/** What pass 1 found in one version, for the next: the candidates, and the document-wide state they were found under. */
interface KeptCandidates {
  candidates: HeadingCandidate[];
  paragraphs: number;
  /** The first paragraph scanned after a long paragraph or a heading (front matter ends before it); `Infinity` when none. */
  seenFrom: number;
  wrapped: boolean;
  title: ReportTitle | undefined;
}

/** Where the memo keeps each paragraph's wrap shape. */
const WRAP_SHAPES_KEY = 'wrap-shapes';
/** Where the memo keeps pass 1's candidates. */
const CANDIDATES_KEY = 'heading-candidates';
/** Units a paragraph's scan may read past its start (`gluedSectionTitleEnd` reads 30, `lostLineBreak` 40). */
const CANDIDATE_MARGIN = 64;

/**
 * Pass 1 over the paragraphs an edit reached and their neighbours (a paragraph's decision reads the
 * one before and after it), the rest taken from the earlier version's: those before unchanged,
 * those after shifted by the edit. `undefined` when document-wide state changed (hard wrapping,
 * the title's place): everything is scanned again then.
 */
function keptAround(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, wrapped: boolean, memo: Memo, earlier: { text: string; value: KeptCandidates }): KeptCandidates | undefined {
  const old = earlier.value;
  const range = memo.changedSince(earlier.text, CANDIDATE_MARGIN, 0);
  if (!range) return old;
  if (old.wrapped !== wrapped) return undefined;
  const lo = firstStartingAtOrAfter(paragraphs, range.start);
  const hi = firstStartingAtOrAfter(paragraphs, range.end);
  const from = Math.max(0, lo - 1);
  if (!sameTitlePlace(title, old.title, range)) return undefined;
  const prefix: HeadingCandidate[] = [];
  for (const c of old.candidates) {
    if (c.paragraph >= from) break;
    prefix.push(c);
  }
  const resume = { at: hi + 1, shift: paragraphs.length - old.paragraphs, delta: range.delta, old };
  return scanParagraphs(text, paragraphs, title, wrapped, from, prefix, old.seenFrom <= from ? old.seenFrom : Infinity, resume);
}

/**
 * Whether the title sits where it sat, as far as the paragraphs kept are concerned: before the
 * change at the same place, after it moved by the edit, inside it in both (those are scanned again), or absent in both.
 */
function sameTitlePlace(title: ReportTitle | undefined, old: ReportTitle | undefined, range: ChangedRange): boolean {
  if (!title || !old) return !title && !old;
  if (title.end <= range.start) return title.start === old.start && title.end === old.end;
  if (title.start >= range.end) return title.start - range.delta === old.start && title.end - range.delta === old.end;
  return title.start >= range.start && title.start < range.end && old.start >= range.start && old.start < range.oldEnd;
}

/** Index of the first paragraph starting at or after `offset` (paragraphs are in order). */
function firstStartingAtOrAfter(paragraphs: readonly Paragraph[], offset: number): number {
  return partitionPoint(paragraphs, (p) => p.start < offset);
}

/**
 * Scans paragraphs from `from` on, after the candidates `out` found before it. With `resume`, stops
 * at the first paragraph from `resume.at` on that is scanned under the state the earlier version
 * scanned it under, and takes the earlier version's candidates from there, shifted.
 */
function scanParagraphs(
  text: string,
  paragraphs: readonly Paragraph[],
  title: ReportTitle | undefined,
  wrapped: boolean,
  from: number,
  out: HeadingCandidate[],
  seenFrom: number,
  resume: { at: number; shift: number; delta: number; old: KeptCandidates } | undefined,
): KeptCandidates {
  let seenLongParagraph = seenFrom <= from;
  for (let i = from; i < paragraphs.length; i++) {
    if (seenLongParagraph && seenFrom > i) seenFrom = i;
    if (resume && i >= resume.at && seenLongParagraph === i - resume.shift >= resume.old.seenFrom) {
      const oldIndex = i - resume.shift;
      for (const c of resume.old.candidates) if (c.paragraph >= oldIndex) out.push(shifted(c, resume.delta, resume.shift));
      if (!seenLongParagraph) seenFrom = resume.old.seenFrom + resume.shift;
      break;
    }
    const p = paragraphs[i];
    let scanFrom = p.start;
    if (title && title.start >= p.start && title.start < p.end) {
      // The title is not a heading; in flattened text the body continues after it.
      scanFrom = title.end;
      if (scanFrom >= p.end) continue;
      while (scanFrom < p.end && isBlank(text.charCodeAt(scanFrom))) scanFrom++;
    } else {
      const atStart = paragraphStartCandidate(text, p, paragraphs[p.index - 1], paragraphs[p.index + 1], seenLongParagraph, wrapped);
      if (atStart) {
        out.push(atStart);
        scanFrom = atStart.textEnd;
      }
    }
    scanInline(text, p, scanFrom, out);
    if (p.end - p.start >= LONG_PARAGRAPH || out.length > 0 || isSalutation(text.slice(p.start, p.start + 4))) seenLongParagraph = true;
  }
  // The memo keeps the title's place, not a slice that would keep this version's whole text alive.
  return { candidates: out, paragraphs: paragraphs.length, seenFrom, wrapped, title: title && { text: '', start: title.start, end: title.end } };
}

/** A candidate of the earlier version moved by an edit before it: `delta` units, `shift` paragraphs. */
function shifted(c: HeadingCandidate, delta: number, shift: number): HeadingCandidate {
  if (delta === 0 && shift === 0) return c;
  // Object literals rather than spreads: a 10 MB report moves some 30,000 candidates per keystroke.
  const moved: HeadingCandidate = { family: c.family, start: c.start + delta, textStart: c.textStart + delta, textEnd: c.textEnd + delta, placement: c.placement, paragraph: c.paragraph + shift };
  const m = c.marker;
  if (m) {
    const marker: Marker = { family: m.family, value: m.value, text: m.text, numeral: m.numeral, punctuation: m.punctuation, spaceAfter: m.spaceAfter, start: m.start + delta, end: m.end + delta };
    if ('brackets' in m) marker.brackets = m.brackets;
    if ('fullWidthDigits' in m) marker.fullWidthDigits = m.fullWidthDigits;
    moved.marker = marker;
  }
  return moved;
}

/** A heading that starts paragraph `p`: a marker, or a short own-line title. */
function paragraphStartCandidate(text: string, p: Paragraph, previous: Paragraph | undefined, next: Paragraph | undefined, seenLongParagraph: boolean, wrapped: boolean): HeadingCandidate | undefined {
  if (isTableOfContentsLine(text, p)) return undefined;
  const marker = matchMarker(text, p.start, p.end, 'paragraph-start');
  if (marker) {
    if (marker.family === 'dash' && MEETING_LINE.test(text.slice(p.start, p.end))) return undefined;
    return candidateAfterMarker(text, p, marker, 'paragraph-start');
  }
  const line = text.slice(p.start, p.end);
  if (seenLongParagraph && isOwnLineTitle(line) && !continuesPrevious(text, p, previous, wrapped) && !(wrapped && (line.length > 20 || /[，,]/.test(line))) && (!line.endsWith('。') || introducesLongerText(text, p, next))) {
    // A one-sentence line ending in 。, or one that speaks (`首先报告２００１年的工作`), is a lead line:
    // it ranks where it first appears, like lead paragraphs, and never encloses numbered sections.
    const sentence = text.charCodeAt(p.end - 1) === 0x3002; /* 。 */
    const spoken = DISCOURSE_OPENING.test(line);
    return { family: sentence || spoken ? 'lead' : 'title', start: p.start, textStart: p.start, textEnd: sentence ? p.end - 1 : p.end, placement: 'line', paragraph: p.index };
  }
  return undefined;
}

/** Markers right after a sentence end inside the paragraph (`…方面：（一）激发…。一是…`). */
function scanInline(text: string, p: Paragraph, from: number, out: HeadingCandidate[]): void {
  let quoteDepth = 0;
  let quoteStart = 0;
  // Only this paragraph is scanned: a search running on to the next stop anywhere in the text made
  // a long appendix without sentence ends quadratic (issue 9: 64,000 data lines took 28 s).
  for (let i = from; i < p.end; i++) {
    const c = text.charCodeAt(i);
    if (c >= INLINE_STOPS.length || INLINE_STOPS[c] === 0) continue;
    if (c === 0x201c /* “ */) {
      if (quoteDepth++ === 0) quoteStart = i;
      continue;
    }
    if (c === 0x201d /* ” */) {
      quoteDepth = Math.max(0, quoteDepth - 1);
      continue;
    }
    // Templates lose closing quotes; a quotation running on for long was never closed.
    if (quoteDepth > 0 && i - quoteStart > MAX_QUOTE_LENGTH) quoteDepth = 0;
    if (quoteDepth > 0) continue;
    let j = i + 1;
    while (j < p.end && isBlank(text.charCodeAt(j))) j++;
    if (j >= p.end) break;
    const marker = matchMarker(text, j, p.end, 'inline');
    if (!marker) continue;
    const cand = candidateAfterMarker(text, p, marker, 'inline');
    out.push(cand);
    i = cand.textEnd - 1;
  }
}

/** Sentence ends (see `isSentenceEnd`) and quotation marks, as a table by UTF-16 unit. */
const INLINE_STOPS = new Uint8Array(0xff20);
for (const ch of '。：；！？:;!?“”') INLINE_STOPS[ch.charCodeAt(0)] = 1;

function candidateAfterMarker(text: string, p: Paragraph, marker: Marker, context: 'paragraph-start' | 'inline'): HeadingCandidate {
  const textStart = marker.end + marker.spaceAfter.length;
  let textEnd = textStart;
  while (textEnd < p.end && !endsHeadingText(text.charCodeAt(textEnd))) textEnd++;
  let placement: HeadingPlacement = context === 'inline' ? 'inline' : 'line';
  if (context === 'paragraph-start' && textEnd < p.end - 1) placement = 'run-in';
  if (textEnd - textStart > 40) textEnd = gluedSectionTitleEnd(text, textStart, textEnd);
  if (placement !== 'line') textEnd = lostLineBreak(text, textStart, textEnd);
  return { family: marker.family, marker, start: marker.start, textStart, textEnd, placement, paragraph: p.index };
}

/** Section-title endings after which flattened text runs straight into the body. */
const SECTION_TITLE_END = /^[^，,、；;“”"]{2,20}?(工作回顾|工作安排|工作总结|工作计划|工作要点|工作思路|工作打算|主要成效|存在问题|存在的问题)/;

/**
 * Where a section title ends when flattened text glued the body to it: `一、2022年工作回顾刚刚过去的一年…`
 * ends after `工作回顾`. Long headings written as clauses (`（一）持续壮产业，在…`) are left whole.
 */
function gluedSectionTitleEnd(text: string, textStart: number, textEnd: number): number {
  const m = SECTION_TITLE_END.exec(text.slice(textStart, textStart + 30));
  return m ? textStart + m[0].length : textEnd;
}

/**
 * Text flattened with a space for each lost line break: the run-in or inline heading
 * `（一）经济指标实现新增长 一年来，我们…` ends at the space. (A title alone on its line may use
 * spaces between phrases: `乘势而上 奋发有为`.)
 */
function lostLineBreak(text: string, textStart: number, textEnd: number): number {
  for (let i = textStart + 4; i < Math.min(textEnd, textStart + 40); i++) {
    if (isBlank(text.charCodeAt(i)) && isCjk(text.charCodeAt(i - 1)) && isCjk(text.charCodeAt(i + 1))) return i;
  }
  return textEnd;
}

function mergeByStart(a: readonly HeadingCandidate[], b: readonly HeadingCandidate[]): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
