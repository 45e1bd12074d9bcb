/**
 * Completion: the next heading number where a heading can start, and the standard sections the
 * document still lacks.
 *
 * Numbers follow the document: after `（二）…` it offers `（三）`, inside a fresh `（二）` its first
 * child (`1.`, or `1、` when the document writes `1、`), and the next number of every enclosing
 * level; brackets, punctuation, digit width and point verbs (`一要`) are those the document
 * already uses. When the new heading lands before siblings that already carry its number, the
 * proposal renumbers them too (as additional edits).
 */
import { isBlank, isLineBreak, isSentenceEnd } from '../chars';
import { matchMarker } from '../markers';
import { buildReportModel } from '../pipeline';
import { isParagraphScoped } from '../pipeline/06-heading-tree';
import { CANONICAL_FAMILIES, isPointFamily, type Heading, type HeadingFamily, type Marker, type Paragraph, type ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import { formatMarker, isNumbered, markerWithValue, standardStyle } from '../numbering-style';
import type { LocalizedText, TextEdit } from '../rules/rule';
import { listContaining } from '../sibling-lists';
import { lastHeadingAtOrBefore } from './heading-lookup';
import { sectionProposals } from './insert-section';
import { skeletonProposals } from './skeleton-completion';
import { documentStyleMarkers, documentStyles, formatInDocumentStyle, renumberFollowing } from './numbering-context';

/** One completion proposal, in engine terms (offsets, bilingual text). */
export interface CompletionProposal {
  /** What the list shows: the marker (`（三）`) or the section title. */
  label: string;
  /** The text inserted over {@link replace}; snippet syntax when {@link isSnippet}. */
  insertText: string;
  isSnippet: boolean;
  kind: 'marker' | 'section';
  /** A short explanation shown next to the label. */
  detail: LocalizedText;
  /** A longer explanation (markdown) for sections. */
  documentation?: LocalizedText;
  /** Sorts the proposals: the most likely first. */
  sortText: string;
  /** The text the editor filters on (the typed prefix always matches it). */
  filterText: string;
  /** The text replaced: the partial marker typed so far (empty at a bare cursor). */
  replace: { start: number; end: number };
  /** Renumbering of the siblings after the new heading, when they would clash with it. */
  additionalEdits?: TextEdit[];
  /** For sections: the section id of `sections.ts`. */
  sectionId?: string;
}

/** Where the cursor is, for completion. */
export interface CompletionSite {
  /** `line-start`: only blanks or a partial marker before the cursor on its line; `inline`: after a sentence end inside a paragraph. */
  mode: 'line-start' | 'inline';
  /** Start of what was typed of the marker (after leading blanks, or after the sentence end). */
  start: number;
  /** What was typed: `（`, `1`, `一`, `第`, or a word for section proposals; may be empty. */
  typed: string;
  /** The character before {@link start} in inline mode (`。` `：` …). */
  after?: string;
}

/** A partial or complete marker: `（` `(一` `（1）` `1` `1.` `一` `一、` `二是` `第` `第二，` `①` `—`. */
const PARTIAL_MARKER = /^(?:[（(](?:[一二三四五六七八九十]{0,3}|[0-9０-９]{0,2})[）)]?|[0-9０-９]{1,2}[.．、]?|[一二三四五六七八九十]{1,3}[、是要]?|第[一二三四五六七八九十]{0,3}[，,]?|[\u2460-\u2473]|—{1,2})$/;
/** A word typed to look for a section (`czwt`, `存在问题`). */
const SECTION_WORD = /^[A-Za-z\u4e00-\u9fff]{1,20}$/;

/** Where completion applies at `offset`, or `undefined` (mid-sentence, inside a word). */
export function completionSiteAt(model: ReportModel, offset: number): CompletionSite | undefined {
  const { text, lines } = model;
  const line = lines.lineAt(offset);
  let start = lines.lineStarts[line];
  while (start < offset && isBlank(text.charCodeAt(start))) start++;
  const typed = text.slice(start, offset);
  if (typed === '' || PARTIAL_MARKER.test(typed) || SECTION_WORD.test(typed)) {
    // At a bare cursor right before an existing heading, the user is not writing a new one.
    if (typed === '' && matchMarker(text, offset, lines.lineContentEnd(line), 'paragraph-start')) return undefined;
    return { mode: 'line-start', start, typed };
  }
  // Inline: after a sentence end, with at most a partial marker typed.
  let i = offset;
  while (i > start && offset - i <= 4 && !isSentenceEnd(text.charCodeAt(i - 1))) i--;
  if (i <= start || !isSentenceEnd(text.charCodeAt(i - 1))) return undefined;
  let j = i;
  while (j < offset && isBlank(text.charCodeAt(j))) j++;
  const inlineTyped = text.slice(j, offset);
  if (inlineTyped !== '' && !PARTIAL_MARKER.test(inlineTyped)) return undefined;
  return { mode: 'inline', start: j, typed: inlineTyped, after: text[i - 1] };
}

/**
 * Completion proposals at `offset`: heading numbers first (the most likely first), then the
 * standard sections the document lacks (at the start of a line only).
 *
 * @example completionsAt(buildReportModel('一、回顾\n（一）产业。正文。\n（二）民生。正文。\n'), 25)[0].label // '（三）' (25: the empty last line)
 */
export function completionsAt(model: ReportModel, offset: number): CompletionProposal[] {
  const site = completionSiteAt(model, offset);
  if (!site) return [];
  const view = viewWithoutTyped(model, site, offset);
  const markers = PARTIAL_MARKER.test(site.typed) || site.typed === '' ? markerProposals(view, site, offset) : [];
  // The editor closed the bracket the user typed: `（|）` must become `（三）`, not `（三））`.
  const closer = autoClosedBracket(model.text, site.typed, offset);
  if (closer) for (const m of markers) m.replace = { start: m.replace.start, end: offset + 1 };
  const sections = site.mode === 'line-start' ? [...sectionProposals(view, site, offset), ...skeletonProposals(view, site, offset)] : [];
  return [...markers, ...sections];
}

/**
 * Whether the character after the cursor closes a bracket the user opened in `typed` (an editor's
 * auto-closing pair): `（` typed, `）` after the cursor.
 */
function autoClosedBracket(text: string, typed: string, offset: number): boolean {
  const next = text[offset];
  if (next !== '）' && next !== ')') return false;
  let open = 0;
  for (const ch of typed) {
    if (ch === '（' || ch === '(') open++;
    else if (ch === '）' || ch === ')') open--;
  }
  return open > 0;
}

/**
 * The document as it was before the user typed at the cursor: a marker typed in full already parses
 * as a heading, a word on its own line as a title (`存在问题` would pass for the very section it
 * asks for). Proposals are computed on this view, with the cursor at {@link CompletionView.at}.
 */
export interface CompletionView {
  model: ReportModel;
  /** The cursor in the view: where the typed text began. */
  at: number;
  /** A view offset as an offset of the real document. */
  toOriginal(offset: number): number;
}

/**
 * Above these lengths the document is not parsed again for a keystroke and the typed text stays in:
 * a marker typed in full (rare), a word typed at the start of a line (every paragraph's start).
 */
const MAX_REPARSE_FOR_MARKER = 2_000_000;
const MAX_REPARSE_FOR_WORD = 300_000;

function viewWithoutTyped(model: ReportModel, site: CompletionSite, offset: number): CompletionView {
  const at = site.start;
  const length = model.text.length;
  const typedIsHeading = site.typed !== '' && length <= MAX_REPARSE_FOR_MARKER && model.headings.some((h) => h.start === site.start);
  // A word alone on its line may pass for a section (`存在问题` for the very problems section it asks for).
  const typedIsCue = site.typed !== '' && length <= MAX_REPARSE_FOR_WORD && SECTION_WORD.test(site.typed);
  if (!typedIsHeading && !typedIsCue) return { model, at, toOriginal: (o) => o };
  const shift = offset - site.start;
  const view = buildReportModel(model.text.slice(0, site.start) + model.text.slice(offset), { kind: model.kindSource === 'setting' ? model.kind : undefined });
  return { model: view, at, toOriginal: (o) => (o >= at ? o + shift : o) };
}

// ————————————————————————— heading numbers —————————————————————————

interface Candidate {
  marker: string;
  value: number;
  /** The list the new heading joins, to renumber what follows it. */
  following: Heading[];
  detail: LocalizedText;
  rank: number;
}

/** Heading-number proposals at `offset`. */
export function markerProposals(view: CompletionView, site: CompletionSite, offset: number): CompletionProposal[] {
  const { model, at, toOriginal } = view;
  const candidates = site.mode === 'line-start' ? lineStartCandidates(model, at) : inlineCandidates(model, at, site);
  const seen = new Set<string>();
  const out: CompletionProposal[] = [];
  candidates.sort((a, b) => a.rank - b.rank);
  for (const c of candidates) {
    if (seen.has(c.marker) || !compatible(site.typed, c.marker)) continue;
    seen.add(c.marker);
    const additionalEdits = renumberFollowing(c.following, c.value).map((e) => ({ start: toOriginal(e.start), end: toOriginal(e.end), newText: e.newText }));
    const detail = additionalEdits.length
      ? { zh: `${c.detail.zh}；其后 ${additionalEdits.length} 个标题顺延编号`, en: `${c.detail.en}; renumbers ${additionalEdits.length} heading${additionalEdits.length > 1 ? 's' : ''} after it` }
      : c.detail;
    out.push({
      label: c.marker,
      insertText: c.marker,
      isSnippet: false,
      kind: 'marker',
      detail,
      sortText: `0${String(out.length).padStart(2, '0')}`,
      filterText: site.typed && !c.marker.startsWith(site.typed) ? site.typed + c.marker : c.marker,
      replace: { start: site.start, end: offset },
      additionalEdits: additionalEdits.length ? additionalEdits : undefined,
    });
  }
  return out;
}

/** Candidates at the start of a line. */
function lineStartCandidates(model: ReportModel, at: number): Candidate[] {
  const out: Candidate[] = [];
  const last = lastHeadingAtOrBefore(model.headings, at - 1); // the last heading starting before `at`
  const previousParagraph = lastParagraphBefore(model, at);
  // `——` points come in runs of paragraphs: continue one right after it.
  if (last && last.family === 'dash' && previousParagraph && last.paragraph === previousParagraph.index) {
    out.push({ marker: last.marker?.text || '——', value: 0, following: [], detail: { zh: '继续“——”并列要点', en: 'another “——” point' }, rank: 0 });
  }
  const chain = openChain(last, (h) => !isParagraphScoped(h));
  if (!chain.length) {
    out.push(...firstRootCandidate(model, at));
    return out;
  }
  const innermost = chain[0];
  const childFirst = !isPoint(innermost) && !hasBody(model, innermost, at);
  const child = firstChildCandidate(model, innermost, chain, at, 'line-start');
  if (child) {
    child.rank = childFirst ? 1 : 3;
    out.push(child);
  }
  chain.forEach((h, depth) => {
    const next = nextSiblingCandidate(model, h, at);
    if (next) {
      next.rank = depth === 0 ? 2 : 3 + depth;
      out.push(next);
    }
  });
  // Only unnumbered headings (titles, lead paragraphs) so far: the numbering can still begin here.
  if (!out.length && !chain.some((h) => h.marker && isNumbered(h.family))) out.push(...firstRootCandidate(model, at));
  return out;
}

/** Candidates after a sentence end inside a paragraph: the next point, or the next inline heading. */
function inlineCandidates(model: ReportModel, at: number, site: CompletionSite): Candidate[] {
  const out: Candidate[] = [];
  const paragraph = paragraphAt(model, at);
  if (!paragraph) return out;
  const last = lastHeadingAtOrBefore(model.headings, at - 1); // the last heading starting before `at`
  const chain = openChain(last, (h) => !isParagraphScoped(h) || h.paragraph === paragraph.index);
  const inParagraph = chain.filter((h) => h.paragraph === paragraph.index);
  // Only where a list is under way in this paragraph, or a lead-in (`…以下几个方面：`) calls for one.
  const leadIn = site.after === '：' || site.after === ':';
  if (!inParagraph.length && !leadIn) return out;
  inParagraph.forEach((h, depth) => {
    const next = nextSiblingCandidate(model, h, at);
    if (next) {
      next.rank = depth;
      out.push(next);
    }
  });
  if (leadIn && !inParagraph.some(isPoint)) {
    const family = preferredPointFamily(model);
    const style = documentStyles(model).get(family) ?? standardStyle(family);
    const owner = chain[0];
    out.push({
      marker: formatMarker(1, style),
      value: 1,
      following: [],
      detail: owner ? { zh: `“${owner.label}”下的第一个要点`, en: `first point under “${owner.label}”` } : { zh: '第一个要点', en: 'first point' },
      rank: -1,
    });
  }
  return out;
}

/** The next number of `h`'s list, or `undefined` for unnumbered headings. */
function nextSiblingCandidate(model: ReportModel, h: Heading, at: number): Candidate | undefined {
  if (!h.marker) return undefined;
  if (h.family === 'dash') return { marker: h.marker.text, value: 0, following: [], detail: { zh: '继续“——”并列要点', en: 'another “——” point' }, rank: 0 };
  if (!isNumbered(h.family) || h.marker.value <= 0) return undefined;
  const value = h.marker.value + 1;
  const list = listContaining(model, h);
  const following = (list?.items ?? []).filter((s) => s.start >= at);
  const zhKind = isPoint(h) ? '要点' : '同级标题';
  const enKind = isPoint(h) ? 'point' : 'heading';
  return {
    marker: markerLike(model, h.marker, value, isPoint(h)),
    value,
    following,
    detail: { zh: `接“${h.label}”的下一个${zhKind}`, en: `next ${enKind} after “${h.label}”` },
    rank: 0,
  };
}

/** The first child of `h`, in the family its kind of heading takes children in this document. */
function firstChildCandidate(model: ReportModel, h: Heading, chain: readonly Heading[], at: number, mode: 'line-start' | 'inline'): Candidate | undefined {
  if (isPoint(h) || h.family === 'lead' || h.family === 'latin') return undefined;
  const family = childFamilyOf(model, h, chain, mode);
  if (!family) return undefined;
  const marker = formatInDocumentStyle(model, family, 1);
  const following = h.children.filter((c) => c.start >= at && c.family === family && c.marker);
  const listed = following.length ? (listContaining(model, following[0])?.items ?? following).filter((c) => c.start >= at) : [];
  return {
    marker,
    value: 1,
    following: listed,
    detail: { zh: `“${h.label}”下的第一个下级标题`, en: `first subheading of “${h.label}”` },
    rank: 0,
  };
}

/** The first top-level number when no heading comes before the cursor. */
function firstRootCandidate(model: ReportModel, at: number): Candidate[] {
  const firstNumbered = model.roots.find((r) => r.marker && isNumbered(r.family) && r.marker.value > 0);
  const family: HeadingFamily = firstNumbered?.family ?? 'cn-dun';
  const marker = firstNumbered ? markerLike(model, firstNumbered.marker!, 1, false) : formatMarker(1, standardStyle('cn-dun'));
  const list = firstNumbered ? listContaining(model, firstNumbered) : undefined;
  return [
    {
      marker,
      value: 1,
      following: (list?.items ?? []).filter((s) => s.start >= at && s.family === family),
      detail: { zh: '第一个一级标题', en: 'first top-level heading' },
      rank: 1,
    },
  ];
}

/**
 * The family children of `h` take: what headings of the same family take in this document (their
 * first child, most common first), else the next canonical family below the open ones.
 */
function childFamilyOf(model: ReportModel, h: Heading, chain: readonly Heading[], mode: 'line-start' | 'inline'): HeadingFamily | undefined {
  const counts = new Map<HeadingFamily, number>();
  for (const g of model.headings) {
    if (g.family !== h.family || !g.children.length) continue;
    const first = g.children.find((c) => (mode === 'inline' ? true : c.placement !== 'inline') && c.family !== 'dash' && c.family !== 'lead');
    if (first && first.marker && isNumbered(first.family)) counts.set(first.family, (counts.get(first.family) ?? 0) + 1);
  }
  let best: HeadingFamily | undefined;
  let bestCount = 0;
  for (const [family, n] of counts) if (n > bestCount) [best, bestCount] = [family, n];
  if (best) return best;
  let deepest = -1;
  for (const a of chain) deepest = Math.max(deepest, CANONICAL_FAMILIES.indexOf(a.family));
  // `part` is never a child; below it comes `一、`.
  const next = CANONICAL_FAMILIES[Math.max(deepest + 1, 1)];
  return next;
}

/** The family of points the document prefers (`一是` unless it writes `第一，` more). */
function preferredPointFamily(model: ReportModel): HeadingFamily {
  let cnPoint = 0;
  let ordinal = 0;
  for (const h of model.headings) {
    if (h.family === 'cn-point') cnPoint++;
    else if (h.family === 'cn-ordinal') ordinal++;
  }
  return ordinal > cnPoint ? 'cn-ordinal' : 'cn-point';
}

/**
 * `value` written like `marker`'s family is usually written in the document; points keep their own
 * list's verb (`一要` → `二要`).
 */
function markerLike(model: ReportModel, marker: Marker, value: number, keepOwn: boolean): string {
  if (keepOwn) return markerWithValue(marker, value);
  const found = documentStyleMarkers(model).get(marker.family);
  return markerWithValue(found?.marker ?? marker, value);
}

// ————————————————————————— helpers —————————————————————————

/** Whether `typed` could be the start of `marker` (full- and half-width forms alike). */
function compatible(typed: string, marker: string): boolean {
  if (!typed) return true;
  const fold = (s: string) => s.normalize('NFKC').replace(/[．]/g, '.');
  return fold(marker).startsWith(fold(typed));
}

function isPoint(h: Heading): boolean {
  return isPointFamily(h.family);
}


/** The headings open at the cursor, innermost first: `last` and its ancestors that pass `open`. */
function openChain(last: Heading | undefined, open: (h: Heading) => boolean): Heading[] {
  const chain: Heading[] = [];
  for (let h = last; h; h = h.parent) if (open(h)) chain.push(h);
  return chain;
}

/** Index of the first paragraph on or after `line`. */
function firstParagraphFrom(model: ReportModel, line: number): number {
  return partitionPoint(model.paragraphs, (p) => p.line < line);
}

/** The last paragraph that ends before the line of `offset`. */
function lastParagraphBefore(model: ReportModel, offset: number): Paragraph | undefined {
  const i = firstParagraphFrom(model, model.lines.lineAt(offset));
  return i > 0 ? model.paragraphs[i - 1] : undefined;
}

/** The paragraph holding `offset` (the paragraph of its line). */
function paragraphAt(model: ReportModel, offset: number): Paragraph | undefined {
  const line = model.lines.lineAt(offset);
  const p = model.paragraphs[firstParagraphFrom(model, line)];
  return p && p.line === line ? p : undefined;
}

/**
 * Whether the section of `h` already has text of its own before `at`: a run-in body, or a paragraph
 * after its heading line.
 */
function hasBody(model: ReportModel, h: Heading, at: number): boolean {
  const { text } = model;
  let i = h.textEnd;
  if (i < text.length && isSentenceEnd(text.charCodeAt(i))) i++;
  for (; i < at; i++) {
    const c = text.charCodeAt(i);
    if (!isBlank(c) && !isLineBreak(c)) return true;
  }
  return false;
}
