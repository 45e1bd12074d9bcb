/**
 * Hover on a heading: how big its section is — characters, paragraphs, subsections.
 */
import { isBlank, isCjk, isLineBreak } from '../chars';
import type { Heading, ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import type { LocalizedText } from '../rules/rule';
import { lastHeadingAtOrBefore } from './heading-lookup';

/** The size of one section. */
export interface SectionStats {
  /** Characters without blanks and line breaks, counting a character outside the BMP once (Word's 字数 without spaces). */
  characters: number;
  /** Of those, Chinese characters (ideographs). */
  hanzi: number;
  /** Paragraphs the section touches (a heading on its own line counts as one). */
  paragraphs: number;
  /** Direct subsections. */
  directSubsections: number;
  /** All subsections at every depth. */
  totalSubsections: number;
}

/** A hover: the heading's span and a markdown text in both languages. */
export interface HoverInfo {
  start: number;
  end: number;
  contents: LocalizedText;
}

/**
 * The size of the section of `h` (from its marker to the end of its content).
 *
 * @example sectionStats(model, heading) // { characters: 128, hanzi: 110, paragraphs: 3, directSubsections: 2, totalSubsections: 2 }
 */
export function sectionStats(model: ReportModel, h: Heading): SectionStats {
  const { text } = model;
  let characters = 0;
  let hanzi = 0;
  for (let i = h.start; i < h.sectionEnd; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || isLineBreak(c)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && i > h.start) {
      const high = text.charCodeAt(i - 1);
      if (high >= 0xd800 && high <= 0xdbff) continue; // the low half of a pair already counted
    }
    characters++;
    if (isCjk(c)) hanzi++;
  }
  let totalSubsections = 0;
  const walk = (x: Heading) => {
    for (const c of x.children) {
      totalSubsections++;
      walk(c);
    }
  };
  walk(h);
  return { characters, hanzi, paragraphs: paragraphsIn(model, h.start, h.sectionEnd), directSubsections: h.children.length, totalSubsections };
}

/** Paragraphs overlapping [start, end). */
function paragraphsIn(model: ReportModel, start: number, end: number): number {
  const ps = model.paragraphs;
  const first = firstParagraphEndingAfter(model, start);
  let n = 0;
  for (let i = first; i < ps.length && ps[i].start < Math.max(end, start + 1); i++) n++;
  return n;
}

function firstParagraphEndingAfter(model: ReportModel, offset: number): number {
  return partitionPoint(model.paragraphs, (p) => p.end <= offset);
}

/** The heading whose marker or text holds `offset` (the innermost one for inline headings). */
export function headingAt(model: ReportModel, offset: number): Heading | undefined {
  const h = lastHeadingAtOrBefore(model.headings, offset);
  return h && offset <= h.textEnd ? h : undefined;
}

/**
 * The hover at `offset`: on a heading, the size of its section; elsewhere nothing.
 *
 * @example hoverAt(model, offsetInside('（二）民生保障')).contents.zh // '**（二）民生保障**\n\n第 2 级 · 字数 86（不含空白，其中汉字 80）· 3 段 · 下级标题 2 个'
 */
export function hoverAt(model: ReportModel, offset: number): HoverInfo | undefined {
  const h = headingAt(model, offset);
  if (!h) return undefined;
  const s = sectionStats(model, h);
  const name = escapeMarkdown(h.label);
  const fmt = (n: number) => n.toLocaleString('en-US');
  const zhSubs = s.directSubsections === 0 ? '无下级标题' : s.totalSubsections > s.directSubsections ? `下级标题 ${s.directSubsections} 个（共 ${s.totalSubsections} 个）` : `下级标题 ${s.directSubsections} 个`;
  const enSubs =
    s.directSubsections === 0
      ? 'no subsections'
      : `${s.directSubsections} subsection${s.directSubsections > 1 ? 's' : ''}${s.totalSubsections > s.directSubsections ? ` (${s.totalSubsections} in all)` : ''}`;
  return {
    start: h.start,
    end: h.textEnd,
    contents: {
      zh: `**${name}**\n\n第 ${h.depth} 级 · 字数 ${fmt(s.characters)}（不含空白，其中汉字 ${fmt(s.hanzi)}）· ${fmt(s.paragraphs)} 段 · ${zhSubs}`,
      en: `**${name}**\n\nLevel ${h.depth} · ${fmt(s.characters)} characters without blanks (${fmt(s.hanzi)} hanzi) · ${fmt(s.paragraphs)} paragraph${s.paragraphs === 1 ? '' : 's'} · ${enSubs}`,
    },
  };
}

/** Escapes characters markdown would read as formatting (`**乡第**届` stays literal). */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => '\\' + c);
}
