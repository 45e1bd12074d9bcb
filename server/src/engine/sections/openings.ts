/**
 * The opening sentence of a paragraph (or of a stretch of flattened text), simplified, which the
 * lead cues of sections are tested on (`在肯定成绩的同时，我们也清醒地认识到…`). Openings are kept
 * across versions of a document through its memo (see `incremental.ts`).
 */
import { simplify } from '../chars';
import type { Memo } from '../incremental';
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

/** The openings of one version, for the next: by unit start, ascending. */
interface KeptOpenings {
  starts: number[];
  texts: string[];
  readEnds: number[];
}

/**
 * The simplified opening sentences of one model's units (`documentUnits`), each computed once,
 * reused from the document's earlier version where the edit cannot have changed them. A paragraph
 * and its first stretch of flattened text start at one offset and share the paragraph's opening.
 *
 * @example const openings = new Openings(model, units); openings.of(units[3], 3) // '一年来，我们坚持稳中求进。'
 */
export class Openings {
  // By unit position; what is computed is always a prefix of the units (they are searched in order).
  private readonly texts: string[] = [];
  private readonly readEnds: number[] = [];
  private readonly memo: Memo | undefined;
  private readonly earlier: { text: string; value: KeptOpenings } | undefined;
  private readonly range: { start: number; end: number; delta: number } | undefined;

  constructor(
    private readonly model: ReportModel,
    private readonly units: readonly Unit[],
  ) {
    // Openings are kept across versions by where they start: one that read only text before the
    // edit, or that starts after it, is the same sentence.
    this.memo = memoOf(model);
    this.earlier = this.memo?.earlier<KeptOpenings>(OPENINGS_KEY);
    this.range = this.earlier ? this.memo!.changedSince(this.earlier.text, 0, 0) : undefined;
  }

  /** The opening sentence, simplified, of `u`, the unit at position `i`. */
  of(u: Unit, i: number): string {
    const known = this.texts[i];
    if (known !== undefined) return known;
    const before = this.units[i - 1];
    if (!u.whole && before && before.start === u.start) {
      this.texts[i] = this.of(before, i - 1);
      this.readEnds[i] = this.readEnds[i - 1];
      return this.texts[i];
    }
    const o = this.reused(u.start) ?? openingSentence(this.model, u);
    this.texts[i] = o.text;
    this.readEnds[i] = o.readEnd;
    return o.text;
  }

  /** The earlier version's opening at `start`, when the edit cannot have changed it. */
  private reused(start: number): Opening | undefined {
    const earlier = this.earlier;
    if (!earlier) return undefined;
    const range = this.range;
    if (!range) return earlierAt(earlier.value, start);
    if (start < range.start) {
      const e = earlierAt(earlier.value, start);
      return e && e.readEnd <= range.start ? e : undefined;
    }
    if (start >= range.end) {
      const e = earlierAt(earlier.value, start - range.delta);
      return e && { text: e.text, readEnd: e.readEnd + range.delta };
    }
    return undefined;
  }

  /** Hands this version's openings to the memo, for the next version. */
  keep(): void {
    if (!this.memo) return;
    const kept: KeptOpenings = { starts: [], texts: [], readEnds: [] };
    for (let i = 0; i < this.texts.length; i++) {
      const start = this.units[i].start;
      if (this.texts[i] === undefined || (i > 0 && this.units[i - 1].start === start)) continue;
      kept.starts.push(start);
      kept.texts.push(this.texts[i]);
      kept.readEnds.push(this.readEnds[i]);
    }
    this.memo.keep(OPENINGS_KEY, kept);
  }
}

function earlierAt(kept: KeptOpenings, start: number): Opening | undefined {
  const i = partitionPoint(kept.starts, (s) => s < start);
  return i < kept.starts.length && kept.starts[i] === start ? { text: kept.texts[i], readEnd: kept.readEnds[i] } : undefined;
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
