/**
 * The opening sentence of a paragraph (or of a stretch of flattened text), simplified, which the
 * lead cues of sections are tested on (`在肯定成绩的同时，我们也清醒地认识到…`). Openings are kept
 * across versions of a document through its memo (see `incremental.ts`).
 */
import { isTraditional, simplify } from '../chars';
import { detached, type Memo } from '../incremental';
import type { ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import { memoOf } from '../pipeline';
import type { Unit } from './units';

/** Longest opening examined, in UTF-16 units. */
const OPENING_LENGTH = 80;
/** An opening sentence shorter than this is extended by the next sentence (`安不忘危，兴不忘忧。我们清醒认识到…`). */
const SHORT_SENTENCE = 16;

/** Where the memo keeps the simplified opening sentences. */
const OPENINGS_KEY = 'section-openings';

/** A unit's opening sentence, simplified, and how far the text was read to find it. */
interface Opening {
  text: string;
  readEnd: number;
}

/**
 * The openings of one version, by unit position, for the next version: its units, and for each
 * unit whose opening was read, the opening, how far it read, and which lead cues were tested on it
 * (`known`) and which matched (`matched`), as bits of {@link cueBit}.
 */
interface KeptOpenings {
  units: readonly Unit[];
  texts: string[];
  readEnds: number[];
  known: number[];
  matched: number[];
}

/** Bits 0–29: the results fit a small integer. */
const MAX_CUES = 30;

/**
 * The bit that stands for `cue` in a record of the cues tested on one text, in `registry` (one
 * registry per kind of text: the lead cues of openings, the heading cues of headings); 0 when the
 * registry is full: then the cue is tested every time. A cue's result depends on the text alone.
 *
 * @example cueBit(LEAD_CUES, /回顾|总结/) // 1, 2, 4…: the same for the same RegExp object
 */
export function cueBit(registry: Map<RegExp, number>, cue: RegExp): number {
  let bit = registry.get(cue);
  if (bit === undefined) {
    bit = registry.size < MAX_CUES ? 1 << registry.size : 0;
    registry.set(cue, bit);
  }
  return bit;
}

/** The lead cues tested on openings. */
const LEAD_CUES = new Map<RegExp, number>();

/**
 * The simplified opening sentences of one model's units (`documentUnits`), each computed once, and
 * the lead cues tested on them. Both are reused from the document's earlier version where the edit
 * cannot have changed the opening. A paragraph and its first stretch of flattened text start at
 * one offset and share the paragraph's opening.
 *
 * @example const openings = new Openings(model, units); openings.matches(units[3], 3, /^一年来/) // true for `一年来，我们…`
 */
export class Openings {
  // By unit position; what is computed is always a prefix of the units (they are searched in order).
  private readonly texts: string[] = [];
  private readonly readEnds: number[] = [];
  private readonly known: number[] = [];
  private readonly matched: number[] = [];
  private readonly memo: Memo | undefined;
  private readonly earlier: KeptOpenings | undefined;
  private readonly range: { start: number; end: number; delta: number } | undefined;
  /** Where the last look-up in the earlier units ended: look-ups mostly go forward. */
  private cursor = 0;

  constructor(
    private readonly model: ReportModel,
    private readonly units: readonly Unit[],
  ) {
    // Openings are kept across versions by where they start: one that read only text before the
    // edit, or that starts after it, is the same sentence.
    this.memo = memoOf(model);
    const earlier = this.memo?.earlier<KeptOpenings>(OPENINGS_KEY);
    this.earlier = earlier?.value;
    this.range = earlier ? this.memo!.changedSince(earlier.text, 0, 0) : undefined;
  }

  /**
   * Whether the lead cue `cue` matches the opening sentence of `u`, the unit at position `i`.
   *
   * @example openings.matches(unit, 7, PROBLEMS.leadCue) // true for `在肯定成绩的同时，我们也清醒地认识到…`
   */
  matches(u: Unit, i: number, cue: RegExp): boolean {
    const text = this.of(u, i);
    const bit = cueBit(LEAD_CUES, cue);
    if (bit === 0) return cue.test(text);
    if (this.known[i] & bit) return (this.matched[i] & bit) !== 0;
    const result = cue.test(text);
    this.known[i] |= bit;
    if (result) this.matched[i] |= bit;
    return result;
  }

  /** The opening sentence, simplified, of `u`, the unit at position `i`. */
  of(u: Unit, i: number): string {
    const known = this.texts[i];
    if (known !== undefined) return known;
    const before = this.units[i - 1];
    if (u.segment && before && before.start === u.start) {
      this.of(before, i - 1);
      this.take(i, this.texts[i - 1], this.readEnds[i - 1], this.known[i - 1], this.matched[i - 1]);
      return this.texts[i];
    }
    const e = this.reused(u.start);
    if (e) this.take(i, this.earlier!.texts[e.at], e.readEnd, this.earlier!.known[e.at], this.earlier!.matched[e.at]);
    else {
      const o = openingSentence(this.model, u);
      // Kept for the next version: a slice would keep this version's whole text alive.
      this.take(i, this.memo ? detached(o.text) : o.text, o.readEnd, 0, 0);
    }
    return this.texts[i];
  }

  private take(i: number, text: string, readEnd: number, known: number, matched: number): void {
    this.texts[i] = text;
    this.readEnds[i] = readEnd;
    this.known[i] = known;
    this.matched[i] = matched;
  }

  /** Where the earlier version's opening at `start` is kept, when the edit cannot have changed it. */
  private reused(start: number): { at: number; readEnd: number } | undefined {
    if (!this.earlier) return undefined;
    const range = this.range;
    if (!range) {
      const at = this.earlierAt(start);
      return at < 0 ? undefined : { at, readEnd: this.earlier.readEnds[at] };
    }
    if (start < range.start) {
      const at = this.earlierAt(start);
      return at >= 0 && this.earlier.readEnds[at] <= range.start ? { at, readEnd: this.earlier.readEnds[at] } : undefined;
    }
    if (start >= range.end) {
      const at = this.earlierAt(start - range.delta);
      return at < 0 ? undefined : { at, readEnd: this.earlier.readEnds[at] + range.delta };
    }
    return undefined;
  }

  /** The position of the earlier unit that starts at `start` and whose opening was read, or -1. */
  private earlierAt(start: number): number {
    const { units, texts } = this.earlier!;
    let k = this.cursor;
    if (k >= units.length || units[k].start > start) k = partitionPoint(units, (u) => u.start < start);
    else while (k < units.length && units[k].start < start) k++;
    this.cursor = k;
    return k < units.length && units[k].start === start && texts[k] !== undefined ? k : -1;
  }

  /** Hands this version's openings to the memo, for the next version. */
  keep(): void {
    this.memo?.keep<KeptOpenings>(OPENINGS_KEY, { units: this.units, texts: this.texts, readEnds: this.readEnds, known: this.known, matched: this.matched });
  }
}

/** How far back the start of a sentence is looked for. */
const SENTENCE_LOOKBACK = 200;

/**
 * Where the sentence holding `index` starts in `s` (at most {@link SENTENCE_LOOKBACK} units back).
 *
 * @example sentenceStartBefore('成绩显著。但也面临不少困难。主要是：', 17) // 14
 */
export function sentenceStartBefore(s: string, index: number): number {
  const limit = Math.max(0, index - SENTENCE_LOOKBACK);
  for (let i = index - 1; i >= limit; i--) if (isSentenceEndUnit(s.charCodeAt(i))) return i + 1;
  return limit;
}

/** `。` `！` `？` `!` `?`. */
function isSentenceEndUnit(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}

/** Clause punctuation that ends a line without the sentence going on: `；` `：` `，` and half-width forms. */
const CLAUSE_END = new Set([0xff1b, 0xff1a, 0xff0c, 59, 58, 44]);

/**
 * The opening sentence of a unit, simplified, at most {@link OPENING_LENGTH} units, extended by
 * the next sentence when it is short; a long line without end punctuation continues on the next
 * line (hard-wrapped text).
 */
function openingSentence(model: ReportModel, from: Unit): Opening {
  const text = model.text;
  let readEnd = model.paragraphs[from.index].end + 1;
  let out = '';
  let firstSentenceLength = -1;
  let paragraph = from.index;
  let start = from.start;
  let end = from.end;
  // Whether the opening holds a traditional character, noted on the one pass over its units.
  let traditional = false;
  while (out.length < OPENING_LENGTH) {
    const p = model.paragraphs[paragraph];
    const stop = Math.min(end, start + OPENING_LENGTH - out.length);
    let pos = start;
    let ended = false;
    for (; pos < stop; pos++) {
      const c = text.charCodeAt(pos);
      if (!isSentenceEndUnit(c)) {
        if (isTraditional(c)) traditional = true;
        continue;
      }
      const length = out.length + pos + 1 - start;
      if (firstSentenceLength >= 0 || length >= SHORT_SENTENCE) {
        pos++;
        ended = true;
        break;
      }
      firstSentenceLength = length;
    }
    out += text.slice(start, pos);
    if (ended || pos < end || end < p.end) break;
    // Continue into the next line only when this one looks wrapped mid-sentence (hard-wrapped text).
    const next = model.paragraphs[paragraph + 1];
    const last = text.charCodeAt(p.end - 1);
    // Whether the next line follows at once depends on the text up to it.
    readEnd = Math.max(readEnd, (next ? next.end : text.length) + 1);
    if (!next || p.end - p.start < 20 || isSentenceEndUnit(last) || CLAUSE_END.has(last) || next.line !== p.line + 1) break;
    paragraph++;
    start = next.start;
    end = next.end;
  }
  return { text: traditional ? simplify(out) : out, readEnd };
}
