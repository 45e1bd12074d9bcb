/**
 * Finds the document title and infers the report kind and year from it (or from the content).
 */
import type { Memo } from '../incremental';
import { digitValue, isDigit, isSentenceEnd, simplify } from '../chars';
import { matchMarker } from '../markers';
import type { Paragraph, ReportKind, ReportTitle } from '../model';

/** Title keywords, matched on text passed through `simplify` (so `工作總結` `工作計畫` match too). */
const TITLE_KEYWORD = /(政府工作报告|工作报告|工作总结|总结|工作计划|计划|工作要点|要点|工作思路|思路|工作安排|安排|工作打算|打算|工作方向|方向|述职报告|述职|报告)/g;

/** Site furniture that can stand before the title of a page copied from the web. */
const FURNITURE = /^(•|·|\*|索引号|组配分类|发布机构|成文日期|公开方式|发布日期|来源|字体|浏览次数|文号|主题分类|信息来源|当前位置|首页)/;

/**
 * The title: the first short paragraph (among the first few, skipping site furniture) that holds
 * a title keyword; failing that, a short first paragraph without sentence punctuation. In a
 * flattened text the title is the start of the first paragraph, up to its last title keyword.
 *
 * @example findTitle of `横沥镇2023年政府工作报告\n各位代表：…` → `横沥镇2023年政府工作报告`
 */
export function findTitle(text: string, paragraphs: readonly Paragraph[]): ReportTitle | undefined {
  const candidates = paragraphs.slice(0, 16);
  let wrapper: ReportTitle | undefined;
  // Only the first paragraph of text can hold a title glued to the body (flattened text).
  let seenText = false;
  for (const p of candidates) {
    const s = text.slice(p.start, p.end);
    if (isSalutation(s)) break; // the title stands before `各位代表：`
    if (FURNITURE.test(s)) continue;
    if (matchMarker(text, p.start, p.end, 'paragraph-start')) break; // headings have begun
    if (s.length <= 60 && !endsWithSentence(s) && hasTitleKeyword(s)) {
      // `…关于印发2024年政府工作报告的通知` wraps the report; its own title follows.
      if (/(通知|决定|的函)$/.test(s)) {
        wrapper ??= { text: s, start: p.start, end: p.end };
        continue;
      }
      return { text: s, start: p.start, end: p.end };
    }
    if (s.length > 60 && !seenText) {
      const glued = gluedTitle(s);
      if (glued) return { text: glued, start: p.start, end: p.start + glued.length };
    }
    seenText = true;
  }
  if (wrapper) return wrapper;
  const first = candidates.find((p) => !FURNITURE.test(text.slice(p.start, p.end)));
  if (first && isSalutation(text.slice(first.start, first.end))) return undefined;
  if (first) {
    const s = text.slice(first.start, first.end);
    if (s.length <= 30 && !isSalutation(s) && !/[。，,：:；;！!？?]/.test(s) && !/^[（(一二三四五六七八九十0-9]/.test(s)) return { text: s, start: first.start, end: first.end };
  }
  return undefined;
}

/** `各位代表：` `同志们：` and the like. */
export function isSalutation(s: string): boolean {
  return /^(各位代表|同志们|尊敬的|各位委员|各位领导)/.test(s);
}

function endsWithSentence(s: string): boolean {
  return s.length > 0 && isSentenceEnd(s.charCodeAt(s.length - 1));
}

function hasTitleKeyword(s: string): boolean {
  TITLE_KEYWORD.lastIndex = 0;
  return TITLE_KEYWORD.test(simplify(s));
}

/** In `XX镇2023年政府工作报告各位代表：现在…`, the part up to the last title keyword before the body starts. */
function gluedTitle(paragraph: string): string | undefined {
  const head = paragraph.slice(0, 60);
  const bodyStart = head.search(/各位代表|同志们|[。：:，,]|[一二三四五六七八九十]、|（一）/);
  const scope = bodyStart >= 0 ? head.slice(0, bodyStart) : head;
  const simplified = simplify(scope); // one unit for one, so offsets carry over
  let lastEnd = -1;
  TITLE_KEYWORD.lastIndex = 0;
  for (let m = TITLE_KEYWORD.exec(simplified); m; m = TITLE_KEYWORD.exec(simplified)) lastEnd = m.index + m[0].length;
  return lastEnd >= 4 ? scope.slice(0, lastEnd) : undefined;
}

/**
 * The kind from title keywords (simplified or traditional); `undefined` when the title says nothing.
 *
 * @example kindFromTitle('三魁镇2023年工作总结及2024年工作方向') // 'summary-plan'
 */
export function kindFromTitle(title: string): ReportKind | undefined {
  const t = simplify(title);
  if (t.includes('述职')) return 'duty-report';
  if (t.includes('政府工作报告')) return 'gov-report';
  const summary = /总结|回顾|开展情况|工作情况|完成情况/.test(t);
  const plan = /计划|要点|思路|打算|安排|方向|谋划/.test(t);
  if (summary && plan) return 'summary-plan';
  if (summary) return 'summary';
  if (plan) return 'plan';
  return undefined;
}

/** `各位代表：` opening a line near the start (`各位代表、同志们:` too, half-width colon and all). */
const DEPUTIES = /(^|\n)[ \t\u3000]*各位代表[、，, \u3000]*(同志们)?[ \u3000]*[：:]/;
/** A review heading or lead (`一、2022年工作回顾`, `一年来，`) and this year's tasks (`二、2023年工作安排`). */
const GOV_REVIEW = /工作回顾|回顾|一年来|过去(的)?一年|过去五年/;
const GOV_TASKS = /工作安排|工作任务|主要任务|重点工作|预期目标|总体要求|今年工作|目标(和|与)任务/;

/**
 * The kind from the content, for documents without a telling title: a government work report by
 * its salutation and its `向大会报告…请予审议`, or by the salutation with a review and this year's
 * tasks (a report that lost its title and its opening is still one); otherwise summary or plan
 * words. Traditional characters are read as simplified.
 *
 * @example a text opening `各位代表：现在，我代表镇人民政府，向大会报告政府工作` → 'gov-report'
 * @example `各位代表:\n一、2022年工作回顾\n…\n二、2023年工作安排\n…` → 'gov-report'
 */
export function kindFromContent(raw: string, memo?: Memo): ReportKind {
  // An edit past the part read cannot change the kind (see `incremental.ts`).
  const earlier = memo?.earlier<ReportKind>(KIND_KEY);
  if (earlier && (earlier.text === raw || (memo!.changedSince(earlier.text, 0, 0)?.start ?? 0) >= KIND_WINDOW)) {
    memo!.keep(KIND_KEY, earlier.value);
    return earlier.value;
  }
  const kind = kindFromWords(raw);
  memo?.keep(KIND_KEY, kind);
  return kind;
}

/** Where the memo keeps the kind found from the content. */
const KIND_KEY = 'kind-from-content';
/** How much of the text the kind is read from. */
const KIND_WINDOW = 200_000;

function kindFromWords(raw: string): ReportKind {
  // A report's words show in its first pages; a 10 MB paste need not be folded whole on every keystroke.
  const text = simplify(raw.length > KIND_WINDOW ? raw.slice(0, KIND_WINDOW) : raw);
  const head = text.slice(0, 3000);
  if (/各位代表/.test(head) && /(政府工作|向大会报告|向大会作|请予(以)?审议|请各位代表审议)/.test(head)) return 'gov-report';
  if (DEPUTIES.test(head.slice(0, 600)) && GOV_REVIEW.test(head) && GOV_TASKS.test(text)) return 'gov-report';
  if (/述职/.test(head)) return 'duty-report';
  const summary = /(工作总结|工作開展情況|工作开展情况|主要成效|完成情况|工作回顾)/.test(text);
  const plan = /(下一步|工作计划|工作思路|工作打算|工作安排|明年工作)/.test(text);
  if (/(指导思想|总体要求)/.test(head) && /(重点任务|主要任务|重点工作)/.test(text) && !summary) return 'plan';
  if (summary && plan) return 'summary-plan';
  if (summary) return 'summary';
  if (plan) return 'plan';
  return 'unknown';
}

/**
 * The first year in a text (`2023年`, `２０２３年`, `2025 年`, `2023上半年`), between 1949 and 2100.
 *
 * @example yearIn('六镇镇2023年政府工作报告') // 2023
 */
export function yearIn(s: string): number | undefined {
  for (let i = 0; i + 3 < s.length; i++) {
    if (!isDigit(s.charCodeAt(i)) || (i > 0 && isDigit(s.charCodeAt(i - 1)))) continue;
    let n = 0;
    let j = i;
    while (j < s.length && isDigit(s.charCodeAt(j)) && j - i < 5) n = n * 10 + digitValue(s.charCodeAt(j++));
    let k = j;
    while (k < s.length && (s[k] === ' ' || s[k] === '\u3000')) k++;
    if (j - i === 4 && n >= 1949 && n <= 2100 && (s[k] === '年' || s.startsWith('上半年', k) || s.startsWith('下半年', k))) return n;
  }
  return undefined;
}
