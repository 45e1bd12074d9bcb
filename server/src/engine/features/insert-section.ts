/**
 * Inserting a missing standard section: the body comes from the snippets file (the same text the
 * editor's snippets insert), dated with the report's own year, numbered to fit its siblings in
 * their style, and placed where the convention puts it (`sections/insertion-point.ts`); the siblings after it are
 * renumbered. Serves the `section-missing` quick fix and section completion.
 */
import { isBlank } from '../chars';
import { POINT_FAMILIES, type Heading, type ReportKind, type ReportModel } from '../model';
import { isNumbered, numeralSpan, standardStyle, writeNumeral } from '../numbering-style';
import type { Finding, Fix, LocalizedText, TextEdit } from '../rules/rule';
import { findSections, insertionPoint, missingSections, type InsertionPoint, type SectionDef, type SectionId } from '../sections';
import { listContaining } from '../sibling-lists';
import type { CompletionProposal, CompletionSite, CompletionView } from './completion';
import { documentStyles, renumberFollowing as renumberSiblingsAfter } from './numbering-context';
import { adaptSnippet, cutSnippet, expandSnippet, parseSnippet, snippetNamed, writtenMarker, type WrittenMarker } from './section-snippets';

/** Where a section's body comes from in the snippets file. */
interface SectionSource {
  /** The snippet's name. */
  snippet: string;
  /** Take only the lines from the one matching `from` up to the one matching `to`. */
  from?: RegExp;
  to?: RegExp;
  /** Whether the section has a numbered heading (a paragraph such as the closing has none). */
  headed: boolean;
}

const TOP_LINE = /^(?:\$\{1:)?[一二三四五六七八九十]+\}?、/;

/** The snippet for each section id, by report kind (falling back to `*`). */
const SOURCES: Partial<Record<SectionId, Partial<Record<ReportKind | '*', SectionSource>>>> = {
  salutation: { '*': { snippet: '开场白（各位代表）', to: /^\s*$/, headed: false } },
  opening: { '*': { snippet: '开场白（各位代表）', from: /^现在，我代表/, headed: false } },
  review: {
    'summary-plan': { snippet: '工作总结及工作计划（全文骨架）', from: /^一、/, to: /^二、/, headed: true },
    summary: { snippet: '工作总结（全文骨架）', from: /^一、/, to: /^二、/, headed: true },
    '*': { snippet: '工作回顾', headed: true },
  },
  problems: {
    'gov-report': { snippet: '存在问题（段落，不设标题）', headed: false },
    'duty-report': { snippet: '述职：存在的不足', headed: true },
    '*': { snippet: '存在问题（带标题）', headed: true },
  },
  tasks: { '*': { snippet: '重点工作 / 主要任务', headed: true } },
  closing: { '*': { snippet: '结束语（各位代表！…奋斗）', headed: false } },
  thanks: { '*': { snippet: '感谢段', headed: false } },
  'self-building': { '*': { snippet: '政府自身建设', headed: true } },
  livelihood: { '*': { snippet: '民生实事', headed: true } },
  'next-steps': { '*': { snippet: '下一步工作打算', headed: true } },
  guiding: { '*': { snippet: '指导思想', headed: true } },
  targets: { '*': { snippet: '工作计划 / 工作要点（全文骨架）', from: /^二、/, to: /^三、/, headed: true } },
  safeguards: { '*': { snippet: '保障措施', headed: true } },
  plan: { '*': { snippet: '工作总结及工作计划（全文骨架）', from: /^三、/, to: TOP_LINE, headed: true } },
  duties: { '*': { snippet: '述职：履职情况', headed: true } },
  study: { '*': { snippet: '述职报告（全文骨架）', from: /^一、/, to: /^二、/, headed: true } },
  integrity: { '*': { snippet: '述职：廉洁自律', headed: true } },
  direction: { '*': { snippet: '述职：努力方向', headed: true } },
  experience: { '*': { snippet: '工作总结（全文骨架）', from: /^二、/, to: /^三、/, headed: true } },
};

/** The snippet body (snippet syntax) and whether it is headed, for a section of the document's kind. */
export function sectionSnippet(kind: ReportKind, sectionId: SectionId): { body: string; headed: boolean; name: string } | undefined {
  const key = `${kind}|${sectionId}`;
  if (!snippetCache.has(key)) snippetCache.set(key, findSectionSnippet(kind, sectionId));
  return snippetCache.get(key);
}

const snippetCache = new Map<string, { body: string; headed: boolean; name: string } | undefined>();

function findSectionSnippet(kind: ReportKind, sectionId: SectionId): { body: string; headed: boolean; name: string } | undefined {
  const byKind = SOURCES[sectionId];
  const source = byKind?.[kind] ?? byKind?.['*'];
  if (!source) return undefined;
  const snippet = snippetNamed(source.snippet);
  if (!snippet) return undefined;
  const body = source.from || source.to ? cutSnippet(snippet.body, source.from ?? /^/, source.to) : snippet.body;
  return body === undefined ? undefined : { body, headed: source.headed, name: snippet.name };
}

/**
 * The year the document reviews: the title's year in a summary or a duty report, the year before
 * it in a government work report or a plan (whose title names the year ahead).
 *
 * @example reviewYearOf(buildReportModel('示例镇2024年政府工作报告\n…')) // 2023
 */
export function reviewYearOf(model: ReportModel): number | undefined {
  if (model.year === undefined) return undefined;
  return model.kind === 'gov-report' || model.kind === 'plan' ? model.year - 1 : model.year;
}

/** How the new heading is numbered, and the siblings after it that may need renumbering. */
interface Numbering {
  /** The number as written, or `null` when the siblings are unnumbered titles. */
  marker: WrittenMarker | null;
  value: number;
  following: Heading[];
}

/**
 * The number a new heading takes among `siblings` at `offset`: one past the numbered sibling
 * before it, in that sibling's style (or, with none before, the first number in the style of the
 * one after it); unnumbered when the siblings are titles.
 */
function numberingAt(model: ReportModel, siblings: readonly Heading[], offset: number, parent: Heading | undefined): Numbering {
  const candidates = siblings.filter((h) => !POINT_FAMILIES.includes(h.family) && h.family !== 'lead');
  const before = [...candidates].reverse().find((h) => h.start < offset);
  const after = candidates.find((h) => h.start >= offset);
  const model0 = before ?? after;
  if (model0 && (!model0.marker || !isNumbered(model0.family) || model0.marker.value <= 0)) return { marker: null, value: 0, following: [] };
  if (model0?.marker) {
    const value = before?.marker ? before.marker.value + 1 : 1;
    const list = listContaining(model, model0);
    const following = (list?.items ?? []).filter((h) => h.start >= offset);
    return { marker: markerLike(model0, value), value, following };
  }
  // No siblings: the first child of `parent` (its family as elsewhere in the document), or `一、` at the top.
  const family = parent ? childFamily(model, parent) : 'cn-dun';
  const styles = documentStyles(model);
  return { marker: writtenMarker(1, styles.get(family) ?? standardStyle(family)), value: 1, following: [] };
}

/** `value` written exactly like `h`'s marker. */
function markerLike(h: Heading, value: number): WrittenMarker {
  const m = h.marker!;
  const span = numeralSpan(m);
  const numeral = writeNumeral(m, value);
  const at = span.start - m.start;
  const text = m.text.slice(0, at) + numeral + m.text.slice(span.end - m.start);
  return { text, numeralStart: at, numeralEnd: at + numeral.length };
}

function childFamily(model: ReportModel, parent: Heading) {
  for (const g of model.headings) if (g.family === parent.family && g.children[0]?.marker && isNumbered(g.children[0].family) && !POINT_FAMILIES.includes(g.children[0].family)) return g.children[0].family;
  const order = ['part', 'cn-dun', 'cn-paren', 'arabic', 'arabic-paren', 'circled', 'latin'] as const;
  const i = order.indexOf(parent.family as (typeof order)[number]);
  return order[Math.min(Math.max(i + 1, 1), order.length - 1)];
}

/** Whether the document separates paragraphs with blank lines (most of its paragraph breaks). */
function usesBlankLines(model: ReportModel): boolean {
  const ps = model.paragraphs;
  let gaps = 0;
  let tight = 0;
  for (let i = 1; i < ps.length && i < 400; i++) {
    if (ps[i].line - ps[i - 1].line > 1) gaps++;
    else tight++;
  }
  return gaps > tight;
}

const lineEndings = new WeakMap<ReportModel, string>();

/** The document's line ending, `\r\n` when it has one anywhere; once per model (it reads the whole text). */
function lineEndingOf(model: ReportModel): string {
  let eol = lineEndings.get(model);
  if (eol === undefined) lineEndings.set(model, (eol = model.text.includes('\r\n') ? '\r\n' : '\n'));
  return eol;
}

/** The snippet body fitted to the document at a place: numbered, dated, styled, spaced. */
function fittedBody(model: ReportModel, sectionId: SectionId, numbering: Numbering | undefined, keepTabStops: boolean): { body: string; name: string } | undefined {
  const source = sectionSnippet(model.kind, sectionId);
  if (!source) return undefined;
  const body = adaptSnippet(source.body, {
    marker: source.headed && numbering ? numbering.marker : undefined,
    reviewYear: reviewYearOf(model),
    styles: documentStyles(model),
    compact: !usesBlankLines(model),
    dropFinalTabStop: !keepTabStops,
  });
  return { body, name: source.name };
}

/**
 * The heading a new section goes under. Before a heading, that heading's parent; otherwise at the
 * level of the standard sections the document has (a new `二、2024年工作安排` before a closing
 * paragraph that sits inside `一、…` goes beside `一、`, not under it).
 */
function levelParent(model: ReportModel, point: InsertionPoint): Heading | undefined {
  if (point.before) return point.parent;
  let reference: Heading | undefined;
  for (const s of findSections(model)) {
    if (s.present && s.heading && s.def.placement === 'section' && (!reference || s.heading.depth < reference.depth)) reference = s.heading;
  }
  if (!reference) return point.parent;
  const parent = reference.parent;
  if (!parent || (parent.start < point.offset && point.offset <= sectionLimit(model, parent))) return parent;
  return point.parent;
}

/** The siblings a section inserted at `offset` under `parent` joins. */
function siblingsOf(model: ReportModel, parent: Heading | undefined): readonly Heading[] {
  return parent ? parent.children : model.roots;
}

/**
 * Edits that insert section `sectionId` where the convention puts it, numbered to fit its siblings
 * (`三、` between `二、` and the old `三、`, which becomes `四、`), its years those of the report.
 * Empty when the document's kind has no such section or no snippet for it.
 *
 * @example insertSectionEdits(buildReportModel('三魁镇2023年工作总结及2024年工作方向\n一、2023年工作情况\n…\n二、2024年工作思路\n…'), 'problems')
 *   // inserts `二、存在的问题和不足…` before `二、2024年工作思路`, which becomes `三、`
 */
export function insertSectionEdits(model: ReportModel, sectionId: SectionId): TextEdit[] {
  const source = sectionSnippet(model.kind, sectionId);
  if (!source) return [];
  const point = insertionPoint(model, sectionId);
  const offset = point.offset;
  const parent = levelParent(model, point);
  const numbering = source.headed ? numberingAt(model, siblingsOf(model, parent), offset, parent) : undefined;
  const fitted = fittedBody(model, sectionId, numbering, false);
  if (!fitted) return [];
  const plain = expandSnippet(parseSnippet(fitted.body));
  const eol = lineEndingOf(model);
  const body = eol === '\n' ? plain : plain.replace(/\n/g, eol);
  const insertion = separate(model, offset, body, eol);
  // Mid-line, in flattened text (`…发展。  2024年工作安排…`): the blanks before the place become a line break.
  let start = offset;
  if (!isLineStart(model.text, offset)) {
    while (start > 0 && isBlank(model.text.charCodeAt(start - 1))) start--;
    insertion.text = eol + insertion.text;
  }
  const edits: TextEdit[] = [{ start, end: offset, newText: insertion.text }];
  // The siblings after it move down one: the list renumbered as `renumberList` would after the insertion.
  if (numbering && numbering.marker) edits.push(...renumberSiblingsAfter(numbering.following, numbering.value));
  return mergeTouching(edits);
}

/** The inserted text with the line breaks (and blank lines, in a blank-line document) around it. */
function separate(model: ReportModel, offset: number, body: string, eol: string): { text: string; bodyStart: number } {
  // bodyStart: where the inserted section's first line starts.
  const text = model.text;
  const blank = usesBlankLines(model);
  if (offset >= text.length) {
    const endsWithBreak = text.length === 0 || text.endsWith('\n') || text.endsWith('\r');
    let prefix = endsWithBreak ? '' : eol;
    if (blank && text.trim().length && !endsWithBlankLine(text)) prefix += eol;
    const suffix = endsWithBreak && text.length ? eol : '';
    return { text: prefix + body + suffix, bodyStart: offset + prefix.length };
  }
  if (!blank) return { text: body + eol, bodyStart: offset };
  const previousLineBlank = offset === 0 || isBlankLine(text, previousLineStart(text, offset), offset);
  const atBlankLine = isBlankLine(text, offset, lineEndFrom(text, offset));
  const prefix = previousLineBlank ? '' : eol;
  return { text: prefix + body + eol + (atBlankLine ? '' : eol), bodyStart: offset + prefix.length };
}

/** Whether `offset` starts a line, or has only blanks before it on its line. */
function isLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (!isBlank(c)) return false;
  }
  return true;
}

function endsWithBlankLine(text: string): boolean {
  return /(\r?\n)[ \t\u3000]*(\r?\n)[ \t\u3000]*$/.test(text);
}

function previousLineStart(text: string, offset: number): number {
  let i = offset - 1;
  if (text[i] === '\n') i--;
  if (text[i] === '\r') i--;
  while (i >= 0 && text[i] !== '\n' && text[i] !== '\r') i--;
  return i + 1;
}

function lineEndFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && !isBlank(c)) return false;
  }
  return true;
}

/**
 * An insertion right where a renumbering edit starts (the new section goes just before `二、`,
 * whose `二` becomes `三`) becomes one edit, so no client has to order touching edits.
 */
function mergeTouching(edits: TextEdit[]): TextEdit[] {
  const [insert, ...rest] = edits;
  const i = rest.findIndex((e) => e.start === insert.end);
  if (i < 0) return edits;
  const merged = { start: insert.start, end: rest[i].end, newText: insert.newText + rest[i].newText };
  return [merged, ...rest.slice(0, i), ...rest.slice(i + 1)];
}

/** The quick fix that inserts a missing section. */
export function insertSectionFix(model: ReportModel, sectionId: SectionId): Fix | undefined {
  const edits = insertSectionEdits(model, sectionId);
  if (!edits.length) return undefined;
  const def = findSections(model).find((s) => s.id === sectionId)?.def;
  const name: LocalizedText = def?.name ?? { zh: sectionId, en: sectionId };
  return { title: { zh: `插入“${name.zh}”部分`, en: `Insert a "${name.en}" section` }, edits, safe: false, preferred: true };
}

/**
 * `finding` (of `section-missing`) with the insert-section quick fix added. The section id is
 * read from `finding.data.sectionId` (or `data.id`). Built at once: a fix built when first read
 * (a getter holding the model) kept whole closed documents in the heap, because optimized code
 * held on to the getter until V8 next reduced memory.
 *
 * @example withInsertFix(model, finding).fixes // [{ title: { zh: '插入“存在的问题”部分', … }, edits: [...], … }]
 */
export function withInsertFix(model: ReportModel, finding: Finding): Finding {
  const id = (finding.data?.sectionId ?? finding.data?.id) as SectionId | undefined;
  if (!id) return finding;
  const fix = insertSectionFix(model, id);
  return fix ? { ...finding, fixes: [...(finding.fixes ?? []), fix] } : finding;
}

// ————————————————————————— completion —————————————————————————

/**
 * Section proposals at the start of a line: each required section the document lacks, as a
 * snippet numbered for the cursor's place (its siblings after it renumbered), sections whose
 * conventional place is here first.
 */
export function sectionProposals(view: CompletionView, site: CompletionSite, offset: number): CompletionProposal[] {
  const { model, toOriginal } = view;
  // Only on an otherwise empty line.
  const lineEnd = model.lines.lineContentEnd(model.lines.lineAt(view.at));
  if (!isBlankLine(model.text, view.at, lineEnd)) return [];
  const missing = missingSections(model);
  if (!missing.length) return [];
  const out: { p: CompletionProposal; near: boolean; order: number }[] = [];
  const seen = new Set<string>();
  for (const m of missing) {
    const source = sectionSnippet(model.kind, m.id);
    if (!source) continue;
    const point = insertionPoint(model, m.id);
    const level = levelParent(model, point);
    const parent = level && level.start < site.start && site.start <= sectionLimit(model, level) ? level : undefined;
    const numbering = source.headed ? numberingAt(model, siblingsOf(model, parent), site.start, parent) : undefined;
    const fitted = fittedBody(model, m.id, numbering, true);
    if (!fitted || seen.has(fitted.body)) continue;
    seen.add(fitted.body);
    const preview = expandSnippet(parseSnippet(fitted.body));
    const firstLine = preview.split('\n')[0];
    const label = labelOf(firstLine, numbering?.marker ?? undefined, m.def);
    const additionalEdits = (numbering && numbering.marker ? renumberSiblingsAfter(numbering.following, numbering.value) : []).map((e) => ({ ...e, start: toOriginal(e.start), end: toOriginal(e.end) }));
    const where = numbering?.marker ? numbering.marker.text : '';
    const renumbers = additionalEdits.length
      ? { zh: `；其后 ${additionalEdits.length} 个标题顺延编号`, en: `; renumbers ${additionalEdits.length} heading${additionalEdits.length > 1 ? 's' : ''} after it` }
      : { zh: '', en: '' };
    out.push({
      p: {
        label,
        insertText: fitted.body,
        isSnippet: true,
        kind: 'section',
        detail: {
          zh: `缺少的部分：${m.def.name.zh}${where ? `（编为“${where}”）` : ''}${renumbers.zh}`,
          en: `missing section: ${m.def.name.en}${where ? ` (numbered “${where}”)` : ''}${renumbers.en}`,
        },
        documentation: {
          zh: `${m.def.says.zh}。插入内容（来自代码片段“${fitted.name}”）：\n\n\`\`\`text\n${previewLines(preview)}\n\`\`\``,
          en: `A ${m.def.name.en.toLowerCase()} section ${m.def.says.en}. Inserts (snippet “${fitted.name}”):\n\n\`\`\`text\n${previewLines(preview)}\n\`\`\``,
        },
        sortText: '',
        filterText: [label, ...(snippetNamed(fitted.name)?.prefixes ?? []), ...(snippetNamed(fitted.name)?.pinyin ?? [])].join(' '),
        replace: { start: site.start, end: offset },
        additionalEdits: additionalEdits.length ? additionalEdits : undefined,
        sectionId: m.id,
      },
      near: nearCursor(model, point.offset, site.start),
      order: m.def.order,
    });
  }
  // A word typed (`czwt`, `存在问题`) keeps the sections it could stand for.
  const kept = site.typed ? out.filter((x) => isSubsequence(site.typed.toLowerCase(), x.p.filterText.toLowerCase())) : out;
  kept.sort((a, b) => Number(b.near) - Number(a.near) || a.order - b.order);
  return kept.map((x, i) => ({ ...x.p, sortText: `1${String(i).padStart(2, '0')}` }));
}

/** Whether the characters of `a` appear in `b` in order (the editors' fuzzy match, roughly): `czwt` in `存在问题 czwt`. */
export function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

/** The end of the text that belongs to `h`'s section, up to the next heading at its depth or above. */
function sectionLimit(model: ReportModel, h: Heading): number {
  const next = model.headings.find((x) => x.start > h.start && x.depth <= h.depth);
  return next ? next.start : model.text.length;
}

/** Whether the conventional place and the cursor are in the same gap between headings. */
function nearCursor(model: ReportModel, place: number, cursor: number): boolean {
  const [a, b] = place <= cursor ? [place, cursor] : [cursor, place];
  return !model.headings.some((h) => h.start >= a && h.start < b && (h.depth === 1 || !POINT_FAMILIES.includes(h.family)));
}

/** The label: the new heading (`三、存在的问题和不足`), or the section name for an unheaded one. */
function labelOf(firstLine: string, marker: WrittenMarker | undefined, def: SectionDef): string {
  if (marker) return firstLine.length > 30 ? firstLine.slice(0, 30) + '…' : firstLine;
  return def.name.zh;
}

function previewLines(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  const shown = lines.slice(0, 8).map((l) => (l.length > 60 ? l.slice(0, 60) + '…' : l));
  if (lines.length > 8) shown.push('…');
  return shown.join('\n').replace(/```/g, '`\u200b``');
}
