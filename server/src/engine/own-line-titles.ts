/**
 * Short paragraphs alone on their line that read as section titles (`2022年工作回顾`, `结束语`), and
 * what only looks like one: page furniture, bylines, contents lines, the wrapped tail of a line.
 */
import { isBlank, isCjk, isDigit, isSentenceEnd } from './chars';
import { matchMarker } from './markers';
import type { Paragraph } from './model';
import { isSalutation } from './pipeline/03-title';

/** Longest own-line paragraph taken as an unnumbered title (`2022年工作回顾`). */
export const MAX_TITLE_LENGTH = 30;

/** Page furniture and links that are never headings, even when short and alone on a line. */
const NOT_A_TITLE = /[【】•·|]|https?:|www\.|打印|关闭窗口|下载|客服|回到顶部|浏览次数|收藏|桌面|VIP|扫一扫|分享到|上一篇|下一篇|责任编辑|来源[:：]|发布日期|索引号|特此报告|谢谢大家|以上报告|^附件|^抄送|^[（(]?此页无正文/;

/** Bylines, issuers, meeting lines and notes of a published report: `——在…会议上` `镇长 王某` `（此件公开发布）`. */
export const FRONT_MATTER = /^——|^[（(].*[)）]$|(会议上|大会上|讲话|发言)$|(镇长|乡长|县长|市长|区长|主任|书记|总理|主席)[^，,。]{1,6}$|(人民政府|委员会|办公室|人大)$|工作报告$/;
/** A dash line that is a meeting line under the title (`——在…会议上`), not a point. */
export const MEETING_LINE = /(会议上|大会上)$/;

/** A one-sentence line (`加快产业结构优化升级。`) is a title only when a much longer paragraph follows it. */
export function introducesLongerText(text: string, p: Paragraph, next: Paragraph | undefined): boolean {
  if (!next) return false;
  const length = lengthAfterMarker(text, next);
  return length >= 30 && length >= 2 * (p.end - p.start);
}

/**
 * Whether `p` is the wrapped tail of the paragraph before it: that one is long and stops
 * mid-sentence (`…增长*%左右,一` / `般公共预算收入…`), as text copied from a PDF does.
 */
export function continuesPrevious(text: string, p: Paragraph, previous: Paragraph | undefined, wrapped: boolean): boolean {
  if (!previous || lengthAfterMarker(text, previous) < (wrapped ? 16 : MAX_TITLE_LENGTH)) return false;
  return !endsSentence(text, previous);
}

/**
 * A paragraph's length without the heading marker that opens it, so renumbering (`十二是` → `一是`)
 * never changes whether the line after it reads as its wrapped tail.
 */
function lengthAfterMarker(text: string, p: Paragraph): number {
  const marker = matchMarker(text, p.start, p.end, 'paragraph-start');
  return p.end - (marker ? marker.end : p.start);
}

function endsSentence(text: string, p: Paragraph): boolean {
  const last = text.charCodeAt(p.end - 1);
  return isSentenceEnd(last) || last === 0x201d /* ” */ || last === 0xff09 /* ） */ || last === 41 || last === 0x2026 /* … */;
}

/**
 * Whether the text was hard-wrapped (copied from a PDF): many long lines stop mid-sentence.
 * Own-line titles are then taken only when short and without commas.
 */
export function isHardWrapped(text: string, paragraphs: readonly Paragraph[]): boolean {
  return isHardWrappedByShapes(paragraphs.map((p) => wrapShape(text, p)));
}

/**
 * What one paragraph says about hard wrapping: `SHORT` (under 20 characters after its marker), `CLOSED`
 * (longer, ending a sentence) or `OPEN` (longer, stopping mid-sentence: `…增长*%左右,一`).
 */
export function wrapShape(text: string, p: Paragraph): WrapShape {
  if (lengthAfterMarker(text, p) < 20) return WrapShape.SHORT;
  return endsSentence(text, p) ? WrapShape.CLOSED : WrapShape.OPEN;
}

/** See {@link wrapShape}. */
export const WrapShape = { SHORT: 0, CLOSED: 1, OPEN: 2 } as const;
/** See {@link wrapShape}. */
export type WrapShape = (typeof WrapShape)[keyof typeof WrapShape];

/** {@link isHardWrapped} from each paragraph's {@link wrapShape}. */
export function isHardWrappedByShapes(shapes: readonly WrapShape[]): boolean {
  let long = 0;
  let open = 0;
  for (const shape of shapes) {
    if (shape === WrapShape.SHORT) continue;
    long++;
    if (shape === WrapShape.OPEN) open++;
  }
  return open >= 3 && open * 10 >= long * 3;
}

/** `2.六镇镇2023年政府工作报告 31` — a contents line ending in a page number. */
export function isTableOfContentsLine(text: string, p: Paragraph): boolean {
  let i = p.end;
  while (i > p.start && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === p.end || p.end - i > 3) return false;
  const before = text.charCodeAt(i - 1);
  return isBlank(before) || before === 0x2026 /* … */ || before === 46 || before === 0x00b7;
}

/**
 * A short paragraph alone on its line that reads as a section title: `2022年工作回顾`,
 * `加强政府自身建设`, `结束语`. Not a salutation, a lead-in ending in `：`, page furniture or a date.
 */
export function isOwnLineTitle(s: string): boolean {
  if (s.length < 2 || s.length > MAX_TITLE_LENGTH) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x3002 /* 。 */) {
    if (s.length > 20) return false;
  } else if (isSentenceEnd(last) || last === 0xff0c || last === 44 || last === 0x3001) return false;
  for (let i = 0; i < s.length - 1; i++) if (isSentenceEnd(s.charCodeAt(i))) return false;
  if (isSalutation(s) || NOT_A_TITLE.test(s) || FRONT_MATTER.test(s)) return false;
  let commas = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0xff0c || s.charCodeAt(i) === 44) commas++;
  if (commas > 2) return false;
  if (/^\d{4}[-.年/]\d{1,2}/.test(s) || /\d{1,2}月\d{1,2}日$/.test(s)) return false;
  let cjk = 0;
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) cjk++;
  return cjk >= 2 && cjk * 2 >= s.length;
}
