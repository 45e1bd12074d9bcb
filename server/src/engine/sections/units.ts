/**
 * The body of a document as the section search reads it: the paragraphs after the title, and in
 * flattened text the stretches between runs of blanks where line breaks were lost
 * (`…请予审议。  2022年工作回顾  一年来…`).
 */
import type { ReportModel } from '../model';
import { memoOf } from '../pipeline';

/**
 * Where a section can start: a body paragraph (the title's paragraph counts from the end of the
 * title in flattened text), or a stretch of a paragraph between runs of blanks in text whose line
 * breaks were lost (`…请予审议。  2022年工作回顾  一年来，…`).
 */
export interface Unit {
  /** The paragraph's index in `model.paragraphs`. */
  index: number;
  start: number;
  end: number;
  /**
   * Set on a stretch of flattened text; absent on a whole paragraph (then a wrapped line may continue
   * on the next). Whole paragraphs are the model's own paragraph objects, not copies.
   */
  segment?: true;
}

/** The body and its units, once per model: the section search and the cut-off test both read them. */
interface Body {
  paragraphs: Unit[];
  units?: Unit[];
  segments?: Unit[];
}

const cache = new WeakMap<ReportModel, Body>();

function bodyOf(model: ReportModel): Body {
  let body = cache.get(model);
  if (!body) cache.set(model, (body = { paragraphs: findBodyParagraphs(model) }));
  return body;
}

/**
 * The paragraphs after the title (the rest of the title's paragraph in flattened text), as whole units.
 *
 * @example bodyParagraphs(buildReportModel('某镇2023年工作总结\n一、工作回顾\n…')) // from `一、工作回顾` on
 */
export function bodyParagraphs(model: ReportModel): readonly Unit[] {
  return bodyOf(model).paragraphs;
}

/**
 * The body paragraphs, each followed by its stretches between blanks while there are not too many
 * (the paragraphs are the very objects of {@link bodyParagraphs}).
 *
 * @example documentUnits(model) // in `…请予审议。  2022年工作回顾  一年来…`: the paragraph, then `…请予审议。`, `2022年工作回顾`, `一年来…`
 */
export function documentUnits(model: ReportModel): readonly Unit[] {
  const body = bodyOf(model);
  if (body.units) return body.units;
  const memo = memoOf(model);
  const earlier = memo?.earlier<KeptUnits>(UNITS_KEY);
  const range = earlier && earlier.value.segments < MAX_SEGMENTS ? memo!.changedSince(earlier.text, 0, 0) : undefined;
  let kept = earlier && earlier.value.segments < MAX_SEGMENTS ? unitsReusing(model.text, body.paragraphs, earlier.value.units, range) : undefined;
  kept ??= findUnits(model.text, body.paragraphs);
  memo?.keep(UNITS_KEY, kept);
  return (body.units = kept.units);
}

/**
 * The stretches of flattened text alone (the units that are not whole paragraphs), in order.
 *
 * @example segmentUnits(model) // in `…请予审议。  2022年工作回顾  一年来…`: `…请予审议。`, `2022年工作回顾`, `一年来…`
 */
export function segmentUnits(model: ReportModel): readonly Unit[] {
  const body = bodyOf(model);
  return (body.segments ??= documentUnits(model).filter((u) => u.segment));
}

/** Where the memo keeps the units, for the next version. */
const UNITS_KEY = 'section-units';

/** The units of one version and how many of them are stretches of flattened text. */
interface KeptUnits {
  units: Unit[];
  segments: number;
}

function findBodyParagraphs(model: ReportModel): Unit[] {
  const text = model.text;
  const t = model.title;
  const body: Unit[] = [];
  for (const p of model.paragraphs) {
    if (!t || p.end <= t.start || p.start >= t.end) body.push(p);
    else if (p.end > t.end) {
      let start = t.end;
      while (start < p.end && /[\s\u3000]/.test(text[start])) start++;
      if (start < p.end) body.push({ index: p.index, start, end: p.end });
    }
  }
  return body;
}

function isBlankUnit(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** A Chinese character or Chinese (full-width) punctuation: one blank between two of them is a lost line break. */
function isCjkOrPunct(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

/** At most this many stretches between blanks are examined: a text spaced out character by character is not a flattened report. */
const MAX_SEGMENTS = 5000;

/** The units {@link isBlankUnit} accepts, searched for natively from one paragraph to the next. */
const ANY_BLANK = /[ \t\u3000\u00a0]/g;

function findUnits(text: string, body: readonly Unit[]): KeptUnits {
  const units: Unit[] = [];
  let segments = 0;
  // The next blank at or after the current paragraph's start: one search serves every paragraph
  // up to it, so the whole text is searched once, not once per paragraph.
  let nextBlank = -1;
  for (const q of body) {
    units.push(q);
    if (nextBlank < q.start) {
      ANY_BLANK.lastIndex = q.start;
      nextBlank = ANY_BLANK.exec(text)?.index ?? text.length;
    }
    // Most paragraphs hold no blank: no copy, no object.
    if (nextBlank >= q.end) continue;
    const own = segmentsOf(text, q, MAX_SEGMENTS - segments);
    segments += own.length;
    for (const u of own) units.push(u);
  }
  return { units, segments };
}

/**
 * The units, taking each paragraph's stretches from the earlier version's units when the edit did
 * not touch its line (`range`: the changed lines, undefined when the text is the same) and the
 * paragraph starts and ends where it did; undefined when the stretches come to the cap, where
 * which paragraph's stretches are left out depends on the order they were found in.
 */
function unitsReusing(text: string, body: readonly Unit[], earlier: readonly Unit[], range: { start: number; end: number; delta: number } | undefined): KeptUnits | undefined {
  const units: Unit[] = [];
  let segments = 0;
  let k = 0;
  for (const q of body) {
    units.push(q);
    let reused = false;
    if (!range || q.end <= range.start || q.start >= range.end) {
      const shift = range && q.start >= range.end ? range.delta : 0;
      const start = q.start - shift;
      while (k < earlier.length && (earlier[k].start < start || earlier[k].segment)) k++;
      const old = earlier[k];
      if (old && old.start === start && old.end === q.end - shift) {
        reused = true;
        for (let j = k + 1; j < earlier.length && earlier[j].segment; j++) {
          units.push({ index: q.index, start: earlier[j].start + shift, end: earlier[j].end + shift, segment: true });
          segments++;
        }
      }
    }
    if (reused || !hasBlank(text, q.start, q.end)) continue;
    const own = segmentsOf(text, q, Infinity);
    segments += own.length;
    for (const u of own) units.push(u);
  }
  return segments < MAX_SEGMENTS ? { units, segments } : undefined;
}

/** Whether `text.slice(start, end)` holds a blank (read only there: a search on could run to the end of the text). */
function hasBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isBlankUnit(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The paragraph's stretches between runs of blanks: two or more blanks, or one blank between
 * Chinese characters, mark a line break lost in flattening (`…意见。  一、2022年工作回顾  …`).
 * At most `max` stretches are split off before the last one.
 */
function segmentsOf(text: string, q: Unit, max: number): Unit[] {
  const units: Unit[] = [];
  // The count includes the whole paragraph, as it did when the paragraph led the list.
  const full = () => units.length + 1 > max;
  let start = q.start;
  for (let i = q.start; i < q.end && !full(); i++) {
    if (!isBlankUnit(text.charCodeAt(i))) continue;
    let j = i;
    while (j < q.end && isBlankUnit(text.charCodeAt(j))) j++;
    const breaks = j - i >= 2 || (i > q.start && isCjkOrPunct(text.charCodeAt(i - 1)) && j < q.end && isCjkOrPunct(text.charCodeAt(j)));
    if (breaks && j < q.end && i > q.start) {
      units.push({ index: q.index, start, end: i, segment: true });
      start = j;
    }
    i = j - 1;
  }
  if (start > q.start && !full()) units.push({ index: q.index, start, end: q.end, segment: true });
  return units;
}

/** Longest stretch of flattened text between blanks that can be a section title (`  2022年工作回顾  `). */
const TITLE_SEGMENT_LENGTH = 30;

/**
 * A short stretch without sentence or clause punctuation: a title that lost its own line.
 *
 * @example isTitleLike(text, unit) // true for `2022年工作回顾` between blanks
 */
export function isTitleLike(text: string, u: Unit): boolean {
  if (u.end - u.start > TITLE_SEGMENT_LENGTH) return false;
  return !/[。，,；;：:！!？?]/.test(text.slice(u.start, u.end));
}
