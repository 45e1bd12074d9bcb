/**
 * Re-analysis of what an edit touched. An analysis leaves a {@link Memo} of the results that
 * depend only on the text near them (per-line results, kept with the text they were found in); the
 * next version's analysis finds where the two texts differ ({@link changedRange}) and takes every
 * result outside the changed lines from the memo, shifted by the edit's length change, computing
 * only the lines in between. The result is always what a fresh analysis finds
 * (`test/engine/incremental.test.ts` checks this on random edit sequences).
 *
 * @example
 * const first = analyze('一、回顾\n全年完成投资,同比增长5%。\n', settings);
 * const next = analyze('一、回顾\n全年完成投资,同比增长6%。\n', settings, first.memo); // scans only the changed line
 */

import { partitionPoint } from './partition-point';

/** A stage's result and the text it was found in. */
interface Kept {
  text: string;
  value: unknown;
}

/**
 * Per-stage results of one analysis, for the next version's. Each is kept with the text it was found
 * in, and a memo takes over the results of the one before it (its own, or those it took over), so
 * typing faster than the rules run loses nothing and never holds more than one earlier text per stage.
 *
 * @example
 * const earlier = memo.earlier<Mark[]>('halfwidth-punctuation'); // marks found in `earlier.text`
 * const range = earlier && memo.changedSince(earlier.text, 8, 1); // the lines `全年完成投资,` was typed into
 * memo.keep('halfwidth-punctuation', marks); // for the next version
 */
export class Memo {
  private readonly own = new Map<string, Kept>();
  private readonly inherited = new Map<string, Kept>();

  /**
   * @param text the text this version's results are found in
   * @param previous the memo of an earlier version of the same document
   */
  constructor(
    readonly text: string,
    previous?: Memo,
  ) {
    if (!previous) return;
    for (const [key, kept] of previous.inherited) this.inherited.set(key, kept);
    for (const [key, kept] of previous.own) this.inherited.set(key, kept);
  }

  /** What stage `key` found in an earlier version, e.g. `halfwidth-punctuation` → its marks before grouping. */
  earlier<T>(key: string): { text: string; value: T } | undefined {
    return this.inherited.get(key) as { text: string; value: T } | undefined;
  }

  /**
   * {@link changedRange} from an earlier text to this memo's; the stages of one analysis share the
   * comparison of the two texts (a pass over 10 MB each time otherwise).
   */
  changedSince(earlierText: string, margin: number, extraLines: number): ChangedRange | undefined {
    if (earlierText === this.text) return undefined;
    let ends = this.compared.find((c) => c.text === earlierText);
    if (!ends) this.compared.push((ends = { text: earlierText, ...commonEnds(earlierText, this.text) }));
    return changedRange(earlierText, this.text, margin, extraLines, ends);
  }

  private readonly compared: Array<{ text: string; prefix: number; suffix: number }> = [];

  /** Keeps stage `key`'s result on this version's text, and lets the earlier one go. */
  keep<T>(key: string, value: T): void {
    this.own.set(key, { text: this.text, value });
    if (!this.inherited.delete(key)) return;
    // An earlier text no stage still reads is let go.
    const still = [...this.inherited.values()];
    for (let i = this.compared.length - 1; i >= 0; i--) if (!still.some((k) => k.text === this.compared[i].text)) this.compared.splice(i, 1);
  }
}

/** Where a text differs from an earlier one, as whole lines with a margin (see {@link changedRange}). */
export interface ChangedRange {
  /** Start of the first changed line in both texts: everything before it is the same text. */
  start: number;
  /** Just past the changed lines in the new text (a line start, or the text's end). */
  end: number;
  /** The same place in the old text: `end - delta`. */
  oldEnd: number;
  /** The new text's length minus the old one's: how far results after the change move. */
  delta: number;
}

/**
 * The lines an edit changed, widened by `margin` code units and by `extraLines` whole lines on
 * each side, so that a result found outside the range, and everything it read, is in text that did
 * not change. `undefined` when the texts are equal.
 *
 * @example changedRange('一、回顾\n甲,乙\n二、打算\n', '一、回顾\n甲,丙\n二、打算\n', 0, 0) // { start: 5, end: 9, oldEnd: 9, delta: 0 }
 */
export function changedRange(oldText: string, text: string, margin: number, extraLines: number, ends = commonEnds(oldText, text)): ChangedRange | undefined {
  if (oldText === text) return undefined;
  const { prefix, suffix } = ends;
  let start = lineStartAtOrBefore(text, Math.max(0, prefix - margin));
  for (let k = 0; k < extraLines && start > 0; k++) start = lineStartAtOrBefore(text, start - 1);
  let end = lineEndAfter(text, Math.min(text.length, text.length - suffix + margin));
  for (let k = 0; k < extraLines && end < text.length; k++) end = lineEndAfter(text, end);
  const delta = text.length - oldText.length;
  // The suffix kept must be unchanged text in both: it starts at or after the common suffix.
  if (end - delta > oldText.length) end = text.length;
  return { start, end, oldEnd: end - delta, delta };
}

/**
 * How many units two texts share at their start, and then at their end (the two never overlap).
 *
 * @example commonEnds('甲,乙\n', '甲,丙\n') // { prefix: 2, suffix: 1 }
 */
export function commonEnds(oldText: string, text: string): { prefix: number; suffix: number } {
  const shorter = Math.min(oldText.length, text.length);
  // Whole chunks first, compared natively (`===` on slices: a memory comparison), each size narrowing
  // the one before, then unit by unit: a loop of `charCodeAt` over 10 MB took 15 ms per keystroke,
  // `startsWith` on 4,096-unit chunks 12 ms, this about 1.
  let prefix = 0;
  for (const size of CHUNKS) while (prefix + size <= shorter && oldText.slice(prefix, prefix + size) === text.slice(prefix, prefix + size)) prefix += size;
  while (prefix < shorter && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  const maxSuffix = shorter - prefix;
  let suffix = 0;
  for (const size of CHUNKS) {
    while (suffix + size <= maxSuffix && oldText.slice(oldText.length - suffix - size, oldText.length - suffix) === text.slice(text.length - suffix - size, text.length - suffix)) suffix += size;
  }
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Chunk sizes compared at once by {@link commonEnds}, largest first. */
const CHUNKS = [65536, 4096, 256, 16];

/** The start of the line holding `at` (just past the `\n` before it). */
function lineStartAtOrBefore(text: string, at: number): number {
  // `lastIndexOf` reads a position below 0 as 0, and would find a `\n` at 0.
  if (at <= 0) return 0;
  const nl = text.lastIndexOf('\n', at - 1);
  return nl + 1;
}

/** Just past the `\n` ending the line that holds `at`, or the text's end. */
function lineEndAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * One value per paragraph, computed from the paragraph's own text (and at most `margin` units around
 * it), taken from the earlier version's for every paragraph outside the lines an edit changed: those
 * before the change as they were, those after it from their old index. The memo keeps the values
 * under `key` for the next version.
 *
 * @example perParagraph(memo, 'wrap-shapes', paragraphs, 0, (p) => wrapShape(text, p)) // after typing `字` into one line, computes one value
 */
export function perParagraph<T>(memo: Memo | undefined, key: string, paragraphs: ReadonlyArray<{ start: number }>, margin: number, compute: (index: number) => T): T[] {
  const earlier = memo?.earlier<T[]>(key);
  const range = earlier && memo!.changedSince(earlier.text, margin, 0);
  let values: T[];
  if (earlier && !range) values = earlier.value;
  else {
    const n = paragraphs.length;
    values = new Array<T>(n);
    let lo = 0;
    let hi = n;
    if (earlier && range) {
      const old = earlier.value;
      lo = partitionPoint(paragraphs, (p) => p.start < range.start);
      hi = partitionPoint(paragraphs, (p) => p.start < range.end);
      const shift = n - old.length;
      for (let i = 0; i < lo; i++) values[i] = old[i];
      for (let i = hi; i < n; i++) values[i] = old[i - shift];
    }
    for (let i = lo; i < hi; i++) values[i] = compute(i);
  }
  memo?.keep(key, values);
  return values;
}

/**
 * A copy of `s` that holds no reference to the text it was cut from. V8 makes a slice of 13 units
 * or more (and a concatenation holding one) a view into the whole string, so a heading text kept in
 * the memo for the next version would keep this version's whole text alive, and after a few edits
 * as many 7 MB texts of a 10 MB compilation as versions kept it.
 *
 * @example detached(text.slice(h.textStart, h.textEnd)) // `持续壮产业，在转型升级中点燃发展引擎`, without the 10 MB around it
 */
export function detached(s: string): string {
  // Shorter slices are copies already; `' ' + s` then `.slice(1)` makes V8 flatten into a new string.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
