/**
 * The standard sections of each kind of report (report-anatomy §3): what they are called, the cue
 * words that give them away, what they usually say, and their conventional order; and the shapes
 * of a found section and of the place a missing one goes.
 */
import type { LocalizedText } from '../rules/rule';
import type { Heading, ReportKind } from '../model';

/** Section ids; the same id names the same kind of content across report kinds. */
export type SectionId =
  | 'salutation'
  | 'opening'
  | 'review'
  | 'problems'
  | 'tasks'
  | 'closing'
  | 'thanks'
  | 'self-building'
  | 'livelihood'
  | 'intro'
  | 'experience'
  | 'next-steps'
  | 'guiding'
  | 'targets'
  | 'situation'
  | 'safeguards'
  | 'plan'
  | 'duties'
  | 'study'
  | 'integrity'
  | 'direction';

/**
 * Where a section is looked for:
 * - `section`: a heading whose text has a cue, or a paragraph whose opening sentence has one;
 * - `salutation`: a paragraph near the start that opens with `各位代表` and the like;
 * - `opening`: a paragraph near the start with `我代表…向大会报告…请予审议`;
 * - `closing`: one of the last paragraphs (`各位代表！` … `而努力奋斗！`).
 */
export type SectionPlacement = 'section' | 'salutation' | 'opening' | 'closing';

/** One standard section of a kind of report. */
export interface SectionDef {
  id: SectionId;
  /** The section's name, as a heading would call it: `存在的问题`. */
  name: LocalizedText;
  /** Required sections are reported by `section-missing` when absent; the others are usual. */
  required: boolean;
  placement: SectionPlacement;
  /** Cues tested on heading text (marker excluded). */
  headingCue?: RegExp;
  /** Cues tested on the opening sentence of paragraphs. */
  leadCue?: RegExp;
  /**
   * Cues strong enough to find the section anywhere in a paragraph, not only in its opening
   * sentence: `…成绩显著。但也面临着不少困难和问题。主要是：` ends a review paragraph with the problems.
   */
  paragraphCue?: RegExp;
  /**
   * Whether a lead-in ending in `：` that announces a numbered list of tasks opens the section:
   * `重点做好以下几个方面的工作：（一）…（二）…`.
   */
  listLeadIn?: boolean;
  /** Paragraph cues and lead-ins count only after this section's start (when it was found). */
  after?: SectionId;
  /**
   * Heading cues that name a year and count only when it is not before the report's year:
   * `2024年主要工作` is a 2024 report's tasks, `2023年主要工作` its review.
   */
  forwardCue?: RegExp;
  /** What the section usually says: `通常写明工作中的不足和困难`. */
  says: LocalizedText;
  /** Conventional position among the kind's sections, ascending. */
  order: number;
}

/** Where a section of the document was found. */
export interface SectionMatch {
  id: SectionId;
  def: SectionDef;
  present: boolean;
  /** The heading that holds a cue, when found in a heading. */
  heading?: Heading;
  /** The index of the paragraph where it was found (the heading's paragraph when found in a heading). */
  paragraph?: number;
  /** Where the section starts: the heading, the paragraph, or the sentence whose cue gave it away. */
  at?: number;
  /** Whether it starts mid-line, at a stretch between blanks of flattened text (`…意见。  2022年工作回顾  …`). */
  segment?: boolean;
}

/** Where a missing section should go. */
export interface InsertionPoint {
  /**
   * Where to insert: the start of the line before which the section goes, or `text.length` at the
   * end of the document (when the text does not end with a line break, start the insertion with one).
   */
  offset: number;
  /** The heading the new section belongs under, when it goes inside one (undefined: top level). */
  parent?: Heading;
  /** The heading the new section goes just before, when there is one. */
  before?: Heading;
}

// ---------------------------------------------------------------------------------------------
// The definitions

const NEXT_HEADING = /下一步|下步|今后|明年|下阶段|下半年|打算|思路|计划|计畫|安排|展望|努力方向|工作重点|要点/;
const NEXT_LEAD = /^(下一步|下步|今后|明年|新的一年|下阶段|下半年|[0-9０-９]{4}年[，,]?(我们|我镇|我乡|全镇|全乡|我街道)将)/;

// Sections found in more than one kind of report are defined once, with their cues; each kind's
// table gives them its position (`order`) and, where the kind words them differently, its own name
// and description.

/** `开头语` of summaries: `现将2023年工作情况报告如下：`. */
const INTRO: Omit<SectionDef, 'order'> = {
  id: 'intro',
  name: { zh: '开头语', en: 'Introduction' },
  required: false,
  placement: 'section',
  leadCue: /现将.{0,30}(报告|汇报)如下|(报告|汇报)如下/,
  paragraphCue: /现将.{0,30}(报告|汇报)如下/,
  says: { zh: '概述总体情况，以“现将……报告如下”引出正文', en: 'gives an overview and leads in with "现将……报告如下"' },
};

/** The review of the work done (`一、2022年工作回顾`, `一年来，我们…`); each kind words it its own way. */
const REVIEW: Omit<SectionDef, 'name' | 'says' | 'order'> = {
  id: 'review',
  required: true,
  placement: 'section',
  // `工作回忆`: templates run through a word-swapping filter (`发展`→`开展`, `回顾`→`回忆`) keep it.
  headingCue: /回顾|回望|工作的?回忆|工作情况|工作总结|总结|工作成效|主要成效|工作成绩|取得的成绩|完成情况|开展情况|主要工作|主要做法|[0-9０-９]{4}年的工作$|过去(的)?[一二三四五六七八九十几]年|[一二三四五六七八九十几多]年来/,
  leadCue: /^(一年来|半年来|[二三四五六七八九十几多]年来|今年以来|过去(的)?[一二三四五六七八九十几]年|刚刚过去的|回顾过去)|主要做了以下|主要工作(如下|情况)/,
};

/** `存在的问题`, often without a heading: `在肯定成绩的同时，我们也清醒地认识到…`. */
const PROBLEMS: Omit<SectionDef, 'order'> = {
  id: 'problems',
  name: { zh: '存在的问题', en: 'Problems' },
  required: true,
  placement: 'section',
  headingCue: /存在.{0,8}(问题|不足|困难)|(问题|困难|矛盾)(和|与|及)(不足|挑战|困难|问题|短板)|不足(和|与|及|之处)|(?<!(补齐?|补强|补足|补上|弥补|拉长|锻长)[^，,。；;：:]{0,8})短板|(?<!(缩小|缩短|拉开|消除|弥合)[^，,。；;：:]{0,8})差距|薄弱环节|^(主要|当前|目前)?(存在的)?(问题|不足|困难)/,
  leadCue: /清醒(地)?(认识|看到|意识)|存在.{0,10}(问题|不足)|(问题|困难|矛盾)(和|与|及)(不足|挑战|困难|问题|短板)|不足之处|(?<!(补齐?|补强|补足|补上|弥补|拉长|锻长)[^，,。；;：:]{0,8})短板(?![^，,。；;]{0,6}(补齐|补上|补强|补足|弥补|补短))|(?<!(缩小|缩短|拉开|消除|弥合)[^，,。；;：:]{0,8})差距(?!.{0,4}(缩小|拉大|扩大))|不容忽视|仍面临.{0,6}(困难|挑战|问题)|面临(着)?(不少|一些|诸多|许多|很多|较多|的)?.{0,4}(困难|问题)/,
  paragraphCue: /清醒(地)?(认识|看到|意识)到?|(困难|问题|不足|短板|差距|挑战|矛盾)[^。！？!?]{0,12}[。，,；;]?[ \u3000]*(主要是|主要表现(在|为)|具体表现(在|为)|突出表现(在|为)|表现在)[^。！？!?]{0,12}[：:]|(同时|但是?|然而)[，,]?(我们)?(也|还)?(要|必须|应当)?(清醒地?|深刻地?)?(看到|认识到|意识到|深知)[，,]?[^。！？!?]{0,40}(问题|不足|困难|短板|差距|挑战)|(但|但是|同时|然而)[^。！？!?]{0,6}(也|还|仍)(存在|有)(着)?(一些|不少|诸多|许多|较多)?[^。！？!?]{0,8}(问题|不足|困难|短板)[^。！？!?]{0,4}[，,：:；;][ \u3000]*(如|比如|例如|主要是|主要有|主要表现|一是|具体是)/,
  says: { zh: '通常写明工作中的不足和困难', en: 'usually names the shortcomings and difficulties of the work' },
};

const DEFS: Record<Exclude<ReportKind, 'unknown'>, SectionDef[]> = {
  'gov-report': [
    {
      id: 'salutation',
      name: { zh: '称谓', en: 'Salutation' },
      required: true,
      placement: 'salutation',
      says: { zh: '以“各位代表：”开头', en: 'opens with "各位代表："' },
      order: 10,
    },
    {
      id: 'opening',
      name: { zh: '开场白', en: 'Opening' },
      required: true,
      placement: 'opening',
      says: { zh: '写明“我代表……向大会报告工作，请予审议”', en: 'says "我代表……向大会报告工作，请予审议" (presenting the report for deliberation)' },
      order: 20,
    },
    {
      ...REVIEW,
      name: { zh: '工作回顾', en: 'Review of the past year' },
      says: { zh: '总结过去一年的主要工作和成绩', en: "sums up the past year's main work and results" },
      order: 30,
    },
    {
      id: 'thanks',
      name: { zh: '致谢', en: 'Thanks' },
      required: false,
      placement: 'section',
      leadCue: /衷心(的)?感谢|崇高(的)?敬意/,
      // `…在此，我代表镇人民政府，向…表示崇高的敬意和衷心的感谢！` closes a long review paragraph.
      paragraphCue: /(表示|致以)(崇高的敬意|衷心的感谢|诚挚的谢意|衷心感谢|诚挚感谢)/,
      says: { zh: '向代表和各界表示感谢', en: 'thanks the deputies and everyone who helped' },
      order: 35,
    },
    { ...PROBLEMS, order: 40 },
    {
      id: 'tasks',
      name: { zh: '今年工作安排', en: "This year's tasks" },
      required: true,
      placement: 'section',
      headingCue: /工作安排|工作任务|主要任务|重点任务|重点工作|总体要求|预期目标|工作目标|目标任务|目标(和|与|及)任务|工作建议|的建议|工作思路|工作打算|工作计划|工作要点|今后.{0,4}工作|目标及安排|(今后|未来)[一二三四五六七八九十几]年|今后一个时期|(今年|明年)(的)?主要工作/,
      forwardCue: /[0-9０-９]{4}年(的)?主要工作/,
      leadCue: /总体要求|主要预期目标|预期目标是|重点抓好|着力抓好|重点做好|着重做好|做好以下|^(今后|未来)[一二三四五六七八九十几]年/,
      listLeadIn: true,
      after: 'review',
      says: { zh: '提出今年的总体要求、预期目标和重点工作', en: "sets out this year's general requirements, targets and key work" },
      order: 50,
    },
    {
      id: 'self-building',
      name: { zh: '政府自身建设', en: 'Improving the government itself' },
      required: false,
      placement: 'section',
      headingCue: /自身建设|政府建设|政风|作风建设|效能建设|职能转变|转变政府职能|政务服务|依法行政|法治政府|廉洁政府|服务型政府|满意(的)?政府|党风廉政|廉政建设/,
      // In the tasks, a paragraph on the government's own conduct: `…持续加强政府自身建设，坚持依法行政…`.
      paragraphCue: /自身建设|作风建设|廉政建设|法治政府|依法行政/,
      after: 'tasks',
      says: { zh: '写明加强政府自身建设的举措', en: 'sets out how the government will improve itself' },
      order: 60,
    },
    {
      id: 'livelihood',
      name: { zh: '民生实事', en: 'Livelihood projects' },
      required: false,
      placement: 'section',
      headingCue: /民生实事|民生工程|惠民实事/,
      leadCue: /民生实事/,
      says: { zh: '列出今年要办的民生实事', en: "lists this year's projects for people's livelihood" },
      order: 70,
    },
    {
      id: 'closing',
      name: { zh: '结束语', en: 'Closing' },
      required: true,
      placement: 'closing',
      says: { zh: '以“各位代表！……而努力奋斗！”号召收尾', en: 'ends with a call to action ("各位代表！……而努力奋斗！")' },
      order: 90,
    },
  ],
  summary: [
    { ...INTRO, order: 10 },
    {
      ...REVIEW,
      name: { zh: '工作开展情况', en: 'Work done' },
      says: { zh: '写明主要工作、做法和成效', en: 'describes the main work, how it was done and what it achieved' },
      order: 20,
    },
    {
      id: 'experience',
      name: { zh: '经验体会', en: 'Lessons learned' },
      required: false,
      placement: 'section',
      headingCue: /经验|体会|亮点|特色/,
      says: { zh: '提炼主要做法、经验和亮点', en: 'draws out methods, lessons and highlights' },
      order: 30,
    },
    { ...PROBLEMS, order: 40 },
    {
      id: 'next-steps',
      name: { zh: '下一步工作打算', en: 'Next steps' },
      required: true,
      placement: 'section',
      headingCue: NEXT_HEADING,
      leadCue: NEXT_LEAD,
      listLeadIn: true,
      after: 'review',
      says: { zh: '写明下一步的工作思路和措施', en: 'sets out the plans and measures for the next period' },
      order: 50,
    },
  ],
  plan: [
    {
      id: 'situation',
      name: { zh: '形势分析', en: 'Situation' },
      required: false,
      placement: 'section',
      headingCue: /形势|背景|意义|现状/,
      says: { zh: '分析面临的形势和工作的意义', en: 'analyses the situation and why the work matters' },
      order: 10,
    },
    {
      id: 'guiding',
      name: { zh: '指导思想', en: 'Guiding idea' },
      required: true,
      placement: 'section',
      headingCue: /指导思想|总体要求|总体思路|工作思路|基本原则|总体目标/,
      leadCue: /为指导|指导思想|总体要求|总体思路/,
      says: { zh: '写明指导思想或总体要求', en: 'states the guiding idea or general requirements' },
      order: 20,
    },
    {
      id: 'targets',
      name: { zh: '工作目标', en: 'Targets' },
      required: true,
      placement: 'section',
      headingCue: /目标/,
      leadCue: /(主要|预期|工作|总体|发展|奋斗)目标/,
      says: { zh: '写明主要目标和指标', en: 'states the main targets and indicators' },
      order: 30,
    },
    {
      id: 'tasks',
      name: { zh: '重点任务', en: 'Key tasks' },
      required: true,
      placement: 'section',
      headingCue: /重点任务|主要任务|重点工作|工作任务|工作重点|主要措施|具体措施|工作措施|工作安排|任务分工/,
      leadCue: /重点抓好|着力抓好|重点做好|着重做好|主要任务/,
      listLeadIn: true,
      says: { zh: '列出重点任务和措施', en: 'lists the key tasks and measures' },
      order: 40,
    },
    {
      id: 'safeguards',
      name: { zh: '保障措施', en: 'Safeguards' },
      required: false,
      placement: 'section',
      headingCue: /保障措施|工作要求|组织保障|组织领导|保障/,
      says: { zh: '写明组织领导、责任落实等保障措施', en: 'sets out leadership, responsibilities and other safeguards' },
      order: 50,
    },
  ],
  'summary-plan': [
    { ...INTRO, order: 10 },
    {
      ...REVIEW,
      name: { zh: '工作总结', en: 'Review' },
      says: { zh: '总结本年度的主要工作和成效', en: "sums up the year's main work and results" },
      order: 20,
    },
    { ...PROBLEMS, order: 30 },
    {
      id: 'plan',
      name: { zh: '工作计划', en: 'Plan' },
      required: true,
      placement: 'section',
      headingCue: /计划|计畫|計劃|計畫|思路|打算|安排|要点|要點|方向|下一步|下步|下阶段|今后|明年|展望|目标/,
      leadCue: NEXT_LEAD,
      listLeadIn: true,
      after: 'review',
      says: { zh: '写明下一年的工作思路、目标和重点任务', en: "sets out next year's approach, targets and key tasks" },
      order: 40,
    },
  ],
  'duty-report': [
    {
      id: 'study',
      name: { zh: '学习情况', en: 'Study' },
      required: false,
      placement: 'section',
      headingCue: /学习|理论|思想/,
      says: { zh: '写明政治理论和业务学习情况', en: 'describes political and professional study' },
      order: 10,
    },
    {
      id: 'duties',
      name: { zh: '履职情况', en: 'Duties performed' },
      required: true,
      placement: 'section',
      headingCue: /履职|履行|工作情况|主要工作|工作开展|工作成效|抓好|推进|落实|完成/,
      leadCue: /履职|任职以来|一年来|现将.{0,30}(报告|汇报)如下/,
      // `现将履职情况汇报如下：` `下面，我就一年来的工作情况汇报如下，不妥之处…`.
      paragraphCue: /(现将|下面|以下|就).{0,30}(报告|汇报|述职)如下|(报告|汇报|述职)如下[：:，,。]/,
      says: { zh: '写明履行职责、完成工作的情况', en: 'describes how the duties were carried out and what was achieved' },
      order: 20,
    },
    {
      id: 'integrity',
      name: { zh: '廉洁自律', en: 'Integrity' },
      required: false,
      placement: 'section',
      headingCue: /廉洁|廉政|自律|作风/,
      says: { zh: '写明遵守廉洁自律规定的情况', en: 'describes how the integrity rules were kept' },
      order: 30,
    },
    {
      ...PROBLEMS,
      name: { zh: '存在的不足', en: 'Shortcomings' },
      says: { zh: '写明本人工作中的不足', en: "names the shortcomings of one's own work" },
      order: 40,
    },
    {
      id: 'direction',
      name: { zh: '今后努力方向', en: 'Future direction' },
      required: true,
      placement: 'section',
      headingCue: /努力方向|今后|打算|下一步|下步|改进|方向/,
      leadCue: /^(今后|在今后|下一步|下步|新的一年)|努力方向/,
      says: { zh: '写明今后的改进措施和努力方向', en: 'sets out how to improve and where to go from here' },
      order: 50,
    },
  ],
};

/** The standard sections of each kind, in conventional order; `unknown` has none. */
export const SECTION_DEFS: Readonly<Record<ReportKind, readonly SectionDef[]>> = { ...DEFS, unknown: [] };
