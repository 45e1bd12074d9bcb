/**
 * `web-residue`: site furniture and metadata pasted with a template from a web page
 * (report-anatomy §5): `添加…到电脑桌面`, `VIP专享`, `【打印本页】 【关闭窗口】`, `联系客服`, `回到顶部`,
 * `您可能关注的文档`, `如遇无法支付…`, navigation (`当前位置：首页 > …`, `首页 >> …`), a government
 * site's metadata block (`索引号` `组配分类` `发布机构` `成文日期` `公开方式` `发布日期` `浏览次数`
 * `字体：[ ]`), `•` bullets, `小编为大家整理…` and the like, the `范文` of a sample-essay site's headline
 * (`2024年乡镇工作总结范文（精选3篇）`), with the lone page numbers, dates and codes standing among them.
 *
 * A hidden-text notice (`---此处隐藏3934字，下载后查看---`) is an `error`: part of the document is
 * missing there.
 *
 * Lines made of residue are grouped into blocks (blank lines and short value lines in between
 * included); one finding per block, whose fix removes the block's whole lines with their line
 * breaks, and the blank lines after it (safe). Residue inside a line of real text (flattened text)
 * is reported and removed on its own.
 */
import { shorten } from '../chars';
import type { ReportModel } from '../model';
import { memoOf } from '../pipeline';
import type { Finding, LocalizedText, Rule } from './rule';
import { partitionPoint } from '../partition-point';

const ID = 'web-residue';

/**
 * Rule `web-residue` (warning; `error` by default for a `此处隐藏…字` notice): web-page furniture and
 * metadata pasted with a template, one finding per block of residue lines, with a safe fix removing them.
 *
 * @example 【打印本页】 【关闭窗口】 → "网页残留：“【打印本页】 【关闭窗口】”"
 */
export const webResidue: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  title: { zh: '网页残留（网站栏目、元数据、“此处隐藏…字”等）', en: 'Web page residue (site furniture, metadata, "hidden text" notices)' },
  check(model: ReportModel): Finding[] {
    // Copies: `runRules` rates findings in place, and the found ones are shared (see `residueOf`).
    return residueOf(model).map((f) => ({ ...f }));
  },
};

const found = new WeakMap<ReportModel, readonly Finding[]>();

/**
 * The web residue of a model, found once per model: numbering reads it too (numbered lines inside
 * residue are not the report's numbering), and finding it twice was a tenth of an analysis.
 *
 * @example residueOf(buildReportModel('【返回顶部】\n一、回顾')).length // 1
 */
export function residueOf(model: ReportModel): readonly Finding[] {
  let residue = found.get(model);
  if (!residue) {
    residue = findResidue(model);
    found.set(model, residue);
  }
  return residue;
}

// ---------------------------------------------------------------------------------------------
// Patterns

/** Spaces that may sit between the characters of a metadata key (`索 引 号`). */
const SP = '[ \\t\\u3000]*';
const key = (word: string): string => Array.from(word).join(SP);

/** Metadata keys of government and document sites. */
const META_KEYS = ['索引号', '组配分类', '发布机构', '成文日期', '公开方式', '发布日期', '发布时间', '浏览次数', '访问量', '点击数', '信息来源', '主题分类',
  '体裁分类', '发文字号', '发文机关', '有效性', '公开时限', '生效日期', '废止日期', '所属机构', '文章来源', '责任编辑', '字体', '字号', '分享到', '公文目录'];

/** A line that starts with a metadata key followed by `:` `：` `]` `】` `|`, after bullets or brackets. */
const META_LINE = new RegExp(`^[•·\\s\\[【|]*(?:${META_KEYS.map(key).join('|')})${SP}[:：\\]】|]`);

/** Navigation: `当前位置：首页 > 信息公开 > …`, `首页 >> 公开信息内容`, `您现在的位置：…`. */
const NAV_LINE = /^(?:(?:当前位置|您现在的位置|您的位置|所在位置)[ \t\u3000]*[:：]|首页[ \t\u3000]*(?:>>|>|»|›|＞|\/|-)[ \t\u3000]*\S)/;

/** The hidden-text notice of document-sharing sites. */
const HIDDEN = /[-—─]*[ \t\u3000]*此处隐藏[:：]?[ \t\u3000]*\d*[ \t\u3000]*字(?:[，,、 \t\u3000]*(?:请|可)?(?:下载后查看|下载查看|下载后阅读|下载即可查看|下载阅读全文|下载查看全文))?[ \t\u3000]*[-—─]*/g;

/** Furniture phrases, found anywhere in a line. */
const FURNITURE = new RegExp(
  [
    '添加[^\\n\\r]{0,20}?到电脑桌面',
    '收藏本站',
    '设为首页',
    'VIP专享',
    'VIP免费',
    '【打印本页】',
    '【关闭窗口】',
    '【打印此页】',
    '【大[ \\t\\u3000]*中[ \\t\\u3000]*小】',
    '\\[[ \\t\\u3000]*打印[ \\t\\u3000]*\\]',
    '\\[[ \\t\\u3000]*关闭[ \\t\\u3000]*\\]',
    '打印本页',
    '关闭窗口',
    '联系客服',
    '在线客服',
    '回到顶部',
    '返回顶部',
    '您可能关注的文档',
    '相关推荐',
    '猜你喜欢',
    '如遇无法支付[^\\n\\r]{0,60}',
    '下载后查看',
    '(?:点击|立即|免费)下载(?:本文|全文|文档)?',
    '下载(?:本|此)文档',
    '扫一扫(?:在手机)?(?:打开|分享)?(?:当前页)?',
    '无障碍浏览',
    '长者模式',
    '上一篇[:：]',
    '下一篇[:：]',
    '(?:下面|以下)是小编[^\\n\\r]{0,60}?(?:参考|阅读|借鉴|帮助)[。！!]?',
    '小编为(?:大家|您)[^\\n\\r]{0,60}?(?:参考|阅读|借鉴|帮助)[。！!]?',
    '希望(?:对|能对)(?:大家|您)有所?帮助[。！!]?',
    '欢迎(?:阅读|下载|收藏)[。！!]?',
    '本文(?:来源|来自)[:：][^\\n\\r]{0,40}',
    // A sample-essay site's headline: `…工作总结范文（精选3篇）`; the report's own title never says 范文.
    '(?<=(?:总结|總結|报告|報告|计划|計劃|計畫|要点|要點|讲话|講話|发言|發言|述职|述職|汇报|匯報))[范範]文(?:大全|精选|精選)?(?:[（(][^)）\\n\\r]{0,8}篇[)）])?',
  ].join('|'),
  'g',
);

/** A metadata or furniture block may hold these short lines: values, dates, codes, page numbers. */
const WEAK_LINE = /^(?:[•·][^\n\r]{0,40}|\d{1,4}|第?\s*\d{1,4}\s*页|-\s*\d{1,4}\s*-|[0-9０-９]{4}\s*[-/.年]\s*[0-9０-９]{1,2}\s*[-/.月]\s*[0-9０-９]{1,2}\s*日?(?:\s+\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?)?|[0-9A-Za-z\-_/.]{6,60}|(?:https?:\/\/|www\.)\S+|\[\s*\]|\|)$/;

/** Title keywords: a line holding one is never swallowed into a block as a "value". */
const TITLE_WORDS = /报告|報告|总结|總結|计划|計劃|計畫|要点|要點|思路|安排|打算|方向|述职|述職/;

/** Lines longer than this are text, not furniture, even with a furniture phrase in them. */
const FURNITURE_LINE_MAX = 120;

// ---------------------------------------------------------------------------------------------
// Lines

type LineClass = 'blank' | 'strong' | 'weak' | 'short' | 'text';

interface Piece {
  start: number;
  end: number;
  hidden: boolean;
}

interface LineInfo {
  cls: LineClass;
  /** Residue spans inside the line (for strong lines and text lines with residue). */
  pieces: Piece[];
  /** Content start and end (trimmed). */
  start: number;
  end: number;
}

function isBlankUnit(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/** Whether what is left of a line once its residue is cut out is only noise (digits, punctuation, short values). */
function restIsNoise(rest: string): boolean {
  if (/[。；;！!？?]/.test(rest)) return false;
  const t = rest.replace(/[\s\u3000•·|[\]【】:：,，.\-—>/»›＞()（）]+/g, '');
  if (t.length <= 8) return true; // `VIP专享文档`, `联系客服 400-000`
  return /^[0-9０-９:：\-/.年月日]+$/.test(t);
}

/**
 * The furniture patterns, tried only where one may start (sticky): a search through a 10 MB line of
 * flattened text was a sixth of its analysis, and an alternation tried at every unit of every line
 * a tenth of an analysis as lines.
 */
const FURNITURE_AT = new RegExp(FURNITURE.source, 'y');

/**
 * The first two code units every furniture pattern starts with (`添加…到电脑桌面` → `添加`, `[范範]文`
 * → `范文` `範文`, `[ 打印 ]` → `[` and a blank, `打` or `关`), and `此处`, which opens a hidden-text
 * notice (`此处隐藏`): the patterns are tried only after one of these pairs, since a first unit
 * alone is too common a character (`下`, `本`, `相`) to try them after each.
 */
const STARTS: ReadonlyArray<readonly [firsts: string, seconds: string]> = [
  ['添', '加'], ['收', '藏'], ['设', '为'], ['V', 'I'], ['【', '打关大'], ['[', ' \t\u3000打关'], ['打', '印'], ['关', '闭'], ['联', '系'],
  ['在', '线'], ['回', '到'], ['返', '回'], ['您', '可'], ['相', '关'], ['猜', '你'], ['如', '遇'], ['下', '载一面'], ['点', '击'],
  ['立', '即'], ['免', '费'], ['扫上', '一'], ['无', '障'], ['长', '者'], ['以', '下'], ['小', '编'], ['希', '望'], ['欢', '迎'],
  ['本范範', '文'], ['此', '处'],
];
/** The group of {@link STARTS} a first unit belongs to (0: none), and the groups a second unit completes, as bits. */
const FIRST = new Uint8Array(0x10000);
const SECOND = new Uint32Array(0x10000);
STARTS.forEach(([firsts, seconds], g) => {
  for (const c of firsts) FIRST[c.charCodeAt(0)] = g + 1;
  for (const c of seconds) SECOND[c.charCodeAt(0)] |= 1 << g;
});
/** 1 at every unit of a pair of {@link STARTS}, first or second. */
const IN_A_PAIR = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) IN_A_PAIR[c] = FIRST[c] !== 0 || SECOND[c] !== 0 ? 1 : 0;
/** The group of `此处`. */
const HIDDEN_GROUP = STARTS.length;

/**
 * The residue pieces of `text[start, end)` (`line` is that text): hidden-text notices, then the
 * furniture phrases that do not overlap one, in order. The same as a global search of the line
 * with {@link HIDDEN} and {@link FURNITURE}, trying the patterns only after a first and second
 * unit that one of them starts with.
 */
function piecesOf(text: string, start: number, end: number): Piece[] {
  let furniture: Piece[] | undefined;
  let hidden = false;
  // The earliest place a pattern may start: past the last furniture found.
  let from = start;
  // A pair's units sit one at an odd and one at an even offset: every other unit is looked at, and
  // the pairs on either side of it only when it may belong to one (half the lookups on plain text).
  for (let k = start + 1; k < end; k += 2) {
    if (IN_A_PAIR[text.charCodeAt(k)] === 0) continue;
    for (let i = k - 1 < from ? from : k - 1; i <= k && i + 1 < end; i++) {
      const group = FIRST[text.charCodeAt(i)];
      if (group === 0 || (SECOND[text.charCodeAt(i + 1)] & (1 << (group - 1))) === 0) continue;
      if (group === HIDDEN_GROUP) {
        hidden = true;
        continue;
      }
      // `test` rather than `exec`: a sticky match ends at `lastIndex`, and no match array is made.
      FURNITURE_AT.lastIndex = i;
      let matchEnd = FURNITURE_AT.test(text) ? FURNITURE_AT.lastIndex : -1;
      if (matchEnd > end) {
        // Past the line's trimmed end (`如遇无法支付…` takes blanks along): what the line alone holds there.
        FURNITURE_AT.lastIndex = i - start;
        matchEnd = FURNITURE_AT.test(text.slice(start, end)) ? start + FURNITURE_AT.lastIndex : -1;
      }
      if (matchEnd < 0) continue;
      (furniture ??= []).push({ start: i, end: matchEnd, hidden: false });
      from = matchEnd;
      break;
    }
  }
  if (!hidden) return furniture ?? NO_PIECES;
  const pieces: Piece[] = [];
  const line = text.slice(start, end);
  HIDDEN.lastIndex = 0;
  for (let m = HIDDEN.exec(line); m; m = HIDDEN.exec(line)) {
    if (m[0].length === 0) {
      HIDDEN.lastIndex++;
      continue;
    }
    pieces.push({ start: start + m.index, end: start + m.index + m[0].length, hidden: true });
  }
  for (const f of furniture ?? []) if (!pieces.some((p) => p.start < f.end && f.start < p.end)) pieces.push(f);
  return pieces.length > 1 ? pieces.sort((a, b) => a.start - b.start) : pieces;
}

/** The pieces of a line without residue, shared: most lines have none. */
const NO_PIECES: Piece[] = [];

/** Units that may open a metadata line (`索引号：`) or a navigation line (`当前位置：`, `首页 > `), after the bullets and brackets {@link META_LINE} allows. */
const META_FIRST = new Uint8Array(0x10000);
for (const k of META_KEYS) META_FIRST[k.charCodeAt(0)] = 1;
const NAV_FIRST = new Uint8Array(0x10000);
for (const c of '当您所首') NAV_FIRST[c.charCodeAt(0)] = 1;

/** Whether `c` is in `\s` of a regular expression (no `u` flag). */
function isRegExpSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a line may be a metadata or navigation line: what {@link META_LINE} and {@link NAV_LINE} need at its start, before running them. */
function mayBeMetaOrNav(text: string, start: number, end: number): boolean {
  if (NAV_FIRST[text.charCodeAt(start)] === 1) return true;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(isRegExpSpace(c) || c === 0x2022 || c === 0xb7 || c === 0x5b || c === 0x3010 || c === 0x7c)) break;
  }
  return i < end && META_FIRST[text.charCodeAt(i)] === 1;
}

/** Units a {@link WEAK_LINE} may start with: bullets, digits, `第`, blanks, `-`, code and URL characters, `[`, `|`. */
const WEAK_FIRST = new Uint8Array(0x10000);
for (const c of '•·第-_/.[|') WEAK_FIRST[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) WEAK_FIRST[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) WEAK_FIRST[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) WEAK_FIRST[c] = WEAK_FIRST[c + 0x20] = 1;
for (let c = 0; c < 0x10000; c++) if (isRegExpSpace(c)) WEAK_FIRST[c] = 1;

function classify(text: string, start: number, end: number, isTitle: boolean): LineInfo {
  if (start >= end) return { cls: 'blank', pieces: NO_PIECES, start, end };
  if (!isTitle && end - start <= 200 && mayBeMetaOrNav(text, start, end)) {
    const line = text.slice(start, end);
    if (META_LINE.test(line) || NAV_LINE.test(line)) {
      HIDDEN.lastIndex = 0;
      return { cls: 'strong', pieces: [{ start, end, hidden: HIDDEN.test(line) }], start, end };
    }
  }
  const pieces = piecesOf(text, start, end);
  if (pieces.length === 0) return { cls: isTitle ? 'text' : shortOrText(text, start, end), pieces, start, end };
  // What is left once the residue is cut out, only for a line short enough to be furniture: on
  // flattened text the "line" is the whole document.
  if (isTitle || end - start > FURNITURE_LINE_MAX) return { cls: 'text', pieces, start, end };
  let rest = '';
  let at = start;
  for (const p of pieces) {
    rest += text.slice(at, p.start);
    at = p.end;
  }
  rest += text.slice(at, end);
  return { cls: restIsNoise(rest) ? 'strong' : 'text', pieces, start, end };
}

/** A short line without sentence punctuation or title words (a site name between furniture lines), or text. */
function shortOrText(text: string, start: number, end: number): LineClass {
  const mayBeWeak = WEAK_FIRST[text.charCodeAt(start)] === 1;
  if (!mayBeWeak && end - start > 20) return 'text';
  const line = text.slice(start, end);
  if (mayBeWeak && WEAK_LINE.test(line)) return 'weak';
  if (line.length <= 20 && !/[。，,；;！!？?]/.test(line) && !TITLE_WORDS.test(line)) return 'short';
  return 'text';
}

// ---------------------------------------------------------------------------------------------
// Lines, kept across versions

/** What the memo keeps: each line's class, with the line starts and title line they were found with. */
interface KeptLines {
  lineStarts: readonly number[];
  infos: readonly LineInfo[];
  titleLine: number;
}

/**
 * The class of every line (a fresh array the caller may change). A line's class reads only the line
 * and whether it is the title, so after an edit the lines outside the changed ones come from the
 * previous version's memo (see `incremental.ts`), shifted; only the changed lines are classified.
 */
function classifyLines(model: ReportModel): LineInfo[] {
  const { text, lines } = model;
  const count = lines.lineCount;
  const titleLine = model.title ? lines.lineAt(model.title.start) : -1;
  const memo = memoOf(model);
  const earlier = memo?.earlier<KeptLines>(ID);
  const range = earlier ? memo!.changedSince(earlier.text, 0, 1) : undefined;
  const infos: LineInfo[] = new Array(count);
  const fresh = (i: number) => {
    let s = lines.lineStarts[i];
    let e = lines.lineContentEnd(i);
    while (s < e && isBlankUnit(text.charCodeAt(s))) s++;
    while (e > s && isBlankUnit(text.charCodeAt(e - 1))) e--;
    infos[i] = classify(text, s, e, i === titleLine);
  };
  const old = earlier?.value;
  let reused = false;
  if (old && (range || earlier.text === text)) {
    const starts = lines.lineStarts;
    const firstChanged = range ? partitionPoint(starts, (s) => s < range.start) : count;
    const firstAfter = range ? partitionPoint(starts, (s) => s < range.end) : count;
    const shift = range ? partitionPoint(old.lineStarts, (s) => s < range.oldEnd) - firstAfter : 0;
    // The lines after the change must be the same lines in both versions.
    if (count - firstAfter === old.infos.length - (firstAfter + shift)) {
      reused = true;
      const delta = range?.delta ?? 0;
      for (let i = 0; i < firstChanged; i++) infos[i] = old.infos[i];
      for (let i = firstChanged; i < firstAfter; i++) fresh(i);
      for (let i = firstAfter; i < count; i++) infos[i] = shifted(old.infos[i + shift], delta);
      // A kept line classified as the title, or as not the title, when that changed.
      const oldIndex = (i: number) => (i < firstChanged ? i : i >= firstAfter ? i + shift : -1);
      const newIndex = (o: number) => (o < 0 ? -1 : o < firstChanged ? o : o >= firstAfter + shift ? o - shift : -1);
      const wasTitle = newIndex(old.titleLine);
      if (wasTitle >= 0 && wasTitle !== titleLine) fresh(wasTitle);
      if (titleLine >= 0 && oldIndex(titleLine) >= 0 && oldIndex(titleLine) !== old.titleLine) fresh(titleLine);
    }
  }
  if (!reused) for (let i = 0; i < count; i++) fresh(i);
  memo?.keep<KeptLines>(ID, { lineStarts: lines.lineStarts, infos: infos.slice(), titleLine });
  return infos;
}

/** A kept line moved by `delta` units (its pieces with it). */
function shifted(info: LineInfo, delta: number): LineInfo {
  if (delta === 0) return info;
  const pieces = info.pieces.length === 0 ? info.pieces : info.pieces.map((p) => ({ start: p.start + delta, end: p.end + delta, hidden: p.hidden }));
  return { cls: info.cls, pieces, start: info.start + delta, end: info.end + delta };
}

// ---------------------------------------------------------------------------------------------
// Blocks

function findResidue(model: ReportModel): Finding[] {
  const text = model.text;
  const lines = model.lines;
  const count = lines.lineCount;
  const headingLines = new Set<number>();
  for (const h of model.headings) if (h.placement !== 'inline') headingLines.add(lines.lineAt(h.start));
  const infos = classifyLines(model);
  // Headings are a document-level judgement: applied to copies, so the memo keeps the lines' own classes.
  for (const i of headingLines) if (infos[i].cls !== 'strong' && infos[i].cls !== 'text') infos[i] = { ...infos[i], cls: 'text' };

  const findings: Finding[] = [];
  let i = 0;
  while (i < count) {
    const info = infos[i];
    if (info.cls === 'text' && info.pieces.length > 0) {
      for (const p of info.pieces) findings.push(inlineFinding(text, p));
      i++;
      continue;
    }
    if (info.cls !== 'strong') {
      i++;
      continue;
    }
    // Grow a block around the strong line: strong, weak, blank and (between residue) short lines.
    let first = i;
    while (first > 0 && (infos[first - 1].cls === 'weak' || infos[first - 1].cls === 'strong')) first--;
    let last = i;
    let j = i + 1;
    while (j < count) {
      const c = infos[j].cls;
      if (c === 'strong' || c === 'weak') {
        last = j;
        j++;
        continue;
      }
      if (c === 'blank' || c === 'short') {
        // Only inside the block: look ahead for more residue past blanks and one short line.
        let k = j;
        let shorts = 0;
        while (k < count && (infos[k].cls === 'blank' || (infos[k].cls === 'short' && shorts++ < 1))) k++;
        if (k < count && infos[k].cls === 'strong') {
          last = k;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    findings.push(blockFinding(model, infos, first, last));
    i = last + 1;
  }
  return findings;
}

/** A residue line as quoted in a message: blanks folded, cut to about 24 characters. */
function sampleOf(s: string): string {
  return shorten(s.replace(/\s+/g, ' ').trim(), 24);
}

function hiddenMessage(sample: string): LocalizedText {
  return {
    zh: `网页残留：“${sample}”——此处正文被网站隐藏，模板缺少内容`,
    en: `Web page residue: "${sample}" — the site hid text here; part of the template is missing`,
  };
}

function inlineFinding(text: string, p: Piece): Finding {
  const sample = sampleOf(text.slice(p.start, p.end));
  // Take the spaces around the piece along, so removing it leaves no double space.
  let start = p.start;
  let end = p.end;
  while (end < text.length && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 0x3000)) end++;
  if (start > 0 && end === p.end) while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 0x3000)) start--;
  return {
    ruleId: ID,
    start: p.start,
    end: p.end,
    message: p.hidden ? hiddenMessage(sample) : { zh: `网页残留：“${sample}”`, en: `Web page residue: "${sample}"` },
    ...(p.hidden ? { severity: 'error' as const } : {}),
    fixes: [{ title: { zh: '删除网页残留', en: 'Remove the web residue' }, edits: [{ start, end, newText: '' }], safe: true, preferred: true }],
    data: { kind: p.hidden ? 'hidden-text' : 'furniture' },
  };
}

function blockFinding(model: ReportModel, infos: LineInfo[], first: number, last: number): Finding {
  const { text, lines } = model;
  let firstStrong = first;
  while (infos[firstStrong].cls !== 'strong') firstStrong++;
  const hidden = infos.slice(first, last + 1).some((l) => l.pieces.some((p) => p.hidden));
  const start = infos[first].start;
  const end = infos[last].end;
  const sampleLine = infos[firstStrong];
  const sample = sampleOf(text.slice(sampleLine.start, sampleLine.end));
  const more = last > first ? { zh: `等 ${countNonBlank(infos, first, last)} 行`, en: ` and more (${countNonBlank(infos, first, last)} lines)` } : { zh: '', en: '' };
  // Remove whole lines with their breaks, and the blank lines after the block.
  let after = last + 1;
  while (after < infos.length && infos[after].cls === 'blank') after++;
  let removeFrom = lines.lineStarts[first];
  let removeEnd = after < lines.lineCount ? lines.lineStarts[after] : text.length;
  let newText = '';
  if (after >= lines.lineCount && first > 0) {
    // The block ends the document: cut from the end of the last text line, keeping a final line break if there was one.
    let prev = first - 1;
    while (prev > 0 && infos[prev].cls === 'blank') prev--;
    removeFrom = lines.lineContentEnd(prev);
    removeEnd = text.length;
    const tail = text.endsWith('\r\n') ? '\r\n' : text.endsWith('\n') ? '\n' : text.endsWith('\r') ? '\r' : '';
    newText = tail;
  }
  const message: LocalizedText = hidden
    ? hiddenMessage(sample)
    : { zh: `网页残留：“${sample}”${more.zh}`, en: `Web page residue: "${sample}"${more.en}` };
  return {
    ruleId: ID,
    start,
    end,
    message,
    ...(hidden ? { severity: 'error' as const } : {}),
    fixes: [
      {
        title: { zh: last > first ? `删除网页残留（${countNonBlank(infos, first, last)} 行）` : '删除网页残留这一行', en: last > first ? `Remove the web residue (${countNonBlank(infos, first, last)} lines)` : 'Remove this web residue line' },
        edits: [{ start: removeFrom, end: removeEnd, newText }],
        safe: true,
        preferred: true,
      },
    ],
    data: { kind: hidden ? 'hidden-text' : 'block', lines: countNonBlank(infos, first, last) },
  };
}

function countNonBlank(infos: LineInfo[], first: number, last: number): number {
  let n = 0;
  for (let i = first; i <= last; i++) if (infos[i].cls !== 'blank') n++;
  return n;
}
