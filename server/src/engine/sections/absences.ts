/**
 * The sections a document lacks: required sections not found, except those that would come after
 * the last text of a document cut off before its end (an excerpt, a draft).
 */
import type { Heading, ReportKind, ReportModel } from '../model';
import { partitionPoint } from '../partition-point';
import type { SectionMatch } from './definitions';
import { findSections } from './find-sections';
import { bodyParagraphs } from './units';

/**
 * The required sections of the document's kind that were not found.
 *
 * @example missingSections(model).map((s) => s.id) // ['problems']
 */
export function missingSections(model: ReportModel): SectionMatch[] {
  return findSections(model).filter((m) => m.def.required && !m.present);
}

/**
 * Below these lengths (characters of body text) a document is taken for the opening of a longer
 * one, about half the shortest complete report of its kind (report-anatomy §1); a government work
 * report must also lack its closing.
 */
const SHORT_FOR_KIND: Readonly<Record<ReportKind, number>> = {
  'gov-report': 4000,
  summary: 1000,
  plan: 1000,
  'summary-plan': 1500,
  'duty-report': 1000,
  unknown: 0,
};

/** A line that signs a report off: `青山镇人民政府` `2024年1月5日`, or page furniture after it. */
const SIGN_OFF = /^([0-9０-９]{4}|二[〇○零0][一二三四五六七八九〇○零0]{2})\s*年.{0,8}月(.{0,4}日)?$|(人民政府|委员会|办公室|党委|政府|街道办事处|镇|乡|街道)$|打印|关闭|分享|来源|编辑|浏览|附件|扫一扫|返回|顶部/;

/**
 * Whether the document stops before its end: an excerpt, a page, a draft being written. It ends
 * mid-sentence or mid-list (`…同比增长1.4%；`), with `……`, or with a heading that has no body
 * yet; or it is far shorter than a whole report of its kind (a government work report must also
 * lack its closing). Trailing
 * sign-off lines (the office, the date) and page furniture are passed over.
 *
 * @example isCutOff(buildReportModel('青山镇2023年政府工作报告\n各位代表：\n…\n一、2022年工作回顾\n全年完成投资5亿元，同比增长')) // true
 */
export function isCutOff(model: ReportModel): boolean {
  const text = model.text;
  const body = bodyParagraphs(model);
  if (!body.length) return false;
  let k = body.length - 1;
  while (k > 0 && isSignOff(text.slice(body[k].start, body[k].end))) k--;
  const last = body[k];
  const heading = headingAt(model, last.start);
  if (heading && heading.placement === 'line') return true;
  const tail = text.slice(Math.max(last.start, last.end - 4), last.end);
  if (/(…|\.\.\.|。。)$/.test(tail)) return true;
  if (!/[。！？!?][”’"）)】》」』]*$/.test(tail)) return true;
  if (model.kind === 'gov-report' && findSections(model).some((s) => s.id === 'closing' && s.present)) return false;
  let chars = 0;
  for (const q of body) chars += q.end - q.start;
  return chars < SHORT_FOR_KIND[model.kind];
}

function isSignOff(line: string): boolean {
  // A page counter or a view count left by the site (`0`, `1/2`) is furniture too.
  return line.length <= 30 && !/[。，,；;：:！!？?]/.test(line) && (SIGN_OFF.test(line) || /^[0-9０-９\s./|·-]+$/.test(line));
}

/** An absent section worth telling the author about, and how loudly. */
export interface Absence {
  match: SectionMatch;
  /** `hint` for a usual section (`政府自身建设`): a report can do without it. */
  severity?: 'hint';
}

/**
 * The absent sections an editor would point out: required sections not found, except, in a
 * document cut off before its end, those that would come after its last text (an excerpt of a
 * report's opening does not lack its closing); and, in a complete government work report that
 * sets out this year's tasks, a quiet hint when `政府自身建设` is nowhere.
 *
 * @example absences(model).map((a) => a.match.id) // ['problems']
 */
export function absences(model: ReportModel): Absence[] {
  const sections = findSections(model);
  const cut = isCutOff(model);
  const lastOrder = Math.max(-Infinity, ...sections.filter((s) => s.present).map((s) => s.def.order));
  const out: Absence[] = [];
  for (const m of sections) {
    if (m.present) continue;
    if (cut && m.def.order > lastOrder) continue;
    if (m.def.required) out.push({ match: m });
    else if (m.id === 'self-building' && !cut && sections.some((s) => s.id === 'tasks' && s.present)) out.push({ match: m, severity: 'hint' });
  }
  return out;
}


/** The heading that starts at `offset`, found by binary search (headings are in document order). */
function headingAt(model: ReportModel, offset: number): Heading | undefined {
  const hs = model.headings;
  const i = partitionPoint(hs, (h) => h.start < offset);
  return i < hs.length && hs[i].start === offset ? hs[i] : undefined;
}
