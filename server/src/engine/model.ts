/**
 * The report model: what the engine knows about one version of one document.
 *
 * It is built once per document version by {@link buildReportModel} (see `pipeline/index.ts`, the stages in order) and
 * shared read-only by every feature (outline, folding, rules, completion, code actions).
 * All offsets are UTF-16 code-unit offsets into {@link ReportModel.text}, which is exactly what
 * LSP positions count; {@link LineIndex} converts them to line/character positions.
 */
import type { LineIndex } from './pipeline/01-lines';

/**
 * The kind of report, inferred from the title (or the content) and overridable by the user.
 *
 * @example `XX镇2023年政府工作报告` → `gov-report`; `2023年工作总结及2024年工作计划` → `summary-plan`
 */
export type ReportKind = 'gov-report' | 'summary' | 'plan' | 'summary-plan' | 'duty-report' | 'unknown';

/** Every kind, in the order they are shown to the user. */
export const REPORT_KINDS: readonly ReportKind[] = ['gov-report', 'summary', 'plan', 'summary-plan', 'duty-report', 'unknown'];

/**
 * A heading family: the marker style a heading uses. Numbered families keep the canonical order
 * of GB/T 9704 among themselves; unnumbered ones take their rank from where they first appear.
 *
 * | family        | example                     |
 * |---------------|-----------------------------|
 * | `part`        | `第一部分` `第二章`          |
 * | `cn-dun`      | `一、` (`一.` wrongly)       |
 * | `cn-paren`    | `（一）` `(一)`              |
 * | `arabic`      | `1.` `1、` `1．`             |
 * | `arabic-paren`| `（1）` `(1)`                |
 * | `circled`     | `①`                         |
 * | `latin`       | `a.` `A、`                  |
 * | `cn-point`    | `一是` `二要` (points)       |
 * | `cn-ordinal`  | `第一，` `首先，` (points)    |
 * | `dash`        | `——经济跨上新台阶。` (points) |
 * | `title`       | `2022年工作回顾` (own line)  |
 * | `lead`        | `一年来，我们…` (parallel lead paragraphs/lines) |
 */
export type HeadingFamily =
  | 'part'
  | 'cn-dun'
  | 'cn-paren'
  | 'arabic'
  | 'arabic-paren'
  | 'circled'
  | 'latin'
  | 'cn-point'
  | 'cn-ordinal'
  | 'dash'
  | 'title'
  | 'lead';

/** Numbered families that follow the canonical order 第X部分 › 一、 › （一） › 1. › （1） › ① › a. */
export const CANONICAL_FAMILIES: readonly HeadingFamily[] = ['part', 'cn-dun', 'cn-paren', 'arabic', 'arabic-paren', 'circled', 'latin'];

/** Point families: they sit below whatever heading encloses them. */
export const POINT_FAMILIES: readonly HeadingFamily[] = ['cn-point', 'cn-ordinal', 'dash'];

const POINTS = new Set<HeadingFamily>(POINT_FAMILIES);

/** Whether a family is a point family (`一是` `第一，` `——`). */
export function isPointFamily(family: HeadingFamily): boolean {
  return POINTS.has(family);
}

/** Width of the brackets of a bracketed marker. */
export type BracketWidth = 'full' | 'half' | 'mixed';

/**
 * The number in front of a heading, as written.
 *
 * @example `（一）、` → `{ family: 'cn-paren', value: 1, text: '（一）、', numeral: '一', punctuation: '、', brackets: 'full' }`
 */
export interface Marker {
  family: HeadingFamily;
  /** 1-based ordinal (`三` → 3, `③` → 3, `c.` → 3); 0 for families without numbers (`——`). */
  value: number;
  /** The marker exactly as written, including punctuation and the space after it. */
  text: string;
  /** The numeral alone: `三`, `12`, `③`, `c`. Empty for `——`. */
  numeral: string;
  /** Punctuation after the number or closing bracket: `、` `.` `．` `,` `，` or `` (none). */
  punctuation: string;
  /** For bracketed families, the width of the brackets: `（一）` full, `(一)` half, `（一)` mixed. */
  brackets?: BracketWidth;
  /** Whether the numeral uses full-width digits (`１．`). */
  fullWidthDigits?: boolean;
  /** Whitespace between the marker and the heading text (`一、 2022年` → `' '`). */
  spaceAfter: string;
  /** Offset of the first character of the marker. */
  start: number;
  /** Offset just past the marker (after punctuation, before any space). */
  end: number;
}

/**
 * Where a heading sits in its paragraph.
 * - `line`: alone on its line (`一、2022年工作回顾`).
 * - `run-in`: starts its paragraph, body follows after the first 。 (`（一）持续壮产业。着力推动…`).
 * - `inline`: after a sentence end in the middle of a paragraph (`…以下四个方面：（一）激发产业活力。`).
 */
export type HeadingPlacement = 'line' | 'run-in' | 'inline';

/**
 * One node of the heading tree.
 *
 * @example `（二）建管并重，突出亮点，打造生态宜居新六镇。…` → family `cn-paren`, text `建管并重，突出亮点，打造生态宜居新六镇`
 */
export interface Heading {
  /** Index in {@link ReportModel.headings} (document order). */
  index: number;
  family: HeadingFamily;
  /** Depth in the tree, 1 for top-level headings. */
  depth: number;
  /** The number, for numbered and point families. */
  marker?: Marker;
  /** Heading text without the marker and without the closing 。 of a run-in heading. */
  text: string;
  /** Display name: marker + text, shortened with `…` when a run-in heading is long. */
  label: string;
  placement: HeadingPlacement;
  /** Offset where the heading starts (its marker, or its first character). */
  start: number;
  /** Offset just past the heading text (before the 。 that ends a run-in heading). */
  textEnd: number;
  /** Offset just past the last character of the section's content (trailing blank lines excluded). */
  sectionEnd: number;
  /** Index of the paragraph the heading is in. */
  paragraph: number;
  parent?: Heading;
  children: Heading[];
}

/**
 * One paragraph: a maximal run of text between line breaks, without the line break.
 * Blank lines are not paragraphs.
 */
export interface Paragraph {
  index: number;
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset just past the last non-blank character. */
  end: number;
  /** Zero-based line number. */
  line: number;
}

/**
 * An unfilled blank left from a template.
 *
 * @example `实现地区生产总值xx亿元` → `{ text: 'xx', form: 'x-run' }`; `同比增长%` → `{ form: 'missing-number', confidence: 'medium' }`
 */
export interface Placeholder {
  start: number;
  end: number;
  /** The blank exactly as written. */
  text: string;
  /** Which form of blank it is (see report-anatomy §4). */
  form: PlaceholderForm;
  /** `high` for unmistakable blanks (`xxxx年`), `medium` for guesses (a number simply missing). */
  confidence: 'high' | 'medium';
}

/** The placeholder forms of report-anatomy §4. */
export type PlaceholderForm =
  | 'x-run'
  | 'single-x'
  | 'masked-number'
  | 'cross'
  | 'circle'
  | 'mou'
  | 'asterisk'
  | 'underscore'
  | 'bracket'
  | 'equals'
  | 'blank-before-unit'
  | 'missing-number'
  | 'ellipsis-cut'
  | 'custom';

/** The document title as found, usually the first non-empty line. */
export interface ReportTitle {
  text: string;
  start: number;
  end: number;
}

/**
 * Everything the features need to know about one document version.
 */
export interface ReportModel {
  /** The text the model was built from. */
  text: string;
  lines: LineIndex;
  title?: ReportTitle;
  kind: ReportKind;
  /** Whether {@link kind} came from the title, the content, or the user's setting. */
  kindSource: 'title' | 'content' | 'setting' | 'none';
  /** The report year: the year in the title (`2023年政府工作报告` → 2023), when there is one. */
  year?: number;
  paragraphs: Paragraph[];
  /** All headings in document order. */
  headings: Heading[];
  /** Top-level headings. */
  roots: Heading[];
  placeholders: Placeholder[];
}
