/**
 * `halfwidth-punctuation`: half-width `, : ; ! ? ( )` in Chinese text, where GB/T 15834 wants the
 * full-width `，：；！？（）` (report-anatomy §6). Text pasted from web pages carries many.
 *
 * What a reader needs to hear decides the granularity:
 * - a **paragraph** whose punctuation is half-width throughout (at least two half-width marks and
 *   at least twice as many as full-width ones) in an otherwise full-width document is one finding,
 *   with the fix "convert this paragraph": `现在,我代表镇人民政府向大会报告工作,请予审议;` is one
 *   finding, not three;
 * - a **document** whose punctuation is half-width throughout (the half-width paragraphs hold at
 *   least 80% of its marks, see {@link HALF_WIDTH_DOCUMENT_SHARE}) is one finding for all of them,
 *   with the fix "convert all", so a scraped report gets one finding instead of hundreds;
 * - a half-width mark in an otherwise full-width paragraph (`…，全年完成投资,同比增长…`) is a
 *   typo and stays a finding of its own, with its own fix;
 * - but findings scattered so densely (more than one per {@link DENSE_CHARS} characters) are a
 *   habit of the whole text, and become one finding with "convert all".
 * "Fix all of this rule" (the code-action layer) converts everything, whatever the grouping.
 *
 * A mark is Chinese text's when a Chinese character (or Chinese punctuation) is next to it, on
 * either side; these stay as they are:
 * - marks between digits or Latin letters: `3,000`, `3:1`, `8:30`, `14 : 53`, `Hello, world`;
 * - marks inside URLs and e-mail addresses (`http://`, `?a=1`);
 * - brackets around Latin text: pinyin glosses `乡(xiāng)`, abbreviations `(GDP)` `(Wi-Fi)` `(PM2.5)`;
 * - brackets of numbering markers, `(一)` `(1)` `(①)`, anywhere: whether a marker should have
 *   full-width brackets is `numbering-format`'s business; so is the punctuation after a heading
 *   number (`一,`).
 *
 * A bracket pair is converted together when the text inside or either side of the pair is Chinese
 * (`(社区)`). A half-width space after a converted `, : ; ! ?` goes with it (full-width marks carry
 * their own space). The scan jumps from mark to mark with one regular expression.
 */
import type { ReportModel } from '../model';
import { memoOf } from '../pipeline';
import type { Finding, Fix, LocalizedText, Rule, TextEdit } from './rule';
import { partitionPoint } from '../partition-point';

const ID = 'halfwidth-punctuation';

/**
 * A document is half-width throughout when its half-width paragraphs hold at least this share of
 * all its marks (half- and full-width).
 */
export const HALF_WIDTH_DOCUMENT_SHARE = 0.8;

/**
 * Rule `halfwidth-punctuation` (hint): half-width `, : ; ! ? ( )` next to Chinese text — one finding
 * per half-width paragraph (or one for a half-width document), one per stray mark in full-width
 * text; every fix is safe. Numbers, Latin text, URLs and numbering markers are left alone.
 *
 * @example 全镇共有3个社区，12个村,5个居委会 → "半角“,”应为全角“，”"
 * @example 现在,我代表镇人民政府,向大会报告工作; → "本段标点多为半角（3 处），中文应用全角标点"
 */
export const halfwidthPunctuation: Rule = {
  id: ID,
  defaultSeverity: 'hint',
  title: { zh: '中文里的半角标点（, : ; ! ? ( )）应为全角', en: 'Half-width punctuation (, : ; ! ? ( )) in Chinese text should be full-width' },
  check(model: ReportModel): Finding[] {
    return group(model, scan(model), fullByLine(model));
  },
};

/**
 * Full-width marks that count for a paragraph's own style (a bracket pair counts once, at `（`):
 * 1 at the code units of `，：；！？（`, a table lookup per character, not a `Set` lookup.
 */
const FULL_WIDTH_MARKS = new Uint8Array(0x10000);
for (const c of '，：；！？（') FULL_WIDTH_MARKS[c.charCodeAt(0)] = 1;

/**
 * The half-width marks (or bracket pairs) to convert, before they become findings: a scraped report
 * has tens of thousands, so they are kept as columns of numbers (no object per mark), which the next
 * version copies, shifted, past an edit.
 */
class MarkList {
  /** Offset of each mark, or of `(` for a pair. */
  start: Int32Array;
  /** Just past the mark, or past `)` for a pair. */
  end: Int32Array;
  /** Where the mark's edit ends: past the half-width space a converted `,` takes along. */
  editEnd: Int32Array;
  /** The mark's code unit; `(` with `end - start > 1` is a pair. */
  code: Uint8Array;
  length = 0;

  /**
   * @param capacity marks room is made for at once: the columns live outside the JavaScript heap,
   * and regrowing them on every version made the collector run more often.
   */
  constructor(capacity = 64) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.editEnd = new Int32Array(capacity);
    this.code = new Uint8Array(capacity);
  }

  push(start: number, end: number, code: number, editEnd: number): void {
    if (this.length === this.start.length) this.grow(Math.max(64, this.length * 2));
    const k = this.length++;
    this.start[k] = start;
    this.end[k] = end;
    this.code[k] = code;
    this.editEnd[k] = editEnd;
  }

  /** Appends marks `from` ≤ k < `to` of `other`, moved by `delta` units. */
  pushFrom(other: MarkList, from: number, to: number, delta: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.length + n > this.start.length) this.grow(Math.max(this.length + n, this.length * 2));
    const at = this.length;
    this.code.set(other.code.subarray(from, to), at);
    if (delta === 0) {
      this.start.set(other.start.subarray(from, to), at);
      this.end.set(other.end.subarray(from, to), at);
      this.editEnd.set(other.editEnd.subarray(from, to), at);
    } else {
      for (let k = 0; k < n; k++) {
        this.start[at + k] = other.start[from + k] + delta;
        this.end[at + k] = other.end[from + k] + delta;
        this.editEnd[at + k] = other.editEnd[from + k] + delta;
      }
    }
    this.length += n;
  }

  /** Whether mark `k` is a bracket pair. */
  isPair(k: number): boolean {
    return this.code[k] === 40 && this.end[k] - this.start[k] > 1;
  }

  private grow(capacity: number): void {
    const start = new Int32Array(capacity);
    start.set(this.start.subarray(0, this.length));
    const end = new Int32Array(capacity);
    end.set(this.end.subarray(0, this.length));
    const editEnd = new Int32Array(capacity);
    editEnd.set(this.editEnd.subarray(0, this.length));
    const code = new Uint8Array(capacity);
    code.set(this.code.subarray(0, this.length));
    this.start = start;
    this.end = end;
    this.editEnd = editEnd;
    this.code = code;
  }
}

function group(model: ReportModel, marks: MarkList, fullCounts: Int32Array): Finding[] {
  if (marks.length < 2) return marks.length === 1 ? [toFinding(marks, 0)] : [];
  const text = model.text;
  const starts = marks.start;
  const lineStarts = model.lines.lineStarts;
  // A paragraph is one non-blank line, and a line with a mark is not blank: marks are grouped by
  // line, as index ranges into `marks`; both are in document order, so one walk does it.
  const lines = lineStarts.length;
  const from = new Int32Array(lines).fill(-1);
  const to = new Int32Array(lines);
  let li = 0;
  for (let m = 0; m < marks.length; m++) {
    while (li < lines - 1 && lineStarts[li + 1] <= starts[m]) li++;
    if (from[li] < 0) from[li] = m;
    to[li] = m + 1;
  }
  // 1 for a paragraph that is half-width throughout.
  const half = new Uint8Array(lines);
  let inHalfParagraphs = 0;
  let halfGroups = 0;
  for (let i = 0; i < lines; i++) {
    if (from[i] < 0) continue;
    const own = to[i] - from[i];
    // Past half its own half-width marks, a paragraph is not half-width: counting may stop there.
    const full = lineFull(text, lineStarts, fullCounts, i, (own >> 1) + 1);
    // One mark alone is half-width "throughout" only in a document that is (see below).
    if (own >= 2 * full && (own >= 2 || full === 0)) {
      half[i] = 1;
      inHalfParagraphs += own;
      if (own >= 2) halfGroups++;
    }
  }
  const wholeDocument = isHalfWidthDocument(text, lineStarts, fullCounts, marks.length, inHalfParagraphs);
  // How many findings there would be, before building any: past one per DENSE_CHARS characters the
  // marks are one habit, not many slips (a paragraph here, a stray comma there, in every paragraph).
  const count = wholeDocument ? 1 + marks.length - inHalfParagraphs : halfGroups + marks.length - inHalfParagraphsOfGroups(from, to, half);
  if (count > 3 && count * DENSE_CHARS > text.length) return [groupFinding(starts[0], marks.end[0], marks, 0, marks.length, undefined, SCATTERED_TEXTS)];
  // In document order, paragraph by paragraph: a paragraph's group finding stands at its first mark.
  const out: Finding[] = [];
  if (wholeDocument) {
    const all = new Int32Array(inHalfParagraphs);
    let n = 0;
    let at = -1;
    for (let i = 0; i < lines; i++) {
      if (from[i] < 0) continue;
      if (half[i]) {
        if (at < 0) at = out.length;
        for (let m = from[i]; m < to[i]; m++) all[n++] = m;
      } else for (let m = from[i]; m < to[i]; m++) out.push(toFinding(marks, m));
    }
    // On the first mark only: a span over the whole text would underline all of it in some editors.
    out.splice(at, 0, groupFinding(starts[all[0]], marks.end[all[0]], marks, 0, n, all, DOCUMENT_TEXTS));
    return out;
  }
  for (let i = 0; i < lines; i++) {
    if (from[i] < 0) continue;
    if (half[i] && to[i] - from[i] >= 2) out.push(groupFinding(starts[from[i]], marks.end[to[i] - 1], marks, from[i], to[i], undefined, PARAGRAPH_TEXTS));
    else for (let m = from[i]; m < to[i]; m++) out.push(toFinding(marks, m));
  }
  return out;
}

/** How many marks the half-width paragraphs of two or more marks hold (those a paragraph finding takes). */
function inHalfParagraphsOfGroups(from: Int32Array, to: Int32Array, half: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < half.length; i++) if (half[i] && to[i] - from[i] >= 2) n += to[i] - from[i];
  return n;
}

/**
 * At most one finding per this many characters before the document's marks become one finding
 * (half the audit's limit of one per 200 characters, for headroom).
 */
const DENSE_CHARS = 400;

/** Where the memo keeps the full-width mark counts of each line. */
const FULL_KEY = `${ID}:full`;

/** What the memo keeps: the full-width marks of each line, with the line starts they were counted on. */
interface KeptCounts {
  lineStarts: readonly number[];
  counts: Int32Array;
}

/**
 * The full-width marks `，：；！？（` of each line (a bracket pair counts once, at `（`), -1 for a line
 * not counted yet: {@link lineFull} counts a line when grouping first needs it, which in a
 * full-width document is only the lines with half-width marks. A line's count reads only the line,
 * so after an edit the lines outside the changed ones keep the previous version's counts (from the
 * memo); the changed lines are counted again when needed.
 */
function fullByLine(model: ReportModel): Int32Array {
  const { text, lines } = model;
  const starts = lines.lineStarts;
  const count = starts.length;
  const memo = memoOf(model);
  const earlier = memo?.earlier<KeptCounts>(FULL_KEY);
  let counts: Int32Array | undefined;
  if (earlier && earlier.text === text && earlier.value.counts.length === count) counts = earlier.value.counts;
  else if (earlier) {
    const range = memo!.changedSince(earlier.text, 0, 0);
    const old = earlier.value;
    if (range) {
      const firstChanged = partitionPoint(starts, (s) => s < range.start);
      const firstAfter = partitionPoint(starts, (s) => s < range.end);
      const oldFirstAfter = partitionPoint(old.lineStarts, (s) => s < range.oldEnd);
      // The lines after the change must be the same lines in both versions.
      if (count - firstAfter === old.counts.length - oldFirstAfter && old.lineStarts[firstChanged] === starts[firstChanged]) {
        counts = new Int32Array(count);
        counts.set(old.counts.subarray(0, firstChanged));
        counts.fill(-1, firstChanged, firstAfter);
        counts.set(old.counts.subarray(oldFirstAfter), firstAfter);
      }
    }
  }
  counts ??= new Int32Array(count).fill(-1);
  memo?.keep<KeptCounts>(FULL_KEY, { lineStarts: starts, counts });
  return counts;
}

/**
 * The full-width marks of line `l`, or any number at least `enough` when the line has that many
 * (counting stops there: a paragraph with more full-width marks than half its half-width ones is
 * not half-width, however many more). Counts are kept in `counts` (see {@link fullByLine}): -1 for
 * a line not counted, `-2 - n` for a line known to hold at least `n`.
 */
function lineFull(text: string, starts: readonly number[], counts: Int32Array, l: number, enough = Infinity): number {
  const known = counts[l];
  if (known >= 0) return known;
  if (known <= -2 && -2 - known >= enough) return -2 - known;
  const to = l + 1 < starts.length ? starts[l + 1] : text.length;
  let n = 0;
  // A plain loop over the line's units, a table lookup per unit: no search running past the line.
  for (let i = starts[l]; i < to; i++) {
    n += FULL_WIDTH_MARKS[text.charCodeAt(i)];
    if (n >= enough) {
      counts[l] = -2 - n;
      return n;
    }
  }
  return (counts[l] = n);
}

/**
 * Whether the document's half-width paragraphs hold at least {@link HALF_WIDTH_DOCUMENT_SHARE} of all
 * its marks. The lines not counted yet are counted only while the answer may still be yes: in a
 * full-width document the counts known already say no.
 */
function isHalfWidthDocument(text: string, starts: readonly number[], counts: Int32Array, halfMarks: number, inHalfParagraphs: number): boolean {
  // At least this many full-width marks: the exact counts, and what the lines counted part-way hold at least.
  let total = 0;
  for (let l = 0; l < counts.length; l++) total += counts[l] >= 0 ? counts[l] : counts[l] <= -2 ? -2 - counts[l] : 0;
  if (inHalfParagraphs < HALF_WIDTH_DOCUMENT_SHARE * (halfMarks + total)) return false;
  for (let l = 0; l < counts.length; l++) {
    const known = counts[l];
    if (known >= 0) continue;
    total += lineFull(text, starts, counts, l) - (known <= -2 ? -2 - known : 0);
    if (inHalfParagraphs < HALF_WIDTH_DOCUMENT_SHARE * (halfMarks + total)) return false;
  }
  return true;
}

interface GroupTexts {
  message(n: number): LocalizedText;
  title(n: number): LocalizedText;
}

const PARAGRAPH_TEXTS: GroupTexts = {
  message: (n) => ({
    zh: `本段标点多为半角（${n} 处），中文应用全角“，：；！？（）”`,
    en: `This paragraph's punctuation is half-width (${n} marks); Chinese text uses full-width "，：；！？（）"`,
  }),
  title: (n) => ({ zh: `本段改为全角标点（${n} 处）`, en: `Convert this paragraph to full-width punctuation (${n})` }),
};

const DOCUMENT_TEXTS: GroupTexts = {
  message: (n) => ({
    zh: `全文标点多为半角（${n} 处），中文应用全角“，：；！？（）”`,
    en: `This document's punctuation is half-width throughout (${n} marks); Chinese text uses full-width "，：；！？（）"`,
  }),
  title: (n) => ({ zh: `全文改为全角标点（${n} 处）`, en: `Convert all to full-width punctuation (${n})` }),
};

const SCATTERED_TEXTS: GroupTexts = {
  message: (n) => ({
    zh: `本文多处使用半角标点（${n} 处），中文应用全角“，：；！？（）”`,
    en: `Half-width punctuation throughout this document (${n} marks); Chinese text uses full-width "，：；！？（）"`,
  }),
  title: (n) => ({ zh: `全文改为全角标点（${n} 处）`, en: `Convert all to full-width punctuation (${n})` }),
};

/**
 * One finding for many marks, on the span from the first to the last, with one fix converting them
 * all: marks `from` ≤ k < `to` of `marks`, or of `pick` (indices into `marks`) when given.
 */
function groupFinding(start: number, end: number, marks: MarkList, from: number, to: number, pick: Int32Array | undefined, texts: GroupTexts): Finding {
  const n = to - from;
  return new MarkFinding(start, end, texts.message(n), texts.title(n), marks, from, to, pick, { marks: n });
}

/**
 * A finding whose fix is built when first read: a scraped report has tens of thousands of marks,
 * and a fix (with its edits) for each, built on every version, was most of this rule's garbage,
 * while a light bulb asks for the fixes of one or two. `toJSON` writes the fixes as a plain
 * finding would; a spread copy (`{ ...finding }`) would lose them, so copy with `fixes` named.
 *
 * @example toFinding(marks, 0).fixes // [{ title: { zh: '改为“，”', … }, edits: [{ start: 12, end: 13, newText: '，' }], safe: true, preferred: true }]
 */
class MarkFinding implements Finding {
  readonly ruleId = ID;
  severity?: Finding['severity'];
  private built?: Fix[];

  constructor(
    readonly start: number,
    readonly end: number,
    readonly message: LocalizedText,
    private readonly title: LocalizedText,
    private readonly marks: MarkList,
    private readonly from: number,
    private readonly to: number,
    private readonly pick: Int32Array | undefined,
    readonly data?: Record<string, unknown>,
  ) {}

  get fixes(): Fix[] {
    if (!this.built) {
      const edits: TextEdit[] = [];
      for (let k = this.from; k < this.to; k++) pushEdits(this.marks, this.pick ? this.pick[k] : k, edits);
      this.built = [{ title: this.title, edits, safe: true, preferred: true }];
    }
    return this.built;
  }

  toJSON(): Finding {
    return { ruleId: this.ruleId, start: this.start, end: this.end, message: this.message, fixes: this.fixes, ...(this.data ? { data: this.data } : {}), ...(this.severity ? { severity: this.severity } : {}) };
  }
}

const FULL: Record<number, string> = { 44: '，', 58: '：', 59: '；', 33: '！', 63: '？', 40: '（', 41: '）' };

interface Texts {
  message: LocalizedText;
  title: LocalizedText;
}

const TEXTS = new Map<number, Texts>();
for (const [code, full] of Object.entries(FULL)) {
  const half = String.fromCharCode(Number(code));
  TEXTS.set(Number(code), {
    message: { zh: `半角“${half}”应为全角“${full}”`, en: `Half-width "${half}" in Chinese text; use "${full}"` },
    title: { zh: `改为“${full}”`, en: `Change to "${full}"` },
  });
}
const PAIR_TEXTS: Texts = {
  message: { zh: '半角括号“( )”应为全角“（ ）”', en: 'Half-width brackets "( )" in Chinese text; use "（ ）"' },
  title: { zh: '改为“（ ）”', en: 'Change to "（ ）"' },
};

/** Chinese context: CJK ideographs, CJK and full-width punctuation, Chinese quotes and dashes. */
function isChinese(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3001 && c <= 0x303f) || // 、。〈〉《》「」『』【】〔〕… (not U+3000, a space)
    (c >= 0xff01 && c <= 0xff0f) || // ！＂＃…／
    (c >= 0xff1a && c <= 0xff20) || // ：；＜＝＞？＠
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201d) || // ‘ ’ “ ”
    c === 0x2014 || // —
    c === 0x2026 || // …
    c === 0x00b7 || // ·
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd840 && c <= 0xd87f) // high surrogates of the supplementary ideographs
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLatinOrDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isInlineSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Chinese numerals of bracketed markers (`（十二）`, `(〇)`), and of heading numbers (`一,`): tables, not a string search per unit. */
const CN_MARKER_NUMERAL = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十〇零两') CN_MARKER_NUMERAL[c.charCodeAt(0)] = 1;
const CN_HEADING_NUMERAL = new Uint8Array(0x10000);
for (const c of '一二三四五六七八九十') CN_HEADING_NUMERAL[c.charCodeAt(0)] = 1;
/** Punctuation a Latin gloss may hold: `Wi-Fi`, `PM2.5`, `R&D`. */
const GLOSS_PUNCTUATION = new Uint8Array(0x10000);
for (const c of " -._/&+'") GLOSS_PUNCTUATION[c.charCodeAt(0)] = 1;

/** Numbering content inside brackets: `一` … `十二`, `1` … `99`, `①`, `a`. */
function isMarkerContent(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n <= 0 || n > 3) return false;
  let digits = 0;
  let cn = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c >= 0xff10 && c <= 0xff19)) digits++;
    else if (CN_MARKER_NUMERAL[c] === 1) cn++;
    else if (c >= 0x2460 && c <= 0x2473) return n === 1;
    else if (((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && n === 1) return true;
    else return false;
  }
  return (digits > 0 && cn === 0 && digits <= 2) || (cn > 0 && digits === 0);
}

/** Whether `i` lies in a URL or e-mail address: a run of non-space ASCII holding `://`, `www.` or `@`. */
function inUrl(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && isUrlUnit(text.charCodeAt(s - 1))) s--;
  if (s === i) return false; // `网址:http://…`: the mark starts the token, it is not inside the address
  let e = i + 1;
  while (e < text.length && isUrlUnit(text.charCodeAt(e))) e++;
  if (e - s < 6) return false;
  const token = text.slice(s, e);
  return /:\/\/|www\.|\w@\w/i.test(token);
}

/**
 * Whether the text inside a bracket pair is Latin: a pinyin gloss `xiāng`, an abbreviation `GDP`
 * `Wi-Fi` `PM2.5`: letters (with tone marks), digits, spaces and `-._/&+'`, at least one letter.
 */
function isLatinGloss(text: string, from: number, to: number): boolean {
  let letters = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) letters++;
    else if (!(isDigit(c) || (c >= 0x300 && c <= 0x36f) || GLOSS_PUNCTUATION[c] === 1)) return false;
  }
  return letters > 0;
}

function isUrlUnit(c: number): boolean {
  return c > 32 && c < 127;
}

const MAX_PAIR_SPAN = 200;

/**
 * The marks of a model's text: those of the lines an edit did not touch come from the previous
 * version's memo (see `incremental.ts`), shifted; only the changed lines are scanned. A mark's
 * tests read its own line and at most 4 units past either end (a mixed marker `(一）`), so a
 * margin of 8 units and one line on each side keeps every kept mark's reading in unchanged text.
 */
function scan(model: ReportModel): MarkList {
  const text = model.text;
  const memo = memoOf(model);
  const earlier = memo?.earlier<MarkList>(ID);
  let raw: MarkList;
  if (earlier && earlier.text === text) raw = earlier.value;
  else if (earlier) {
    const range = memo!.changedSince(earlier.text, 8, 1)!;
    const previous = earlier.value;
    // Room for the kept marks and as many again as the changed lines hold: one set of columns.
    raw = new MarkList(previous.length + 64 + Math.min(range.end - range.start, 1 << 16));
    let k = 0;
    while (k < previous.length && previous.start[k] < range.start) k++;
    raw.pushFrom(previous, 0, k, 0);
    scanRange(text, range.start, range.end, raw);
    while (k < previous.length && previous.start[k] < range.oldEnd) k++;
    raw.pushFrom(previous, k, previous.length, range.delta);
  } else {
    raw = new MarkList();
    scanRange(text, 0, text.length, raw);
  }
  memo?.keep(ID, raw);
  return withoutMarkerMarks(model, raw);
}

/**
 * The marks without the punctuation of headings' markers (`一,`): numbering's business. Headings are
 * a document-level judgement, so this filter runs on every version.
 */
function withoutMarkerMarks(model: ReportModel, raw: MarkList): MarkList {
  const ends: number[] = [];
  for (const h of model.headings) if (h.marker) ends.push(h.marker.end);
  if (ends.length === 0) return raw;
  for (let i = 1; i < ends.length; i++) {
    if (ends[i] < ends[i - 1]) {
      ends.sort((a, b) => a - b);
      break;
    }
  }
  // Marks and marker ends are both in document order: one walk over the two.
  let e = 0;
  let kept: MarkList | undefined;
  for (let k = 0; k < raw.length; k++) {
    const code = raw.code[k];
    const at = raw.start[k] + 1;
    while (e < ends.length && ends[e] < at) e++;
    const drop = code !== 40 && code !== 41 && e < ends.length && ends[e] === at;
    if (drop && !kept) {
      kept = new MarkList(raw.length);
      kept.pushFrom(raw, 0, k, 0);
    } else if (!drop && kept) kept.push(raw.start[k], raw.end[k], code, raw.editEnd[k]);
  }
  return kept ?? raw;
}

/** The half-width marks to look at, as a search and as a table. */
const HALF_MARKS = /[,:;!?()]/g;
const IS_HALF_MARK = new Uint8Array(0x10000);
for (const c of ',:;!?()') IS_HALF_MARK[c.charCodeAt(0)] = 1;

/** Appends the marks at offsets `from` ≤ i < `to` (line starts, or the text's ends) to `out`, in order. */
function scanRange(text: string, from: number, to: number, out: MarkList): void {
  let lastClose = -1;
  if (to < text.length) {
    // The lines of an edit: a search would run on past them to the next mark, however far.
    for (let i = from; i < to; i++) if (IS_HALF_MARK[text.charCodeAt(i)] === 1) lastClose = markOf(text, i, lastClose, out);
    return;
  }
  // `test` rather than `exec`: the search runs natively, and a match ends at `lastIndex` with no match array made.
  HALF_MARKS.lastIndex = from;
  while (HALF_MARKS.test(text)) {
    const i = HALF_MARKS.lastIndex - 1;
    if (i >= to) break;
    lastClose = markOf(text, i, lastClose, out);
    HALF_MARKS.lastIndex = i + 1;
  }
}

/**
 * Appends the mark at `i` (a half-width `,:;!?()`) to `out` if it is Chinese text's; a pair is
 * appended at its `(`. `lastClose` is the `)` of the last pair found, which is not a mark of its
 * own; returns it, or the new one.
 */
function markOf(text: string, i: number, lastClose: number, out: MarkList): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 40) {
    const close = matchingClose(text, i);
    if (close >= 0) {
      lastClose = close;
      if (isMarkerContent(text, i + 1, close) || isLatinGloss(text, i + 1, close)) return lastClose;
      const before = prevUnit(text, i);
      const after = close + 1 < n ? text.charCodeAt(close + 1) : -1;
      if (isChinese(before) || isChinese(after) || hasChinese(text, i + 1, close)) out.push(i, close + 1, 40, close + 1);
      return lastClose;
    }
    // A lone `(`, as in a mixed `(一）`.
    if (isMixedMarker(text, i, 1)) return lastClose;
    if (isChinese(prevUnit(text, i)) || isChinese(i + 1 < n ? text.charCodeAt(i + 1) : -1)) markAt(text, i, c, false, out);
    return lastClose;
  }
  if (c === 41) {
    if (lastClose === i || isMixedMarker(text, i, -1)) return lastClose;
    if (isChinese(prevUnit(text, i)) || isChinese(i + 1 < n ? text.charCodeAt(i + 1) : -1)) markAt(text, i, c, false, out);
    return lastClose;
  }
  // , : ; ! ?
  if (c === 44 && isNumberAtLineStart(text, i)) return lastClose; // `一,` `1,` as a heading number: numbering-format's business
  let j = i + 1;
  while (j < n && isInlineSpace(text.charCodeAt(j))) j++;
  const next = j < n ? text.charCodeAt(j) : -1;
  let k = i - 1;
  while (k >= 0 && isInlineSpace(text.charCodeAt(k))) k--;
  const prev = k >= 0 ? text.charCodeAt(k) : -1;
  if (isLatinOrDigit(prev) && isLatinOrDigit(next)) return lastClose; // 3,000  12:00  14 : 53  a, b
  let chinese = isChinese(prev) || isChinese(next);
  if (!chinese && !isLatinOrDigit(next)) {
    // The end of a Chinese clause after a number or an abbreviation: `增长18.7%;` `(IOC);`
    let b = k;
    while (b >= 0 && k - b < 40 && isAsciiWordUnit(text.charCodeAt(b))) b--;
    chinese = b >= 0 && b < k && isChinese(text.charCodeAt(b));
  }
  if (!chinese) return lastClose;
  if ((c === 58 || c === 63) && inUrl(text, i)) return lastClose;
  if (c === 44 && prevUnit(text, i) === 44) return lastClose; // `,,` junk, leave it
  markAt(text, i, c, isChinese(next) || next === -1 || next === 10 || next === 13, out);
  return lastClose;
}

/** Whether `text[i]` follows a number alone at the start of a line (`一,` `12,`), blanks allowed before it. */
function isNumberAtLineStart(text: string, i: number): boolean {
  let k = i - 1;
  let digits = 0;
  while (k >= 0 && digits <= 3) {
    const c = text.charCodeAt(k);
    if (!(isDigit(c) || CN_HEADING_NUMERAL[c] === 1)) break;
    digits++;
    k--;
  }
  if (digits === 0 || digits > 3) return false;
  while (k >= 0 && (isInlineSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 0x3000 || text.charCodeAt(k) === 0xfeff)) k--;
  return k < 0 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13;
}

/** Units of an ASCII word, number or abbreviation a Chinese clause may end with: `18.7%`, `IOC)`, `5G`. */
function isAsciiWordUnit(c: number): boolean {
  return isLatinOrDigit(c) || c === 46 || c === 37 || c === 40 || c === 41 || c === 93 || c === 34 || c === 39 || c === 43 || c === 45 || c === 95 || c === 47;
}

/**
 * Whether a lone bracket belongs to a mixed-width marker: `(一）` for `(` (direction 1), `（一)`
 * for `)` (direction -1).
 */
function isMixedMarker(text: string, i: number, direction: 1 | -1): boolean {
  for (let len = 1; len <= 3; len++) {
    const other = i + direction * (len + 1);
    if (other < 0 || other >= text.length) return false;
    const c = text.charCodeAt(other);
    if (c === (direction === 1 ? 0xff09 : 0xff08)) {
      const from = direction === 1 ? i + 1 : other + 1;
      return isMarkerContent(text, from, from + len);
    }
  }
  return false;
}

function prevUnit(text: string, i: number): number {
  return i > 0 ? text.charCodeAt(i - 1) : -1;
}

function hasChinese(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isChinese(text.charCodeAt(i))) return true;
  return false;
}

/** The `)` closing the `(` at `open` on the same line, with no `(` or `（` in between; -1 if none. */
function matchingClose(text: string, open: number): number {
  const limit = Math.min(text.length, open + MAX_PAIR_SPAN);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 41) return i;
    if (c === 40 || c === 10 || c === 13 || c === 0xff08 || c === 0xff09) return -1;
  }
  return -1;
}

function markAt(text: string, i: number, c: number, takeSpace: boolean, out: MarkList): void {
  let end = i + 1;
  if (takeSpace && c !== 40 && c !== 41) while (end < text.length && isInlineSpace(text.charCodeAt(end))) end++;
  out.push(i, i + 1, c, end);
}

/** The edits converting mark `k` (two for a pair). */
function pushEdits(marks: MarkList, k: number, edits: TextEdit[]): void {
  const start = marks.start[k];
  const end = marks.end[k];
  if (marks.isPair(k)) edits.push({ start, end: start + 1, newText: '（' }, { start: end - 1, end, newText: '）' });
  else edits.push({ start, end: marks.editEnd[k], newText: FULL[marks.code[k]] });
}

/** Mark `k` as a finding of its own, with its own safe fix. */
function toFinding(marks: MarkList, k: number): Finding {
  const texts = marks.isPair(k) ? PAIR_TEXTS : TEXTS.get(marks.code[k])!;
  return new MarkFinding(marks.start[k], marks.end[k], texts.message, texts.title, marks, k, k + 1, undefined);
}
