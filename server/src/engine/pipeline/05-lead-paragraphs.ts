/**
 * Parallel lead paragraphs: three or more paragraphs in one section that open alike
 * (`一年来，我们…` `我们将坚持…` `全面推进…。`) are headings titled by their first sentence.
 */
import { isCjk, isDigit } from '../chars';
import { firstSentenceEnd, type HeadingCandidate } from '../heading-candidate';
import { isPointFamily, type Paragraph, type ReportTitle } from '../model';
import { FRONT_MATTER, MAX_TITLE_LENGTH } from '../own-line-titles';
import { isSalutation } from './03-title';
import type { Memo } from '../incremental';
import { partitionPoint } from '../partition-point';

/** How many characters of a paragraph's opening make parallel lead paragraphs alike. */
const LEAD_KEY_LENGTH = 5;
/** How many alike openings in one section make them headings. */
const LEAD_MIN_GROUP = 3;
/**
 * Pass 2: parallel lead paragraphs. Three or more paragraphs in one section that open alike become
 * headings whose text is their first sentence:
 * - by their opening phrase: the words before an early comma (`五年来，…` `过去五年，…`), or else
 *   their first five characters (`我们将坚持…`);
 * - or, when they follow one another and each first sentence is short, by their first two
 *   characters (`全面推进依宪施政。` `全面加强党风廉政建设。`).
 */
export function findLeadCandidates(text: string, paragraphs: readonly Paragraph[], title: ReportTitle | undefined, explicit: readonly HeadingCandidate[], memo?: Memo): HeadingCandidate[] {
  const openings = leadOpenings(text, paragraphs, memo);
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
      if (!isPointFamily(explicit[next].family)) owner = next;
      next++;
    }
    if (owner !== ownerBefore) endRuns();
    if (startsHeading.has(p.index) || (title && title.start >= p.start && title.start < p.end) || p.end - p.start < 12) {
      endRuns();
      continue;
    }
    const opening = openings.opening[p.index];
    const sentenceEnd = p.start + openings.sentence[p.index];
    if (!opening || openings.excluded[p.index]) {
      byPrefix.feed(p, undefined);
      byShape.feed(p, undefined);
      continue;
    }
    const key = `${owner}|${opening}`;
    const group = byOpening.get(key);
    if (group) group.push(p);
    else byOpening.set(key, [p]);
    const short = sentenceEnd - p.start <= SHORT_LEAD_SENTENCE;
    const prefix = text.slice(p.start, p.start + 2);
    byPrefix.feed(p, short && !COMMON_OPENINGS.has(prefix) ? prefix : undefined);
    byShape.feed(p, short && sentenceEnd - p.start >= 4 ? text[p.start] + text.slice(sentenceEnd - 2, sentenceEnd) : undefined);
  }
  endRuns();
  const chosen = new Set<Paragraph>();
  for (const group of byOpening.values()) if (group.length >= LEAD_MIN_GROUP) group.forEach((p) => chosen.add(p));
  for (const r of [...byPrefix.runs, ...byShape.runs]) r.forEach((p) => chosen.add(p));
  const out: HeadingCandidate[] = [];
  for (const p of chosen) {
    const textEnd = firstSentenceEnd(text, p);
    out.push({ family: 'lead', start: p.start, textStart: p.start, textEnd, placement: textEnd < p.end - 1 ? 'run-in' : 'line', paragraph: p.index });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * What each paragraph's own text says for pass 2: its {@link leadOpening}, the length of its first
 * sentence, and whether it is a lead-in or front matter (never a lead). By paragraph index.
 */
interface LeadOpenings {
  opening: Array<string | undefined>;
  sentence: number[];
  excluded: boolean[];
}

/** Where the memo keeps each paragraph's {@link LeadOpenings}. */
const OPENINGS_KEY = 'lead-openings';
/** A paragraph's openings read nothing outside it; the margin only keeps the comparison shared. */
const OPENINGS_MARGIN = 64;

/**
 * Each paragraph's {@link LeadOpenings}, taken from the memo for paragraphs outside the lines an edit changed.
 *
 * @example leadOpenings('一年来，我们狠抓落实。\n各位代表：\n', paragraphs).opening // ['一年来，', undefined]
 */
function leadOpenings(text: string, paragraphs: readonly Paragraph[], memo?: Memo): LeadOpenings {
  const earlier = memo?.earlier<LeadOpenings>(OPENINGS_KEY);
  const range = earlier && memo!.changedSince(earlier.text, OPENINGS_MARGIN, 0);
  let found: LeadOpenings;
  if (earlier && !range) found = earlier.value;
  else {
    const n = paragraphs.length;
    let lo = 0;
    let hi = n;
    let shift = 0;
    if (earlier && range) {
      lo = firstStartingAtOrAfter(paragraphs, range.start);
      hi = firstStartingAtOrAfter(paragraphs, range.end);
      shift = n - earlier.value.opening.length;
    }
    const old = earlier?.value;
    found = { opening: new Array(n), sentence: new Array(n), excluded: new Array(n) };
    for (let i = 0; i < lo; i++) {
      found.opening[i] = old!.opening[i];
      found.sentence[i] = old!.sentence[i];
      found.excluded[i] = old!.excluded[i];
    }
    for (let i = lo; i < hi; i++) {
      const p = paragraphs[i];
      const opening = leadOpening(text, p);
      // Scanned once here, read by `isLeadIn` and the runs.
      const sentenceEnd = opening ? firstSentenceEnd(text, p) : p.end;
      found.opening[i] = opening;
      found.sentence[i] = sentenceEnd - p.start;
      found.excluded[i] = !!opening && (isLeadIn(text, p, sentenceEnd) || (p.end - p.start <= MAX_TITLE_LENGTH * 2 && FRONT_MATTER.test(text.slice(p.start, p.end))));
    }
    for (let i = hi; i < n; i++) {
      found.opening[i] = old!.opening[i - shift];
      found.sentence[i] = old!.sentence[i - shift];
      found.excluded[i] = old!.excluded[i - shift];
    }
  }
  memo?.keep(OPENINGS_KEY, found);
  return found;
}

/** Index of the first paragraph starting at or after `offset` (paragraphs are in order). */
function firstStartingAtOrAfter(paragraphs: readonly Paragraph[], offset: number): number {
  return partitionPoint(paragraphs, (p) => p.start < offset);
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

/**
 * `五年来，我们…主要做了以下工作。` or a sentence ending in `：` introduces a list; it is no lead.
 * `end` is the paragraph's {@link firstSentenceEnd}.
 */
function isLeadIn(text: string, p: Paragraph, end: number): boolean {
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

