/**
 * Converts between UTF-16 offsets and zero-based line/character positions, as LSP counts them.
 * Line breaks are `\r\n`, `\n` or `\r`; a character outside the BMP (`𠀀`) counts as two.
 */

import type { ChangedRange, Memo } from '../incremental';

/** A zero-based position, counted in UTF-16 code units like LSP's `Position`. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range of positions, shaped like LSP's `Range`. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * Line starts of a text, found in one pass.
 *
 * @example
 * const index = new LineIndex('一、回顾\r\n（一）成效');
 * index.positionAt(6); // { line: 1, character: 0 }
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  /** @param memo with the memo of an earlier version, only the lines an edit changed are searched (see `incremental.ts`). */
  constructor(
    readonly text: string,
    memo?: Memo,
  ) {
    const earlier = memo?.earlier<number[]>(LINES_KEY);
    if (earlier && memo) {
      this.lineStarts = keptLineStarts(text, earlier.value, memo.changedSince(earlier.text, 0, 0));
      memo.keep(LINES_KEY, this.lineStarts);
      return;
    }
    this.lineStarts = lineStartsIn(text);
    memo?.keep(LINES_KEY, this.lineStarts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line that holds `offset` (binary search). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineContentEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Where the memo keeps the line starts. */
const LINES_KEY = 'line-starts';

/** Offsets of the first character of each line of `text`. */
function lineStartsIn(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The common case, found by the engine's string search rather than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  pushLineStarts(text, 0, text.length, starts);
  return starts;
}

/** Pushes the starts of the lines after each line break in `text[from, to)`. */
function pushLineStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}

/**
 * The line starts of `text` from those of an earlier version: the same before the changed lines,
 * searched in them, moved by the edit after them. A start depends only on the units just before
 * it, and `range` begins and ends at a `\n` both texts share.
 */
function keptLineStarts(text: string, old: number[], range: ChangedRange | undefined): number[] {
  if (!range) return old;
  const starts: number[] = [];
  let k = 0;
  while (k < old.length && old[k] <= range.start) starts.push(old[k++]);
  pushLineStarts(text, range.start, range.end, starts);
  while (k < old.length && old[k] <= range.oldEnd) k++;
  for (; k < old.length; k++) starts.push(old[k] + range.delta);
  return starts;
}
