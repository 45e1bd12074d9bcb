/**
 * The standard sections of each kind of report (report-anatomy §3): what they are called, the cue
 * words that give them away, what they usually say, and their conventional order.
 *
 * A section is found by its cue words in heading text or in the opening sentence of a paragraph:
 * towns often leave the problems section without a heading (`在肯定成绩的同时，我们也清醒地认识到…`)
 * or glue the heading to the body. In flattened text a title may sit between runs of blanks
 * (`…请予审议。  2022年工作回顾  一年来…`); some cues are strong enough anywhere in a paragraph
 * (`…主要是：`, `现将履职情况汇报如下：`), and a lead-in announcing a numbered list opens the tasks
 * (`重点做好以下几个方面的工作：（一）…`). Cues are matched on text folded to simplified characters.
 *
 * A document may stop before its end (an excerpt, a draft): {@link isCutOff} tells, and
 * {@link absences} leaves out the sections that would come after its last text. Used by the
 * `section-missing` rule, completion (the sections a document still lacks) and the "insert missing
 * section" quick fix.
 */
import { simplify } from './chars';
import type { LocalizedText } from './rules/rule';
import type { Heading, ReportKind, ReportModel } from './model';
import { memoOf } from './pipeline';
import { isSalutation, yearIn } from './pipeline/03-title';

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

// ---------------------------------------------------------------------------------------------
// Finding sections

/** How many paragraphs from the start the salutation and opening are looked for in. */
const FRONT_PARAGRAPHS = 16;
/** How many paragraphs the front can span when the first top-level heading comes late. */
const MAX_FRONT_PARAGRAPHS = 40;
/** How many paragraphs from the end the closing is looked for in. */
const CLOSING_PARAGRAPHS = 3;
/** Longest opening examined, in UTF-16 units. */
const OPENING_LENGTH = 80;
/** An opening sentence shorter than this is extended by the next sentence (`安不忘危，兴不忘忧。我们清醒认识到…`). */
const SHORT_SENTENCE = 16;
/** Longest stretch of flattened text between blanks that can be a section title (`  2022年工作回顾  `). */
const TITLE_SEGMENT_LENGTH = 30;

/** A salutation inside flattened text: `…乡长xx 各位代表、 同志们: 现在,我代表…`. */
const SALUTATION_INLINE = /(各位代表|同志们)[ \u3000]*[：:]/;
// `我代表镇人民政府，向大会报告政府工作，请予审议`; `受镇人民政府委托，向大会作工作报告`.
const OPENING = /(代表|受).{0,40}(向|在).{0,20}(大会|会议|各位代表).{0,12}(报告|作|做)|向(本次)?大会(报告|作|做)|请予(以)?审议|请各位代表(予以)?审议|提请(大会)?审议/;
const CLOSING_START = /^(各位代表|同志们|各位代表、同志们)[！!，,]/;
const CLOSING_ANYWHERE = /让我们|奋斗[！!。]?$|而努力[！!。]?$|(各位代表|同志们)[！!]/;
/** How much of a heading's text is examined: a run-in heading of flattened text can be long. */
const HEADING_TEXT_LENGTH = 40;

/**
 * A lead-in that announces the tasks as a list: `重点做好以下几个方面的工作：` `着力抓好六个方面工作：`.
 * Tested on a sentence ending in `：`; a review's `主要做了以下工作：` is not one.
 */
const TASK_LEAD_IN = /(抓好|做好|抓实|抓牢|推进|突出|聚焦|落实|实施|推动|把握|办好|完成好)(好)?(以下|如下|下列)|(抓好|做好|抓实|推进|突出|聚焦|落实|实施|推动|办好)[^，,。；;：:]{0,6}([几一二三四五六七八九十两]+)个?(方面|项|件)(的)?(重点)?(工作|任务|措施|实事)/;
const PAST_WORK = /做了|开展了|完成了|取得了|采取了|抓了|一年来|过去|回顾/;

/** A paragraph of the body: the title paragraph counts from the end of the title (flattened text). */
interface BodyParagraph {
  index: number;
  start: number;
  end: number;
}

/**
 * Where a section can start: a paragraph, or a stretch of a paragraph between runs of blanks in
 * text whose line breaks were lost (`…请予审议。  2022年工作回顾  一年来，…`).
 */
interface Unit extends BodyParagraph {
  /** Whether the unit is a whole paragraph (then a wrapped line may continue on the next). */
  whole: boolean;
}

const modelCache = new WeakMap<ReportModel, SectionMatch[]>();

/**
 * The standard sections of the document's kind, each with where it was found.
 *
 * @example findSections(buildReportModel('三魁镇2023年工作总结及2024年工作方向\n一、2023年工作情况\n…\n二、2024年工作思路\n…'))
 *   // review present (heading 一、), problems absent, plan present (heading 二、)
 */
export function findSections(model: ReportModel): SectionMatch[] {
  const cached = modelCache.get(model);
  if (cached) return cached;
  const text = model.text;
  const defs = SECTION_DEFS[model.kind];
  const result: SectionMatch[] = defs.map((def) => ({ id: def.id, def, present: false }));
  const body = bodyParagraphs(model);
  const units = documentUnits(text, body);
  const front = frontParagraphs(model, body);
  // Openings are kept across versions by where they start (see `incremental.ts`): one that read only
  // text before the edit, or that starts after it, is the same sentence.
  const memo = memoOf(model);
  const earlier = memo?.earlier<Map<number, Opening>>(OPENINGS_KEY);
  const range = earlier ? memo!.changedSince(earlier.text, 0, 0) : undefined;
  const openings = new Map<number, Opening>();
  const openingOf = (u: Unit): string => {
    let o = openings.get(u.start);
    if (o === undefined && earlier) {
      if (!range) o = earlier.value.get(u.start);
      else if (u.start < range.start) {
        const e = earlier.value.get(u.start);
        if (e && e.readEnd <= range.start) o = e;
      } else if (u.start >= range.end) {
        const e = earlier.value.get(u.start - range.delta);
        if (e) o = { text: e.text, readEnd: e.readEnd + range.delta };
      }
    }
    if (o === undefined) {
      const found = openingSentence(model, u);
      o = { text: simplify(found.text), readEnd: found.readEnd };
    }
    openings.set(u.start, o);
    return o.text;
  };
  const simplified = new Map<number, string>();
  const paragraphText = (q: BodyParagraph): string => {
    let s = simplified.get(q.index);
    if (s === undefined) {
      s = simplify(text.slice(q.start, q.end));
      simplified.set(q.index, s);
    }
    return s;
  };
  const startOfPart = (q: BodyParagraph, length: number): string => simplify(text.slice(q.start, Math.min(q.end, q.start + length)));
  const endOfPart = (q: BodyParagraph, length: number): string => simplify(text.slice(Math.max(q.start, q.end - length), q.end));
  const found = (match: SectionMatch, q: BodyParagraph | undefined, at = q?.start): void => {
    if (q) Object.assign(match, { present: true, paragraph: q.index, at });
  };

  let salutation: number | undefined;
  for (const match of result) {
    const def = match.def;
    if (def.placement === 'salutation') {
      found(match, front.find((q) => isSalutation(startOfPart(q, 12)) || SALUTATION_INLINE.test(startOfPart(q, 300))));
      salutation = match.paragraph;
    } else if (def.placement === 'opening') {
      found(match, front.find((q) => OPENING.test(startOfPart(q, 200))));
    } else if (def.placement === 'closing') {
      const tail = body.slice(-CLOSING_PARAGRAPHS).reverse();
      const last = tail[0];
      const closing = tail.find((q) => q.index !== salutation && (CLOSING_START.test(startOfPart(q, 12)) || CLOSING_ANYWHERE.test(endOfPart(q, 300))));
      found(match, closing && (closing !== last || body.length > 1 || last.end - last.start > 300) ? closing : undefined);
      if (!match.present && last) {
        // Flattened text: `…  各位代表！让我们…奋斗！` as the last stretch of the one paragraph, after the salutation.
        const salutationAt = result.find((m) => m.id === 'salutation')?.at ?? -1;
        const segment = units.filter((u) => u.index === last.index && !u.whole && u.start > salutationAt).reverse().slice(0, CLOSING_PARAGRAPHS).find((u) => CLOSING_START.test(startOfPart(u, 12)));
        if (segment) Object.assign(match, { present: true, paragraph: segment.index, at: segment.start, segment: true });
      }
    } else {
      const heading = bestHeading(model, def);
      if (heading) {
        Object.assign(match, { present: true, heading, paragraph: heading.paragraph, at: heading.start });
        continue;
      }
      const title = def.headingCue && units.find((u) => !u.whole && isTitleLike(text, u) && def.headingCue!.test(simplify(text.slice(u.start, u.end))));
      if (title) {
        Object.assign(match, { present: true, paragraph: title.index, at: title.start, segment: true });
        continue;
      }
      const lead = def.leadCue && units.find((u) => def.leadCue!.test(openingOf(u)));
      if (lead) {
        found(match, lead);
        if (!lead.whole) match.segment = true;
        continue;
      }
      const from = def.after ? result.find((m) => m.id === def.after && m.present)?.at ?? 0 : 0;
      if (def.paragraphCue) {
        const cue = new RegExp(def.paragraphCue.source, 'g');
        for (const q of body) {
          if (q.end <= from) continue;
          const s = paragraphText(q);
          cue.lastIndex = Math.max(0, from - q.start);
          const m = cue.exec(s);
          if (m) {
            found(match, q, q.start + sentenceStartBefore(s, m.index));
            break;
          }
        }
        if (match.present) continue;
      }
      if (def.listLeadIn) {
        const at = taskLeadIn(model, body, paragraphText, from);
        if (at) found(match, at.q, at.at);
      }
    }
  }
  memo?.keep(OPENINGS_KEY, openings);
  modelCache.set(model, result);
  return result;
}

/** Where the memo keeps the simplified opening sentences. */
const OPENINGS_KEY = 'section-openings';

/** A unit's opening sentence, simplified, and how far the text was read to find it. */
interface Opening {
  text: string;
  readEnd: number;
}

/**
 * Where the salutation and opening are looked for: the first paragraphs from the title on (a page
 * copied from a government site can carry a dozen lines of metadata and a covering notice before
 * it), up to the first top-level heading when that comes later.
 */
function frontParagraphs(model: ReportModel, body: readonly BodyParagraph[]): BodyParagraph[] {
  const t = model.title;
  const from = t ? Math.max(0, body.findIndex((q) => q.end > t.start)) : 0;
  const firstTop = model.headings.find((h) => h.depth === 1 && (!t || h.start >= t.end));
  let to = from + FRONT_PARAGRAPHS;
  if (firstTop) while (to < body.length && to < from + MAX_FRONT_PARAGRAPHS && body[to].start < firstTop.start) to++;
  return body.slice(from, to);
}

/** The paragraphs after the title (the rest of the title's paragraph in flattened text). */
function bodyParagraphs(model: ReportModel): BodyParagraph[] {
  const text = model.text;
  const t = model.title;
  const body: BodyParagraph[] = [];
  for (const p of model.paragraphs) {
    if (!t || p.end <= t.start || p.start >= t.end) body.push({ index: p.index, start: p.start, end: p.end });
    else if (p.end > t.end) {
      let start = t.end;
      while (start < p.end && /[\s\u3000]/.test(text[start])) start++;
      if (start < p.end) body.push({ index: p.index, start, end: p.end });
    }
  }
  return body;
}

function isBlankUnit(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

/** The units {@link isBlankUnit} accepts. */
const ANY_BLANK = /[ \t\u3000\u00a0]/;

/** A Chinese character or Chinese (full-width) punctuation: one blank between two of them is a lost line break. */
function isCjkOrPunct(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

/** At most this many stretches between blanks are examined: a text spaced out character by character is not a flattened report. */
const MAX_SEGMENTS = 5000;

/** The paragraphs, each followed by its stretches between blanks while there are not too many. */
function documentUnits(text: string, body: readonly BodyParagraph[]): Unit[] {
  const units: Unit[] = [];
  let segments = 0;
  for (const q of body) {
    const own = unitsOf(text, q, MAX_SEGMENTS - segments);
    segments += own.length - 1;
    for (const u of own) units.push(u);
  }
  return units;
}

/**
 * The paragraph and its stretches between runs of blanks: two or more blanks, or one blank between
 * Chinese characters, mark a line break lost in flattening (`…意见。  一、2022年工作回顾  …`).
 */
function unitsOf(text: string, q: BodyParagraph, max: number): Unit[] {
  const units: Unit[] = [{ index: q.index, start: q.start, end: q.end, whole: true }];
  // Most paragraphs hold no blank: one native search of the paragraph instead of a loop over its units.
  if (!ANY_BLANK.test(text.slice(q.start, q.end))) return units;
  let start = q.start;
  for (let i = q.start; i < q.end && units.length <= max; i++) {
    if (!isBlankUnit(text.charCodeAt(i))) continue;
    let j = i;
    while (j < q.end && isBlankUnit(text.charCodeAt(j))) j++;
    const breaks = j - i >= 2 || (i > q.start && isCjkOrPunct(text.charCodeAt(i - 1)) && j < q.end && isCjkOrPunct(text.charCodeAt(j)));
    if (breaks && j < q.end && i > q.start) {
      units.push({ index: q.index, start, end: i, whole: false });
      start = j;
    }
    i = j - 1;
  }
  if (start > q.start && units.length <= max) units.push({ index: q.index, start, end: q.end, whole: false });
  return units;
}

/** A short stretch without sentence or clause punctuation: a title that lost its own line. */
function isTitleLike(text: string, u: Unit): boolean {
  if (u.end - u.start > TITLE_SEGMENT_LENGTH) return false;
  return !/[。，,；;：:！!？?]/.test(text.slice(u.start, u.end));
}

/** How far back the start of a sentence is looked for. */
const SENTENCE_LOOKBACK = 200;

/** Where the sentence holding `index` starts in `s` (at most {@link SENTENCE_LOOKBACK} units back). */
function sentenceStartBefore(s: string, index: number): number {
  const limit = Math.max(0, index - SENTENCE_LOOKBACK);
  for (let i = index - 1; i >= limit; i--) if (isSentenceEndUnit(s.charCodeAt(i))) return i + 1;
  return limit;
}

/**
 * The first lead-in after `from` that ends in `：` (or `。`) and announces a numbered list of
 * tasks, the list following at once (`重点做好以下几个方面的工作：（一）…` or `：` then a line `（一）…`).
 */
function taskLeadIn(model: ReportModel, body: readonly BodyParagraph[], paragraphText: (q: BodyParagraph) => string, from: number): { q: BodyParagraph; at: number } | undefined {
  const text = model.text;
  let h = 0;
  for (const q of body) {
    if (q.end <= from) continue;
    const s = paragraphText(q);
    for (let end = Math.max(0, from - q.start); end < s.length; end++) {
      const c = s.charCodeAt(end);
      if (c !== 0xff1a && c !== 58 && c !== 0x3002) continue; // ： : 。
      const at = q.start + end;
      const sentence = s.slice(sentenceStartBefore(s, end), end);
      if (!TASK_LEAD_IN.test(sentence) || PAST_WORK.test(sentence)) continue;
      // The list: a heading starting right after the lead-in, or at the start of the next paragraph.
      while (h < model.headings.length && model.headings[h].start <= at) h++;
      const next = model.headings[h];
      if (next && (onlyBlanksBetween(text, at + 1, next.start) || (next.paragraph === q.index + 1 && next.start === model.paragraphs[q.index + 1].start))) {
        return { q, at: q.start + sentenceStartBefore(s, end) };
      }
    }
  }
  return undefined;
}

/** Whether `text.slice(start, end)` is blank, looking no further than the first non-blank. */
function onlyBlanksBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/[\s\u3000]/.test(text[i])) return false;
  return true;
}

/** The shallowest, then first, heading whose text has the section's heading cue. */
function bestHeading(model: ReportModel, def: SectionDef): Heading | undefined {
  if (!def.headingCue) return undefined;
  let best: Heading | undefined;
  for (const h of model.headings) {
    // Points and lead paragraphs are sentences, tested as openings; a lead line alone on its line
    // (`首先报告２００１年的工作`) reads as a title.
    if ((h.family === 'lead' && h.placement !== 'line') || h.family === 'cn-point' || h.family === 'cn-ordinal') continue;
    if (!best || h.depth < best.depth) {
      const text = simplify(h.text.slice(0, HEADING_TEXT_LENGTH));
      if (def.headingCue.test(text) || (def.forwardCue?.test(text) && !beforeReportYear(model, text))) best = h;
    }
  }
  return best;
}

/** Whether a heading names a year before the report's (`2023年主要工作` in a 2024 report). */
function beforeReportYear(model: ReportModel, headingText: string): boolean {
  const year = yearIn(headingText);
  return model.year !== undefined && year !== undefined && year < model.year;
}

function isSentenceEndUnit(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
}

/**
 * The opening sentence of a unit, at most {@link OPENING_LENGTH} units, extended by the next
 * sentence when it is short; a long line without end punctuation continues on the next line
 * (hard-wrapped text).
 */
function openingSentence(model: ReportModel, from: Unit): { text: string; readEnd: number } {
  const text = model.text;
  let readEnd = model.paragraphs[from.index].end + 1;
  let out = '';
  let firstSentenceLength = -1;
  let paragraph = from.index;
  let start = from.start;
  let end = from.end;
  while (out.length < OPENING_LENGTH) {
    const p = model.paragraphs[paragraph];
    const stop = Math.min(end, start + OPENING_LENGTH - out.length);
    let pos = start;
    let ended = false;
    for (; pos < stop; pos++) {
      if (!isSentenceEndUnit(text.charCodeAt(pos))) continue;
      const length = out.length + pos + 1 - start;
      if (firstSentenceLength >= 0 || length >= SHORT_SENTENCE) {
        pos++;
        ended = true;
        break;
      }
      firstSentenceLength = length;
    }
    out += text.slice(start, pos);
    if (ended || pos < end || end < p.end) break;
    // Continue into the next line only when this one looks wrapped mid-sentence (hard-wrapped text).
    const next = model.paragraphs[paragraph + 1];
    const last = text.charCodeAt(p.end - 1);
    // Whether the next line follows at once depends on the text up to it.
    readEnd = Math.max(readEnd, (next ? next.end : text.length) + 1);
    if (!next || p.end - p.start < 20 || isSentenceEndUnit(last) || CLAUSE_END.has(last) || next.line !== p.line + 1) break;
    paragraph++;
    start = next.start;
    end = next.end;
  }
  return { text: out, readEnd };
}

/** Clause punctuation that ends a line without the sentence going on: `；` `：` `，` and half-width forms. */
const CLAUSE_END = new Set([0xff1b, 0xff1a, 0xff0c, 59, 58, 44]);


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
  const heading = model.headings.find((h) => h.paragraph === last.index && h.start === last.start);
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

/**
 * Where a section of the document's kind conventionally goes: before the next present section in
 * conventional order (the problems before the plan); else after the previous present one, together
 * with the sibling sections that follow it (a duty report's work sections 一、二、三), but before a
 * closing paragraph; else just after the title (early sections) or at the end.
 *
 * @example insertionPoint(model, 'problems') // { offset: <start of the line `二、2024年工作思路`>, before: <that heading> }
 */
export function insertionPoint(model: ReportModel, sectionId: SectionId): InsertionPoint {
  const text = model.text;
  const sections = findSections(model);
  const target = sections.find((s) => s.id === sectionId);
  const order = target?.def.order ?? Infinity;
  const lineStartOf = (offset: number): number => model.lines.lineStarts[model.lines.lineAt(offset)];
  const lineAfter = (offset: number): number => {
    const line = model.lines.lineAt(offset);
    return line + 1 < model.lines.lineCount ? model.lines.lineStarts[line + 1] : text.length;
  };
  const afterTitle = (): number => (model.title ? lineAfter(model.title.end) : 0);

  if (target?.def.placement === 'closing') return { offset: text.length };
  if (target?.def.placement === 'salutation') return { offset: afterTitle() };

  const present = sections.filter((s) => s.present && s.id !== sectionId);
  const next = present.filter((s) => s.def.order > order).sort((a, b) => startOf(model, a) - startOf(model, b))[0];
  if (next) {
    // In flattened text the section goes right before the next one, mid-line.
    if (next.heading) return { offset: next.heading.placement === 'inline' ? next.heading.start : lineStartOf(next.heading.start), parent: next.heading.parent, before: next.heading };
    // Before a paragraph: inside the section that holds it, except for the closing, which ends the whole report.
    const start = startOf(model, next);
    return { offset: next.segment ? start : lineStartOf(start), parent: next.def.placement === 'closing' ? undefined : enclosingHeading(model, start) };
  }
  const previous = present.filter((s) => s.def.order < order).sort((a, b) => startOf(model, b) - startOf(model, a))[0];
  if (!previous) return order <= 20 || target?.def.placement === 'opening' ? { offset: afterTitle() } : { offset: text.length };

  if (previous.def.placement === 'salutation' || previous.def.placement === 'opening') {
    // Right after the front matter.
    const p = model.paragraphs[previous.paragraph!];
    return { offset: lineAfter(p.end - 1) };
  }
  // The heading whose section the previous section is (or lies in), and its last sibling.
  const anchor = previous.heading ?? enclosingHeading(model, startOf(model, previous));
  if (!anchor) return { offset: text.length };
  const siblings = anchor.parent ? anchor.parent.children : model.roots;
  const last = siblings[siblings.length - 1].start >= anchor.start ? siblings[siblings.length - 1] : anchor;
  const offset = lineAfter(Math.max(last.start, last.sectionEnd - 1));
  const closing = sections.find((s) => s.id === 'closing' && s.present);
  if (closing?.paragraph !== undefined) {
    const closingStart = model.paragraphs[closing.paragraph].start;
    if (closingStart >= anchor.start && closingStart < offset) return { offset: lineStartOf(closingStart), parent: anchor.parent };
  }
  const before = model.headings.find((h) => h.start >= offset && h.depth <= anchor.depth);
  return { offset, parent: anchor.parent, before };
}

function startOf(model: ReportModel, s: SectionMatch): number {
  if (s.at !== undefined) return s.at;
  if (s.heading) return s.heading.start;
  return s.paragraph !== undefined ? model.paragraphs[s.paragraph].start : model.text.length;
}

/** The innermost heading whose section holds `offset`, not counting a heading that starts at it. */
function enclosingHeading(model: ReportModel, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of model.headings) {
    if (h.start >= offset) break;
    if (h.sectionEnd >= offset && (!found || h.depth > found.depth)) found = h;
  }
  return found;
}

/**
 * A heading text for a missing section, with the years of the report filled in where the
 * convention has them (`2023年工作安排` in a 2023 government work report).
 *
 * @example suggestedHeading(model, 'problems') // '存在的问题'
 */
export function suggestedHeading(model: ReportModel, sectionId: SectionId): string {
  const y = model.year;
  switch (sectionId) {
    case 'review':
      if (model.kind === 'gov-report') return y ? `${y - 1}年工作回顾` : '工作回顾';
      return y ? `${y}年工作总结` : '工作总结';
    case 'tasks':
      if (model.kind === 'gov-report') return y ? `${y}年工作安排` : '今年工作安排';
      return '重点任务';
    case 'plan':
      return y ? `${y + 1}年工作计划` : '下一步工作计划';
    case 'next-steps':
      return '下一步工作打算';
    case 'problems':
      return model.kind === 'duty-report' ? '存在的不足' : '存在的问题';
    default: {
      const def = SECTION_DEFS[model.kind].find((d) => d.id === sectionId);
      return def?.name.zh ?? '';
    }
  }
}
