/**
 * Finds the headings of a report and builds its heading tree, in linear passes:
 *
 * 1. each paragraph is scanned once for a marker at its start and for markers inline after a
 *    sentence end (`…以下四个方面：（一）激发产业活力。一是…`), and short own-line titles;
 * 2. parallel lead paragraphs (three or more in one section opening alike, `一年来，我们…`) become
 *    headings whose text is their first sentence;
 * 3. a stack assigns levels. Numbered families keep the canonical order among themselves; a family
 *    without numbers ranks by where it first appears (as reStructuredText ranks underline styles);
 *    points (`一是` `第一，` `——`) sit below whatever encloses them.
 */
import { endsHeadingText, isBlank, isCjk, isDigit, isLineBreak, isSentenceEnd } from './chars';
import { matchMarker } from './markers';
import { CANONICAL_FAMILIES, POINT_FAMILIES, type Heading, type HeadingFamily, type HeadingPlacement, type Marker, type Paragraph, type ReportTitle } from './model';
import { isSalutation } from './title';

/** A heading before it has a place in the tree. */
interface Candidate {
  family: HeadingFamily;
  marker?: Marker;
  start: number;
  textStart: number;
  textEnd: number;
  placement: HeadingPlacement;
  paragraph: number;
}

/** Longest own-line paragraph taken as an unnumbered title (`2022年工作回顾`). */
const MAX_TITLE_LENGTH = 30;
/** Paragraphs shorter than this are front matter (byline, date) when no long paragraph came yet. */
const LONG_PARAGRAPH = 50;
/** How many characters of a paragraph's opening make parallel lead paragraphs alike. */
const LEAD_KEY_LENGTH = 5;
/** How many alike openings in one section make them headings. */
const LEAD_MIN_GROUP = 3;
/** A quotation longer than this is taken as one whose closing mark was lost. */
const MAX_QUOTE_LENGTH = 50;
/** Display names longer than this are shortened at a clause boundary. */
const LABEL_LENGTH = 28;

/** Page furniture and links that are never headings, even when short and alone on a line. */
const NOT_A_TITLE = /[【】•·|]|https?:|www\.|打印|关闭窗口|下载|客服|回到顶部|浏览次数|收藏|桌面|VIP|扫一扫|分享到|上一篇|下一篇|责任编辑|来源[:：]|发布日期|索引号|特此报告|谢谢大家|以上报告|^附件|^抄送|^[（(]?此页无正文/;

/** Bylines, issuers, meeting lines and notes of a published report: `——在…会议上` `镇长 王某` `（此件公开发布）`. */
const FRONT_MATTER = /^——|^[（(].*[)）]$|(会议上|大会上|讲话|发言)$|(镇长|乡长|县长|市长|区长|主任|书记|总理|主席)[^，,。]{1,6}$|(人民政府|委员会|办公室|人大)$|工作报告$/;
/** A dash line that is a meeting line under the title (`——在…会议上`), not a point. */
const MEETING_LINE = /(会议上|大会上)$/;

/**
 * All headings of a text as a tree.
 *
 * @example
 * buildHeadings('一、2022年工作回顾\n（一）筑牢基础。正文…\n（二）建管并重。正文…', paragraphs, undefined)
 * // roots: [一、2022年工作回顾 › [（一）筑牢基础, （二）建管并重]]
 */
export function buildHeadings(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined): { headings: Heading[]; roots: Heading[] } {
  const explicit = findExplicitCandidates(text, paragraphs, title);
  const leads = findLeadCandidates(text, paragraphs, title, explicit);
  const all = leads.length ? mergeByStart(explicit, leads) : explicit;
  return buildTree(text, paragraphs, all);
}

/** Pass 1: numbered headings, points and own-line titles. */
function findExplicitCandidates(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined): Candidate[] {
  const out: Candidate[] = [];
  let seenLongParagraph = false;
  const wrapped = isHardWrapped(text, paragraphs);
  for (const p of paragraphs) {
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
  return out;
}

/** A heading that starts paragraph `p`: a marker, or a short own-line title. */
function paragraphStartCandidate(text: string, p: Paragraph, previous: Paragraph | undefined, next: Paragraph | undefined, seenLongParagraph: boolean, wrapped: boolean): Candidate | undefined {
  if (isTableOfContentsLine(text, p)) return undefined;
  const marker = matchMarker(text, p.start, p.end, 'paragraph-start');
  if (marker) {
    if (marker.family === 'dash' && MEETING_LINE.test(text.slice(p.start, p.end))) return undefined;
    return candidateAfterMarker(text, p, marker, 'paragraph-start');
  }
  const line = text.slice(p.start, p.end);
  if (seenLongParagraph && isOwnLineTitle(line) && !continuesPrevious(text, p, previous, wrapped) && !(wrapped && (line.length > 20 || /[，,]/.test(line))) && (!line.endsWith('。') || introducesLongerText(p, next))) {
    // A one-sentence line ending in 。 is a lead line: it ranks where it first appears, like lead paragraphs.
    const sentence = text.charCodeAt(p.end - 1) === 0x3002; /* 。 */
    return { family: sentence ? 'lead' : 'title', start: p.start, textStart: p.start, textEnd: sentence ? p.end - 1 : p.end, placement: 'line', paragraph: p.index };
  }
  return undefined;
}

/** A one-sentence line (`加快产业结构优化升级。`) is a title only when a much longer paragraph follows it. */
function introducesLongerText(p: Paragraph, next: Paragraph | undefined): boolean {
  if (!next) return false;
  const length = next.end - next.start;
  return length >= 30 && length >= 2 * (p.end - p.start);
}

/**
 * Whether `p` is the wrapped tail of the paragraph before it: that one is long and stops
 * mid-sentence (`…增长*%左右,一` / `般公共预算收入…`), as text copied from a PDF does.
 */
function continuesPrevious(text: string, p: Paragraph, previous: Paragraph | undefined, wrapped: boolean): boolean {
  if (!previous || previous.end - previous.start < (wrapped ? 16 : MAX_TITLE_LENGTH)) return false;
  return !endsSentence(text, previous);
}

function endsSentence(text: string, p: Paragraph): boolean {
  const last = text.charCodeAt(p.end - 1);
  return isSentenceEnd(last) || last === 0x201d /* ” */ || last === 0xff09 /* ） */ || last === 41 || last === 0x2026 /* … */;
}

/**
 * Whether the text was hard-wrapped (copied from a PDF): many long lines stop mid-sentence.
 * Own-line titles are then taken only when short and without commas.
 */
function isHardWrapped(text: string, paragraphs: readonly Paragraph[]): boolean {
  let long = 0;
  let open = 0;
  for (const p of paragraphs) {
    if (p.end - p.start < 20) continue;
    long++;
    if (!endsSentence(text, p)) open++;
  }
  return open >= 3 && open * 10 >= long * 3;
}

/** Markers right after a sentence end inside the paragraph (`…方面：（一）激发…。一是…`). */
function scanInline(text: string, p: Paragraph, from: number, out: Candidate[]): void {
  let quoteDepth = 0;
  let quoteStart = 0;
  // Jump from one sentence end or quotation mark to the next: most characters are neither.
  INLINE_STOPS.lastIndex = from;
  for (let m = INLINE_STOPS.exec(text); m && m.index < p.end; m = INLINE_STOPS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
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
    INLINE_STOPS.lastIndex = cand.textEnd;
  }
}

/** Sentence ends (see `isSentenceEnd`) and quotation marks. */
const INLINE_STOPS = /[。：；！？:;!?“”]/g;

function candidateAfterMarker(text: string, p: Paragraph, marker: Marker, context: 'paragraph-start' | 'inline'): Candidate {
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

/** `2.六镇镇2023年政府工作报告 31` — a contents line ending in a page number. */
function isTableOfContentsLine(text: string, p: Paragraph): boolean {
  let i = p.end;
  while (i > p.start && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === p.end || p.end - i > 3) return false;
  const before = text.charCodeAt(i - 1);
  return isBlank(before) || before === 0x2026 /* … */ || before === 46 || before === 0x00b7;
}

/**
 * A short paragraph alone on its line that reads as a section title: `2022年工作回顾`,
 * `加强政府自身建设`, `结束语`. Not a salutation, a lead-in ending in `：`, page furniture or a date.
 */
function isOwnLineTitle(s: string): boolean {
  if (s.length < 2 || s.length > MAX_TITLE_LENGTH) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x3002 /* 。 */) {
    if (s.length > 20) return false;
  } else if (isSentenceEnd(last) || last === 0xff0c || last === 44 || last === 0x3001) return false;
  for (let i = 0; i < s.length - 1; i++) if (isSentenceEnd(s.charCodeAt(i))) return false;
  if (isSalutation(s) || NOT_A_TITLE.test(s) || FRONT_MATTER.test(s)) return false;
  let commas = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xff0c || s.charCodeAt(i) === 44) commas++;
  if (commas > 2) return false;
  if (/^\d{4}[-.年/]\d{1,2}/.test(s) || /\d{1,2}月\d{1,2}日$/.test(s)) return false;
  let cjk = 0;
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) cjk++;
  return cjk >= 2 && cjk * 2 >= s.length;
}

/**
 * Pass 2: parallel lead paragraphs. Three or more paragraphs in one section that open alike become
 * headings whose text is their first sentence:
 * - by their opening phrase: the words before an early comma (`五年来，…` `过去五年，…`), or else
 *   their first five characters (`我们将坚持…`);
 * - or, when they follow one another and each first sentence is short, by their first two
 *   characters (`全面推进依宪施政。` `全面加强党风廉政建设。`).
 */
function findLeadCandidates(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, explicit: readonly Candidate[]): Candidate[] {
  const startsHeading = new Set<number>();
  for (const c of explicit) if (c.placement !== 'inline') startsHeading.add(c.paragraph);
  const byOpening = new Map<string, Paragraph[]>();
  // Short parallel paragraphs in a row: alike by their first two characters (`全面推进…。` `全面加强…。`),
  // or by their first character and how their first sentence ends (`在教育方面。` `在卫生方面。`).
  const byPrefix = new ParallelRun();
  const byShape = new ParallelRun();
  let next = 0;
  let owner = -1;
  const endRuns = () => {
    byPrefix.end();
    byShape.end();
  };
  for (const p of paragraphs) {
    const ownerBefore = owner;
    while (next < explicit.length && explicit[next].start <= p.start) {
      if (!isPoint(explicit[next].family)) owner = next;
      next++;
    }
    if (owner !== ownerBefore) endRuns();
    if (startsHeading.has(p.index) || (title && title.start >= p.start && title.start < p.end) || p.end - p.start < 12) {
      endRuns();
      continue;
    }
    const opening = leadOpening(text, p);
    if (!opening || isLeadIn(text, p) || (p.end - p.start <= MAX_TITLE_LENGTH * 2 && FRONT_MATTER.test(text.slice(p.start, p.end)))) {
      byPrefix.feed(p, undefined);
      byShape.feed(p, undefined);
      continue;
    }
    const key = `${owner}|${opening}`;
    const group = byOpening.get(key);
    if (group) group.push(p);
    else byOpening.set(key, [p]);
    const sentenceEnd = firstSentenceEnd(text, p);
    const short = sentenceEnd - p.start <= SHORT_LEAD_SENTENCE;
    const prefix = text.slice(p.start, p.start + 2);
    byPrefix.feed(p, short && !COMMON_OPENINGS.has(prefix) ? prefix : undefined);
    byShape.feed(p, short && sentenceEnd - p.start >= 4 ? text[p.start] + text.slice(sentenceEnd - 2, sentenceEnd) : undefined);
  }
  endRuns();
  const chosen = new Set<Paragraph>();
  for (const group of byOpening.values()) if (group.length >= LEAD_MIN_GROUP) group.forEach((p) => chosen.add(p));
  for (const r of [...byPrefix.runs, ...byShape.runs]) r.forEach((p) => chosen.add(p));
  const out: Candidate[] = [];
  for (const p of chosen) {
    const textEnd = firstSentenceEnd(text, p);
    out.push({ family: 'lead', start: p.start, textStart: p.start, textEnd, placement: textEnd < p.end - 1 ? 'run-in' : 'line', paragraph: p.index });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Collects runs of paragraphs with the same key; one paragraph without a key may stand between
 * two members (a paragraph of figures between `在教育方面。` and `在卫生方面。`).
 */
class ParallelRun {
  readonly runs: Paragraph[][] = [];
  private run: Paragraph[] = [];
  private key = '';
  private gap = 0;

  feed(p: Paragraph, key: string | undefined): void {
    if (key !== undefined && key === this.key) {
      this.run.push(p);
      this.gap = 0;
    } else if (key === undefined) {
      if (++this.gap > 1) this.end();
    } else {
      this.end();
      this.run = [p];
      this.key = key;
    }
  }

  end(): void {
    if (this.run.length >= LEAD_MIN_GROUP) this.runs.push(this.run);
    this.run = [];
    this.key = '';
    this.gap = 0;
  }
}

/** Openings shared by ordinary paragraphs, too common to make them parallel (`我们…` `同时…`). */
const COMMON_OPENINGS = new Set(['我们', '同时', '此外', '这些', '这是', '今年', '去年', '明年', '全年', '其中', '目前', '当前', '各位']);

/** Longest first sentence for paragraphs grouped by their first two characters. */
const SHORT_LEAD_SENTENCE = 30;

/** `五年来，我们…主要做了以下工作。` or a sentence ending in `：` introduces a list; it is no lead. */
function isLeadIn(text: string, p: Paragraph): boolean {
  const end = firstSentenceEnd(text, p);
  const c = text.charCodeAt(end);
  if (c === 0xff1a || c === 58) return true;
  return /(以下|如下)[^，。]{0,8}$/.test(text.slice(Math.max(p.start, end - 16), end));
}

/** The opening that makes paragraphs parallel: words before an early comma, or the first characters. */
function leadOpening(text: string, p: Paragraph): string | undefined {
  const first = text.charCodeAt(p.start);
  if (!isCjk(first) || isSalutation(text.slice(p.start, p.start + 4))) return undefined;
  for (let i = p.start + 2; i < Math.min(p.end, p.start + 6); i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff0c || c === 44) return text.slice(p.start, i + 1);
  }
  const opening = text.slice(p.start, p.start + LEAD_KEY_LENGTH);
  for (let i = 0; i < opening.length; i++) if (isDigit(opening.charCodeAt(i))) return undefined;
  return opening;
}

function firstSentenceEnd(text: string, p: Paragraph): number {
  let end = p.start;
  while (end < p.end && !endsHeadingText(text.charCodeAt(end))) end++;
  return end;
}

function mergeByStart(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

const CANONICAL_RANK = new Map<HeadingFamily, number>(CANONICAL_FAMILIES.map((f, i) => [f, i]));
const POINTS = new Set<HeadingFamily>(POINT_FAMILIES);

function isPoint(family: HeadingFamily): boolean {
  return POINTS.has(family);
}

/** Pass 3: levels, parents and section ends. */
function buildTree(text: string, paragraphs: readonly Paragraph[], candidates: readonly Candidate[]): { headings: Heading[]; roots: Heading[] } {
  const headings: Heading[] = [];
  const roots: Heading[] = [];
  const order: HeadingFamily[] = [];
  const stack: Heading[] = [];
  const close = (h: Heading, before: number) => {
    let end = contentEndBefore(text, before, h.textEnd);
    if (isParagraphScoped(h)) end = Math.min(end, paragraphs[h.paragraph].end);
    h.sectionEnd = Math.max(end, h.textEnd);
  };
  for (const c of candidates) {
    const h: Heading = {
      index: headings.length,
      family: c.family,
      depth: 0,
      marker: c.marker,
      text: text.slice(c.textStart, c.textEnd),
      label: '',
      placement: c.placement,
      start: c.start,
      textEnd: c.textEnd,
      sectionEnd: c.textEnd,
      paragraph: c.paragraph,
      parent: undefined,
      children: [],
    };
    h.label = labelOf(h);
    // Points opened inline or by `——` end with their paragraph.
    while (stack.length && isParagraphScoped(stack[stack.length - 1]) && stack[stack.length - 1].paragraph < c.paragraph) close(stack.pop()!, c.start);
    if (isPoint(c.family)) {
      const sibling = findLastIndex(stack, (s) => s.family === c.family);
      // `一是` inline under a `三是` that opened its own paragraph starts a nested list, not a sibling.
      const nested = sibling >= 0 && c.placement === 'inline' && c.marker?.value === 1 && !isParagraphScoped(stack[sibling]) && stack[sibling].paragraph < c.paragraph;
      if (sibling >= 0 && !nested && stack.slice(sibling).every((s) => isPoint(s.family))) {
        while (stack.length > sibling) close(stack.pop()!, c.start);
      } else if (c.placement !== 'inline') {
        // A point opening its paragraph is parallel to, not inside, points of another family in earlier paragraphs.
        while (stack.length && isPoint(stack[stack.length - 1].family) && stack[stack.length - 1].paragraph < c.paragraph) close(stack.pop()!, c.start);
      }
    } else {
      while (stack.length && isPoint(stack[stack.length - 1].family)) close(stack.pop()!, c.start);
      // Lead lines and paragraphs introduce text, never numbered sections: `（一）` after `针对…。` is its sibling.
      if (CANONICAL_RANK.has(c.family)) while (stack.length && stack[stack.length - 1].family === 'lead') close(stack.pop()!, c.start);
      if (!order.includes(c.family)) insertFamily(order, c.family, stack.length ? stack[stack.length - 1].family : undefined);
      const rank = order.indexOf(c.family);
      while (stack.length && order.indexOf(stack[stack.length - 1].family) >= rank) close(stack.pop()!, c.start);
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      h.parent = parent;
      parent.children.push(h);
    } else roots.push(h);
    h.depth = stack.length + 1;
    stack.push(h);
    headings.push(h);
  }
  while (stack.length) close(stack.pop()!, text.length);
  return { headings, roots };
}

/**
 * Inline points, `——` points and lead paragraphs (`一年来，我们…。…`) cover their paragraph only;
 * the next paragraphs belong to the enclosing section.
 */
function isParagraphScoped(h: Heading): boolean {
  return h.family === 'dash' || (isPoint(h.family) && h.placement === 'inline') || (h.family === 'lead' && h.placement === 'run-in');
}

/**
 * Places a family seen for the first time just below the innermost open heading's family,
 * keeping the canonical order among numbered families.
 */
function insertFamily(order: HeadingFamily[], family: HeadingFamily, innermost: HeadingFamily | undefined): void {
  let pos = innermost === undefined ? 0 : order.indexOf(innermost) + 1;
  const rank = CANONICAL_RANK.get(family);
  if (rank !== undefined) {
    let lo = 0;
    let hi = order.length;
    order.forEach((f, i) => {
      const r = CANONICAL_RANK.get(f);
      if (r === undefined) return;
      if (r < rank) lo = Math.max(lo, i + 1);
      else if (r > rank) hi = Math.min(hi, i);
    });
    pos = Math.min(Math.max(pos, lo), Math.max(lo, hi));
  }
  order.splice(pos, 0, family);
}

/** Offset just past the last non-blank character before `offset` (but not before `floor`). */
function contentEndBefore(text: string, offset: number, floor: number): number {
  let i = offset;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (!isBlank(c) && !isLineBreak(c)) break;
    i--;
  }
  return i;
}

/**
 * The display name: marker and text, shortened at a clause boundary when long.
 *
 * @example `（二）建管并重，突出亮点，打造生态宜居新六镇` → `（二）建管并重，突出亮点，打造生态宜居新六镇` (short enough)
 */
function labelOf(h: Heading): string {
  const marker = h.marker ? h.marker.text : '';
  return marker + shorten(h.text, LABEL_LENGTH);
}

/** Cuts `s` to about `max` characters at the last `，` `、` `；` boundary, adding `…`. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = -1;
  for (let i = max; i >= Math.floor(max / 3); i--) {
    const c = s.charCodeAt(i);
    if (c === 0xff0c || c === 44 || c === 0x3001 || c === 0xff1b) {
      cut = i;
      break;
    }
  }
  let end = cut > 0 ? cut : max;
  // Never split a surrogate pair.
  if (end > 0 && s.charCodeAt(end - 1) >= 0xd800 && s.charCodeAt(end - 1) <= 0xdbff) end--;
  return s.slice(0, end) + '…';
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
