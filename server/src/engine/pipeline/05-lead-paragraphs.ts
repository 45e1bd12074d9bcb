/**
 * Parallel lead paragraphs: three or more paragraphs in one section that open alike
 * (`一年来，我们…` `我们将坚持…` `全面推进…。`) are headings titled by their first sentence.
 */
import { isCjk, isDigit } from '../chars';
import { firstSentenceEnd, type HeadingCandidate } from '../heading-candidate';
import { isPointFamily, type Paragraph, type ReportTitle } from '../model';
import { FRONT_MATTER, MAX_TITLE_LENGTH } from '../own-line-titles';
import { isSalutation } from './03-title';
import { perParagraph, type Memo } from '../incremental';

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
  const startsHeading = new Uint8Array(paragraphs.length);
  for (const c of explicit) if (c.placement !== 'inline') startsHeading[c.paragraph] = 1;
  // Openings are compared within one section: the map holds the current section's groups only.
  const byOpening = new Map<string, Paragraph[]>();
  const chosen: Paragraph[] = [];
  const endSection = () => {
    if (byOpening.size === 0) return;
    for (const group of byOpening.values()) if (group.length >= LEAD_MIN_GROUP) for (const p of group) chosen.push(p);
    byOpening.clear();
  };
  // Short parallel paragraphs in a row: alike by their first two characters (`全面推进…。` `全面加强…。`),
  // or by their first character and how their first sentence ends (`在教育方面。` `在卫生方面。`).
  const byPrefix = new ParallelRun(chosen);
  const byShape = new ParallelRun(chosen);
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
    if (owner !== ownerBefore) {
      endRuns();
      endSection();
    }
    if (startsHeading[p.index] || (title && title.start >= p.start && title.start < p.end) || p.end - p.start < 12) {
      endRuns();
      continue;
    }
    const lead = openings[p.index];
    if (!lead || lead.excluded) {
      byPrefix.feed(p, NO_KEY);
      byShape.feed(p, NO_KEY);
      continue;
    }
    const group = byOpening.get(lead.opening);
    if (group) group.push(p);
    else byOpening.set(lead.opening, [p]);
    byPrefix.feed(p, lead.prefixKey);
    byShape.feed(p, lead.shapeKey);
  }
  endRuns();
  endSection();
  // A paragraph in both an opening group and a run is one heading.
  chosen.sort((a, b) => a.index - b.index);
  const out: HeadingCandidate[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const p = chosen[k];
    if (k > 0 && chosen[k - 1] === p) continue;
    const textEnd = p.start + openings[p.index]!.sentence;
    out.push({ family: 'lead', start: p.start, textStart: p.start, textEnd, placement: textEnd < p.end - 1 ? 'run-in' : 'line', paragraph: p.index });
  }
  return out;
}

/**
 * What a paragraph's own text says for pass 2, when it has an opening: its {@link leadOpening}, the
 * length of its first sentence, whether it is a lead-in or front matter (never a lead), and the keys
 * of the runs alike by their first two characters (`全面推进…。`) and alike by first character and
 * sentence ending (`在教育方面。`), each {@link NO_KEY} when the first sentence is long.
 */
interface LeadOpening {
  opening: string;
  sentence: number;
  excluded: boolean;
  prefixKey: number;
  shapeKey: number;
}

/** Where the memo keeps each paragraph's {@link LeadOpening}. */
const OPENINGS_KEY = 'lead-openings';
/** A paragraph's openings read nothing outside it; the margin only keeps the comparison shared. */
const OPENINGS_MARGIN = 64;

/**
 * Each paragraph's {@link LeadOpening} (`undefined` without an opening), taken from the memo for paragraphs outside the lines an edit changed.
 *
 * @example leadOpenings('一年来，我们狠抓落实。\n各位代表：\n', paragraphs).map((o) => o?.opening) // ['一年来，', undefined]
 */
function leadOpenings(text: string, paragraphs: readonly Paragraph[], memo?: Memo): Array<LeadOpening | undefined> {
  return perParagraph(memo, OPENINGS_KEY, paragraphs, OPENINGS_MARGIN, (i) => openingOf(text, paragraphs[i]));
}

/** The {@link LeadOpening} of one paragraph. */
function openingOf(text: string, p: Paragraph): LeadOpening | undefined {
  const opening = leadOpening(text, p);
  if (!opening) return undefined;
  // Scanned once here, read by `isLeadIn` and the runs.
  const sentenceEnd = firstSentenceEnd(text, p);
  const excluded = isLeadIn(text, p, sentenceEnd) || (p.end - p.start <= MAX_TITLE_LENGTH * 2 && FRONT_MATTER.test(text.slice(p.start, p.end)));
  // Keys as numbers (the UTF-16 units side by side), so that no string is made per paragraph.
  const short = sentenceEnd - p.start <= SHORT_LEAD_SENTENCE;
  const prefix = text.charCodeAt(p.start) * 0x10000 + text.charCodeAt(p.start + 1);
  return {
    opening,
    sentence: sentenceEnd - p.start,
    excluded,
    prefixKey: short && !COMMON_OPENINGS.has(prefix) ? prefix : NO_KEY,
    shapeKey: short && sentenceEnd - p.start >= 4 ? text.charCodeAt(p.start) * 0x100000000 + text.charCodeAt(sentenceEnd - 2) * 0x10000 + text.charCodeAt(sentenceEnd - 1) : NO_KEY,
  };
}

/**
 * Collects runs of paragraphs with the same key; one paragraph without a key may stand between
 * two members (a paragraph of figures between `在教育方面。` and `在卫生方面。`).
 */
class ParallelRun {
  private run: Paragraph[] = [];
  private key = NO_KEY;
  private gap = 0;

  /** @param runs where the runs of three or more go, paragraph by paragraph */
  constructor(private readonly runs: Paragraph[]) {}

  feed(p: Paragraph, key: number): void {
    if (key !== NO_KEY && key === this.key) {
      this.run.push(p);
      this.gap = 0;
    } else if (key === NO_KEY) {
      if (++this.gap > 1) this.end();
    } else {
      this.end();
      this.run = [p];
      this.key = key;
    }
  }

  end(): void {
    if (this.run.length >= LEAD_MIN_GROUP) for (const p of this.run) this.runs.push(p);
    this.run = [];
    this.key = NO_KEY;
    this.gap = 0;
  }
}

/** A paragraph that has no key for a run. */
const NO_KEY = -1;

/** Two UTF-16 units as one number, as the runs key them (`全面` → 0x5168_9762). */
const twoUnits = (s: string): number => s.charCodeAt(0) * 0x10000 + s.charCodeAt(1);

/** Openings shared by ordinary paragraphs, too common to make them parallel (`我们…` `同时…`). */
const COMMON_OPENINGS = new Set(['我们', '同时', '此外', '这些', '这是', '今年', '去年', '明年', '全年', '其中', '目前', '当前', '各位'].map(twoUnits));

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

