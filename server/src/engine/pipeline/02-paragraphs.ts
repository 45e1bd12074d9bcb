/**
 * Splits text into paragraphs: each non-blank line is one paragraph, trimmed of spaces, tabs,
 * full-width spaces and a BOM.
 */
import { isBlank } from '../chars';
import type { LineIndex } from './01-lines';
import type { ChangedRange, Memo } from '../incremental';
import { partitionPoint } from '../partition-point';
import type { Paragraph } from '../model';

/**
 * The paragraphs of a text, in order.
 *
 * @example splitParagraphs(new LineIndex('标题\r\n\r\n　　正文。')) // two paragraphs, the second starting after `　　`
 */
export function splitParagraphs(lines: LineIndex, memo?: Memo): Paragraph[] {
  const earlier = memo?.earlier<KeptParagraphs>(PARAGRAPHS_KEY);
  const paragraphs = earlier && memo ? keptParagraphs(lines, earlier.value, memo.changedSince(earlier.text, 0, 0)) : paragraphsOfLines(lines, 0, lines.lineCount, []);
  memo?.keep(PARAGRAPHS_KEY, { paragraphs, lineCount: lines.lineCount });
  return paragraphs;
}

/** What the memo keeps: the paragraphs, and the line count they were found in (to move line numbers). */
interface KeptParagraphs {
  paragraphs: Paragraph[];
  lineCount: number;
}

/** Where the memo keeps the paragraphs. */
const PARAGRAPHS_KEY = 'paragraphs';

/** Pushes the paragraphs of lines `from` to `to` (exclusive) onto `out`. */
function paragraphsOfLines(lines: LineIndex, from: number, to: number, out: Paragraph[]): Paragraph[] {
  const text = lines.text;
  const starts = lines.lineStarts;
  for (let line = from; line < to; line++) {
    let start = starts[line];
    let end = lines.lineContentEnd(line);
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (start < end) out.push({ index: out.length, start, end, line });
  }
  return out;
}

/**
 * The paragraphs of a text from those of an earlier version: before the changed lines the same
 * objects, in them found again, after them moved by the edit (offsets, lines and indexes).
 */
function keptParagraphs(lines: LineIndex, kept: KeptParagraphs, range: ChangedRange | undefined): Paragraph[] {
  const old = kept.paragraphs;
  if (!range) return old;
  const out: Paragraph[] = [];
  let k = 0;
  while (k < old.length && old[k].start < range.start) out.push(old[k++]);
  const starts = lines.lineStarts;
  const firstLine = partitionPoint(starts, (s) => s < range.start);
  const endLine = partitionPoint(starts, (s) => s < range.end);
  paragraphsOfLines(lines, firstLine, endLine, out);
  while (k < old.length && old[k].start < range.oldEnd) k++;
  const lineShift = lines.lineCount - kept.lineCount;
  for (; k < old.length; k++) {
    const p = old[k];
    out.push({ index: out.length, start: p.start + range.delta, end: p.end + range.delta, line: p.line + lineShift });
  }
  return out;
}
