/**
 * Gives headings their place: levels, parents and section ends, in one pass with a stack.
 * Numbered families keep the canonical order among themselves; a family without numbers ranks by
 * where it first appears; points (`一是` `第一，` `——`) sit below whatever encloses them.
 */
import { isBlank, isLineBreak, shorten } from '../chars';
import type { HeadingCandidate } from '../heading-candidate';
import { CANONICAL_FAMILIES, isPointFamily, type Heading, type HeadingFamily, type Paragraph } from '../model';
import { detached, type ChangedRange, type Memo } from '../incremental';

/** The title of a report's closing part, always at the top level. */
const CLOSING_TITLE = /^(结束语|结语)$/;
/** Display names longer than this are shortened at a clause boundary. */
const LABEL_LENGTH = 28;
const CANONICAL_RANK = new Map<HeadingFamily, number>(CANONICAL_FAMILIES.map((f, i) => [f, i]));


/**
 * Pass 3: levels, parents and section ends. With the memo of an earlier version, a heading in text
 * the edit did not touch takes its text and label from there rather than from the text again.
 */
export function buildTree(text: string, paragraphs: readonly Paragraph[], candidates: readonly HeadingCandidate[], memo?: Memo): { headings: Heading[]; roots: Heading[] } {
  const earlier = memo?.earlier<KeptTexts>(TEXTS_KEY);
  const reuse = earlier && memo ? new TextReuse(earlier.value, memo.changedSince(earlier.text, 0, 0)) : undefined;
  const kept: KeptTexts = { start: new Array(candidates.length), textEnd: new Array(candidates.length), marker: new Array(candidates.length), text: new Array(candidates.length), label: new Array(candidates.length) };
  const headings: Heading[] = [];
  const roots: Heading[] = [];
  const order: HeadingFamily[] = [];
  const stack: Heading[] = [];
  const close = (h: Heading, before: number) => {
    let end = contentEndBefore(text, before, h.textEnd);
    if (isParagraphScoped(h)) end = Math.min(end, paragraphs[h.paragraph].end);
    h.sectionEnd = Math.max(end, h.textEnd);
  };
  for (const c of candidates) {
    const same = reuse?.find(c);
    const h: Heading = {
      index: headings.length,
      family: c.family,
      depth: 0,
      marker: c.marker,
      text: same !== undefined ? reuse!.kept.text[same] : text.slice(c.textStart, c.textEnd),
      label: '',
      placement: c.placement,
      start: c.start,
      textEnd: c.textEnd,
      sectionEnd: c.textEnd,
      paragraph: c.paragraph,
      parent: undefined,
      children: [],
    };
    h.label = same !== undefined ? reuse!.kept.label[same] : labelOf(h);
    const k = h.index;
    kept.start[k] = c.start;
    kept.textEnd[k] = c.textEnd;
    kept.marker[k] = c.textStart - c.start;
    if (memo && same === undefined) {
      // Kept for the next version, so cut loose from this version's text (see `detached`).
      h.text = detached(h.text);
      h.label = detached(h.label);
    }
    kept.text[k] = h.text;
    kept.label[k] = h.label;
    // Points opened inline or by `——` end with their paragraph.
    while (stack.length && isParagraphScoped(stack[stack.length - 1]) && stack[stack.length - 1].paragraph < c.paragraph) close(stack.pop()!, c.start);
    if (isPointFamily(c.family)) {
      let sibling = stack.length - 1;
      while (sibling >= 0 && stack[sibling].family !== c.family) sibling--;
      // `一是` inline under a `三是` that opened its own paragraph starts a nested list, not a sibling.
      const nested = sibling >= 0 && c.placement === 'inline' && c.marker?.value === 1 && !isParagraphScoped(stack[sibling]) && stack[sibling].paragraph < c.paragraph;
      if (sibling >= 0 && !nested && allPoints(stack, sibling)) {
        while (stack.length > sibling) close(stack.pop()!, c.start);
      } else if (c.placement !== 'inline') {
        // A point opening its paragraph is parallel to, not inside, points of another family in earlier paragraphs.
        while (stack.length && isPointFamily(stack[stack.length - 1].family) && stack[stack.length - 1].paragraph < c.paragraph) close(stack.pop()!, c.start);
      }
    } else {
      while (stack.length && isPointFamily(stack[stack.length - 1].family)) close(stack.pop()!, c.start);
      // Lead lines and paragraphs introduce text, never numbered sections: `（一）` after `针对…。` is its sibling.
      if (CANONICAL_RANK.has(c.family)) while (stack.length && stack[stack.length - 1].family === 'lead') close(stack.pop()!, c.start);
      if (c.family === 'title' && CLOSING_TITLE.test(text.slice(c.textStart, c.textEnd))) {
        // `结束语` closes the whole report, whatever came before it.
        while (stack.length) close(stack.pop()!, c.start);
        if (!order.includes(c.family)) insertFamily(order, c.family, undefined);
      } else if (!order.includes(c.family)) insertFamily(order, c.family, stack.length ? stack[stack.length - 1].family : undefined);
      const rank = order.indexOf(c.family);
      while (stack.length && order.indexOf(stack[stack.length - 1].family) >= rank) close(stack.pop()!, c.start);
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      h.parent = parent;
      parent.children.push(h);
    } else roots.push(h);
    h.depth = stack.length + 1;
    stack.push(h);
    headings.push(h);
  }
  while (stack.length) close(stack.pop()!, text.length);
  memo?.keep(TEXTS_KEY, kept);
  return { headings, roots };
}

/** Each heading's text and label by its place, for the next version (columns by heading index). */
interface KeptTexts {
  start: number[];
  textEnd: number[];
  /** Units from the heading's start to its text (the marker and the space after it). */
  marker: number[];
  text: string[];
  label: string[];
}

/** Where the memo keeps the headings' texts. */
const TEXTS_KEY = 'heading-texts';

/**
 * Finds, for candidates in document order, the earlier version's heading over the same unchanged
 * text: entirely before the changed lines at the same offsets, or entirely after them moved by the edit.
 */
class TextReuse {
  private next = 0;

  constructor(
    readonly kept: KeptTexts,
    private readonly range: ChangedRange | undefined,
  ) {}

  /** The earlier heading's index, or `undefined` when the candidate's text may have changed. */
  find(c: HeadingCandidate): number | undefined {
    const range = this.range;
    let shift = 0;
    if (range) {
      if (c.start >= range.end) shift = range.delta;
      else if (c.textEnd > range.start) return undefined;
    }
    const start = c.start - shift;
    const starts = this.kept.start;
    while (this.next < starts.length && starts[this.next] < start) this.next++;
    const i = this.next;
    if (i >= starts.length || starts[i] !== start || this.kept.textEnd[i] !== c.textEnd - shift || this.kept.marker[i] !== c.textStart - c.start) return undefined;
    return i;
  }
}

/**
 * Inline points, `——` points and lead paragraphs (`一年来，我们…。…`) cover their paragraph only;
 * the next paragraphs belong to the enclosing section.
 */
export function isParagraphScoped(h: Heading): boolean {
  return h.family === 'dash' || (isPointFamily(h.family) && h.placement === 'inline') || (h.family === 'lead' && h.placement === 'run-in');
}

/**
 * Places a family seen for the first time just below the innermost open heading's family,
 * keeping the canonical order among numbered families.
 */
function insertFamily(order: HeadingFamily[], family: HeadingFamily, innermost: HeadingFamily | undefined): void {
  let pos = innermost === undefined ? 0 : order.indexOf(innermost) + 1;
  const rank = CANONICAL_RANK.get(family);
  if (rank !== undefined) {
    let lo = 0;
    let hi = order.length;
    order.forEach((f, i) => {
      const r = CANONICAL_RANK.get(f);
      if (r === undefined) return;
      if (r < rank) lo = Math.max(lo, i + 1);
      else if (r > rank) hi = Math.min(hi, i);
    });
    pos = Math.min(Math.max(pos, lo), Math.max(lo, hi));
  }
  order.splice(pos, 0, family);
}

/** Offset just past the last non-blank character before `offset` (but not before `floor`). */
function contentEndBefore(text: string, offset: number, floor: number): number {
  let i = offset;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (!isBlank(c) && !isLineBreak(c)) break;
    i--;
  }
  return i;
}

/**
 * The display name: marker and text, shortened at a clause boundary when long.
 *
 * @example `（二）建管并重，突出亮点，打造生态宜居新六镇` → `（二）建管并重，突出亮点，打造生态宜居新六镇` (short enough)
 */
function labelOf(h: Heading): string {
  const marker = h.marker ? h.marker.text : '';
  return marker + shorten(h.text, LABEL_LENGTH);
}

/** Whether every heading on the stack from `from` up is a point (`一是` `——`). */
function allPoints(stack: readonly Heading[], from: number): boolean {
  for (let i = from; i < stack.length; i++) if (!isPointFamily(stack[i].family)) return false;
  return true;
}
