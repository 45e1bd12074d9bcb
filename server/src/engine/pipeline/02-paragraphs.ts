/**
 * Splits text into paragraphs: each non-blank line is one paragraph, trimmed of spaces, tabs,
 * full-width spaces and a BOM.
 */
import { isBlank } from '../chars';
import type { LineIndex } from './01-lines';
import type { Paragraph } from '../model';

/**
 * The paragraphs of a text, in order.
 *
 * @example splitParagraphs(new LineIndex('标题\r\n\r\n　　正文。')) // two paragraphs, the second starting after `　　`
 */
export function splitParagraphs(lines: LineIndex): Paragraph[] {
  const text = lines.text;
  const out: Paragraph[] = [];
  const starts = lines.lineStarts;
  for (let line = 0; line < starts.length; line++) {
    let start = starts[line];
    let end = lines.lineContentEnd(line);
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (start < end) out.push({ index: out.length, start, end, line });
  }
  return out;
}
