/**
 * The opening sentence of a paragraph (or of a stretch of flattened text), simplified, which the
 * lead cues of sections are tested on (`在肯定成绩的同时，我们也清醒地认识到…`). Openings are kept
 * across versions of a document through its memo (see `incremental.ts`).
 */
import { simplify } from '../chars';
import type { Memo } from '../incremental';
import type { ReportModel } from '../model';
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
 * The simplified opening sentences of one model's units, each computed once, keyed by where the
 * unit starts (a paragraph and its first stretch of flattened text share the paragraph's opening),
 * reused from the document's earlier version where the edit cannot have changed them.
 *
 * @example const openings = new Openings(model); openings.of(unit) // '一年来，我们坚持稳中求进。'
 */
export class Openings {
  private readonly found = new Map<number, Opening>();
  private readonly memo: Memo | undefined;
  private readonly earlier: { text: string; value: Map<number, Opening> } | undefined;
  private readonly range: { start: number; end: number; delta: number } | undefined;

  constructor(private readonly model: ReportModel) {
    // Openings are kept across versions by where they start: one that read only text before the
    // edit, or that starts after it, is the same sentence.
    this.memo = memoOf(model);
    this.earlier = this.memo?.earlier<Map<number, Opening>>(OPENINGS_KEY);
    this.range = this.earlier ? this.memo!.changedSince(this.earlier.text, 0, 0) : undefined;
  }

  /** The unit's opening sentence, simplified. */
  of(u: Unit): string {
    let o = this.found.get(u.start);
    if (o !== undefined) return o.text;
    const earlier = this.earlier;
    if (earlier) {
      const range = this.range;
      if (!range) o = earlier.value.get(u.start);
      else if (u.start < range.start) {
        const e = earlier.value.get(u.start);
        if (e && e.readEnd <= range.start) o = e;
      } else if (u.start >= range.end) {
        const e = earlier.value.get(u.start - range.delta);
        if (e) o = { text: e.text, readEnd: e.readEnd + range.delta };
      }
    }
    if (o === undefined) o = openingSentence(this.model, u);
    this.found.set(u.start, o);
    return o.text;
  }

  /** Hands this version's openings to the memo, for the next version. */
  keep(): void {
    this.memo?.keep(OPENINGS_KEY, this.found);
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
  while (out.length < OPENING_LENGTH) {
    const p = model.paragraphs[paragraph];
    const stop = Math.min(end, start + OPENING_LENGTH - out.length);
    let pos = start;
    let ended = false;
    for (; pos < stop; pos++) {
      if (!isSentenceEndUnit(text.charCodeAt(pos))) continue;
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
  return { text: simplify(out), readEnd };
}
