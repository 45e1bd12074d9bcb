/**
 * Smart select: sentence → paragraph → section → enclosing section → document.
 */
import { isSentenceEnd } from '../chars';
import type { Heading, Paragraph, ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import { lastHeadingAtOrBefore } from './heading-lookup';

/** A span of offsets; the chain goes from the innermost span outwards. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/**
 * The chain of ever larger spans around `offset`, innermost first.
 *
 * @example in `一、回顾\n刚刚过去的一年。我们坚持…`, an offset in `我们坚持` gives the sentence, the paragraph, the section `一、…`, the document.
 */
export function selectionChainAt(model: ReportModel, offset: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  const paragraph = paragraphAt(model.paragraphs, offset);
  if (paragraph) {
    spans.push(sentenceAround(model.text, paragraph, offset));
    spans.push({ start: paragraph.start, end: paragraph.end });
  }
  for (let h = deepestHeadingAt(model.headings, offset); h; h = h.parent) spans.push({ start: h.start, end: h.sectionEnd });
  spans.push({ start: 0, end: model.text.length });
  // Keep a strictly growing chain: every span must contain the one before it.
  spans.sort((a, b) => a.end - a.start - (b.end - b.start));
  const chain: OffsetSpan[] = [];
  for (const s of spans) {
    const last = chain[chain.length - 1];
    if (s.start > offset || s.end < offset) continue;
    if (!last) chain.push(s);
    else if (s.start <= last.start && s.end >= last.end && (s.start < last.start || s.end > last.end)) chain.push(s);
  }
  return chain;
}

function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  const p = paragraphs[partitionPoint(paragraphs, (q) => q.end < offset)];
  return p && p.start <= offset ? p : undefined;
}

/** The sentence holding `offset`, with its closing punctuation. */
function sentenceAround(text: string, p: Paragraph, offset: number): OffsetSpan {
  let start = offset;
  while (start > p.start && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < p.end && !isSentenceEnd(text.charCodeAt(end))) end++;
  if (end < p.end) end++;
  return { start, end };
}

/** The innermost heading whose section holds `offset`. */
export function deepestHeadingAt(headings: readonly Heading[], offset: number): Heading | undefined {
  for (let h = lastHeadingAtOrBefore(headings, offset); h; h = h.parent) if (h.sectionEnd >= offset) return h;
  return undefined;
}
