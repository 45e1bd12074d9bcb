/**
 * Tells whether a plain text file is a work report, from its first lines, so the editor can switch
 * it to the `gongwen` language: from a title line, or — for a report without one (a page cut from a
 * report, a partial draft) — from the body, where one signal alone is not enough.
 */
import { simplify } from './chars';
import { kindFromTitle } from './pipeline/03-title';

/** How much of the start of a file is looked at. */
export const DETECT_HEAD_LENGTH = 2000;

/** How many non-empty lines the title may come after (page furniture, a table of contents). */
const TITLE_LINES = 12;

/**
 * Whether the first lines look like a report: a short line with a title keyword
 * (`2023年政府工作报告`, `工作总结`, `工作要点`, `述职报告`), or, without a title, a body that
 * reads like one (see {@link bodyLooksLikeReport}).
 *
 * @example looksLikeReport('横沥镇2023年政府工作报告\n\n各位代表：') // true
 * @example looksLikeReport('各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。') // true
 * @example looksLikeReport('会议纪要\n时间：…') // false
 */
export function looksLikeReport(head: string): boolean {
  const text = simplify(head.slice(0, DETECT_HEAD_LENGTH));
  const lines = text.split(/\r\n|\n|\r/).map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')).filter((l) => l.length > 0);
  for (const line of lines.slice(0, TITLE_LINES)) {
    // (`二、下一步工作安排` is a section heading, not a title.)
    if (line.length <= 60 && !NUMBERED_HEADING.test(line) && kindFromTitle(line) && /(报告|总结|计划|要点|思路|打算|安排|述职)/.test(line)) return true;
  }
  return bodyLooksLikeReport(text, lines);
}

// The salutation of a report to a congress (glued to the title in flattened text), `各位代表：` or `各位代表、同志们:`.
const SALUTATION = /各位代表[^：:。，,]{0,8}[：:]/;
// The opening formula: `我代表镇人民政府，向大会报告工作，请予审议`, `向大会作政府工作报告`,
// `现将2023年工作情况报告如下：`.
const OPENING = /向大会[^。]{0,8}报告|请予审议|政府工作|现将[^。]{0,40}(报告|汇报)如下/;
// A numbered heading at the start of a line: `一、…` or `（一）…` (the text after the number).
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\s*([^。；;]{0,40})/;
// What the heading of a standard section says (docs: report anatomy, standard sections).
const SECTION_CUE = /回顾|总结|开展情况|工作情况|完成情况|主要成效|主要做法|工作成绩|取得的成绩|亮点|经验|存在的?问题|问题和不足|不足|困难和挑战|下一步|今后|工作打算|工作安排|工作计划|工作思路|重点工作|重点任务|主要任务|工作任务|目标任务|指导思想|总体要求|总体思路|主要目标|预期目标|自身建设|履职|努力方向|保障措施|工作要求/;
// The words of a report's own headings: `（一）筑牢基础，多措并举推进高质量发展`.
const REPORT_WORDS = /推进|发展|建设|加强|提升|深化|实施|完善|强化|保障|改革|民生|经济|产业|振兴|治理|创新|稳定|落实|攻坚|高质量|安全|生态|城乡|乡村|招商|就业/;
// Parallel points that start a sentence (`一是…。二是…`).
const POINT = /(?:^|[。；;！!])[一二三四五六七八九十]是/g;
// A dash lead starting a paragraph (`——今年以来，我们凝心聚力…`).
const DASH_LEAD = /^——/;
// A lead paragraph: a short first sentence that sums it up, then the body (`粮食安全保障有力。全年…`).
const LEAD_PARAGRAPH = /^[^，,。；;：:！!？?、\s]{4,20}。./;
// Figures as reports give them: `20.5万亩`, `1682万元`, `1.95万亿元`, `增长8%`.
const FIGURE = /\d+(?:\.\d+)?\s*(?:万|亿)|\d+(?:\.\d+)?\s*[%％]/g;

/**
 * Whether a text without a title reads like a report. Either of:
 * - the salutation `各位代表：` (or `各位代表、同志们:`) and the opening formula (`向大会报告`,
 *   `请予审议`, `政府工作`);
 * - two numbered headings (`一、` `（一）`) that name standard sections (`工作回顾`, `存在的问题`,
 *   `下一步工作打算`…);
 * - two different signs of these: a numbered heading naming a standard section; two numbered
 *   headings in report words (`推进` `发展` `民生`…); two parallel points (`一是…二是…`); two
 *   paragraphs opening with a dash lead (`——今年以来，我们…`); three lead paragraphs (`粮食安全保障有力。全年…`); three figures (`1682万元`, `增长8%`); the
 *   opening formula (`现将…汇报如下`).
 * One sign alone is not enough: a note with `一、水果` `二、蔬菜`, minutes with one
 * `二、下一步工作安排`, a diary of short sentences stay plain text.
 *
 * @example bodyLooksLikeReport('一、今年以来工作回顾\n——今年以来，我们…。一是招商引资成效显著。二是…') // true
 * @example bodyLooksLikeReport('一、水果\n苹果两斤。\n二、蔬菜\n') // false
 */
export function bodyLooksLikeReport(text: string, lines: readonly string[]): boolean {
  if (SALUTATION.test(text) && OPENING.test(text)) return true;
  let cued = 0;
  let worded = 0;
  let points = 0;
  let leads = 0;
  let dashes = 0;
  for (const line of lines) {
    const m = NUMBERED_HEADING.exec(line);
    if (m) {
      if (SECTION_CUE.test(m[1])) cued++;
      else if (REPORT_WORDS.test(m[1])) worded++;
    }
    points += line.match(POINT)?.length ?? 0;
    if (LEAD_PARAGRAPH.test(line)) leads++;
    if (DASH_LEAD.test(line)) dashes++;
  }
  if (cued >= 2) return true;
  const signs = [cued >= 1, worded >= 2, points >= 2, dashes >= 2, leads >= 3, (text.match(FIGURE)?.length ?? 0) >= 3, OPENING.test(text)];
  return signs.filter(Boolean).length >= 2;
}
