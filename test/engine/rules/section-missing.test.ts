import { describe, it, expect } from 'vitest';
import { buildReportModel, type BuildOptions } from '../../../server/src/engine/pipeline';
import { sectionMissing } from '../../../server/src/engine/rules/section-missing';
import { defaultSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../../helpers/corpus';

function check(text: string, options?: BuildOptions): Finding[] {
  return sectionMissing.check(buildReportModel(text, options), defaultSettings());
}

/** The sections reported, hints marked `?`. */
function reported(text: string, options?: BuildOptions): string[] {
  return check(text, options).map((f) => `${f.data?.sectionId}${f.severity === 'hint' ? '?' : ''}`);
}

const SUMMARY_PLAN = [
  '青山镇2023年工作总结及2024年工作计划',
  '一、2023年工作情况',
  '（一）产业发展。全年完成投资5亿元。',
  '二、2024年工作思路',
  '（一）抓项目。推进重点项目。',
].join('\n');

/** A complete government work report of our own, every section in place. */
const GOV = [
  '青山镇2024年政府工作报告',
  '各位代表：',
  '现在，我代表镇人民政府，向大会报告工作，请予审议。',
  '一、2023年工作回顾',
  '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。',
  '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
  '二、2024年工作安排',
  '（一）壮大产业。全年新引进项目五个。',
  '（二）改善民生。新增城镇就业五百人。',
  '（三）加强政府自身建设。坚持依法行政，转变工作作风。',
  '各位代表！让我们团结一心，为建设美丽青山而努力奋斗！',
].join('\n');

describe('section-missing: where the finding sits', () => {
  it('reports the missing problems where they belong, before the plan, naming the section and what it holds', () => {
    const found = check(SUMMARY_PLAN);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.message).toEqual({
      zh: '缺少“存在的问题”部分（应在此处之前）：通常写明工作中的不足和困难',
      en: 'Missing section "Problems" (it belongs just before this): it usually names the shortcomings and difficulties of the work',
    });
    expect(SUMMARY_PLAN.slice(f.start, f.end)).toBe('二、2024年工作思路');
    expect(f.data).toEqual({ sectionId: 'problems' });
    expect(f.fixes?.[0].title.zh).toBe('插入“存在的问题”部分');
  });

  it('reports a missing closing at the end, on the last sentence', () => {
    // Long enough to be a whole report (a short one without a closing reads as an excerpt).
    const text = GOV.replace('（一）壮大产业。全年新引进项目五个。', '（一）壮大产业。' + '推进园区建设，培育龙头企业，壮大集体经济。'.repeat(200)).replace(/\n各位代表！.*$/, '');
    const [f, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(f.data?.sectionId).toBe('closing');
    expect(f.message.zh).toContain('应在文末');
    expect(text.slice(f.start, f.end)).toBe('坚持依法行政，转变工作作风。');
  });

  it('reports a missing problems paragraph after the review, on the tasks heading', () => {
    const text = GOV.replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。\n', '');
    const [f] = check(text);
    expect(f.data?.sectionId).toBe('problems');
    expect(text.slice(f.start, f.end)).toBe('二、2024年工作安排');
  });

  it('counts UTF-16 offsets past CRLF, a BOM and non-BMP characters', () => {
    const text = '\uFEFF' + SUMMARY_PLAN.replace('全年完成投资5亿元。', '全年完成投资5亿元𠀀。').replace(/\n/g, '\r\n');
    const [f] = check(text);
    expect(text.slice(f.start, f.end)).toBe('二、2024年工作思路');
  });
});

describe('section-missing: sections present in other words are found', () => {
  it('takes a lead-in announcing a numbered list for the tasks, on separate lines or run together', () => {
    const lines = GOV.replace('二、2024年工作安排\n', '2024年是关键之年。我们将重点做好以下几个方面的工作：\n');
    expect(reported(lines)).toEqual([]);
    const runTogether = GOV.replace('二、2024年工作安排\n（一）壮大产业。全年新引进项目五个。\n（二）', '今年，我们将着力抓好以下五个方面工作：（一）壮大产业。全年新引进项目五个。（二）');
    expect(reported(runTogether)).toEqual([]);
  });

  it('takes a lead-in ending in 。 at the end of a paragraph, the list following at once', () => {
    const text = GOV.replace('二、2024年工作安排\n', '2024年是承上启下的关键之年，任务艰巨。今年，我们将重点抓好以下几项工作。\n');
    expect(reported(text)).toEqual([]);
  });

  it('does not take the review’s “我们主要做了以下工作：” for the tasks', () => {
    const text = GOV.replace('一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。', '一年来，我们主要做了以下几个方面的工作：\n（一）抓产业。引进项目三个。')
      .replace('二、2024年工作安排\n', '');
    expect(reported(text)).toContain('tasks');
  });

  it('finds the problems phrased another way: 面临着不少困难和问题。主要是：', () => {
    const opening = GOV.replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。', '当前，我镇发展也面临着不少困难和问题。主要是：产业基础薄弱，财政收支矛盾突出。');
    expect(reported(opening)).toEqual([]);
    // At the end of a review paragraph, not its opening sentence.
    const inside = GOV.replace(
      '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。\n在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
      '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。成绩来之不易，但也面临一些困难。主要是：产业基础薄弱，财政收支矛盾突出。',
    );
    expect(reported(inside)).toEqual([]);
  });

  it('finds the problems announced by 同时也要看到 inside a review paragraph', () => {
    const text = GOV.replace(
      '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。\n在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
      '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。同时也要看到，产业转型慢、财政增收难等短板依然存在。',
    );
    expect(reported(text)).toEqual([]);
  });

  it('finds the problems in 但同时也存在一些问题 after a summing-up sentence', () => {
    const text = SUMMARY_PLAN.replace('（一）产业发展。全年完成投资5亿元。', '（一）产业发展。全年完成投资5亿元。\n以上是全镇一年来取得的主要成绩。但同时也存在一些问题，如产业链条较短、配套不足。');
    expect(reported(text)).toEqual([]);
  });

  it('finds problems headed 困难及问题, 短板 or 差距, but not a task to 补齐短板', () => {
    for (const heading of ['二、困难及问题', '二、发展中的短板', '二、与先进乡镇的差距']) {
      expect(reported(SUMMARY_PLAN.replace('二、2024年工作思路', `${heading}\n产业基础仍较薄弱。\n三、2024年工作思路`)), heading).toEqual([]);
    }
    // A review line saying a gap was closed, or the year's challenges, is not the problems part.
    for (const line of ['基础设施短板加快补齐，道路通达率明显提高。', '城乡收入差距进一步缩小。', '2024年，我镇发展面临的机遇和挑战并存。']) {
      expect(reported(SUMMARY_PLAN.replace('（一）抓项目。', `${line}\n（一）抓项目。`)), line).toEqual(['problems']);
    }
    const task = SUMMARY_PLAN.replace('（一）产业发展。全年完成投资5亿元。', '（一）产业发展。全年完成投资5亿元。\n（二）争取项目补齐基础设施短板\n硬化道路十公里。');
    expect(reported(task)).toEqual(['problems']);
  });

  it('finds a duty report’s duties in its lead-in 现将履职情况汇报如下：', () => {
    const text = [
      '青山镇副镇长2023年述职报告',
      '本人自2021年起任青山镇副镇长，分管农业农村工作。现将一年来的情况汇报如下：',
      '一、勤于学习，提升素养',
      '坚持每周集中学习。',
      '二、存在的不足',
      '调查研究还不够深入。',
      '三、今后的努力方向',
      '进一步加强学习。',
    ].join('\n');
    expect(reported(text)).toEqual([]);
    const spoken = text.replace('现将一年来的情况汇报如下：', '下面，我就一年来的工作情况汇报如下，不妥之处请批评指正。');
    expect(reported(spoken)).toEqual([]);
    const flattened = '青山镇副镇长2023年述职报告\n本人自2021年起任青山镇副镇长，分管农业农村工作。现将履职情况汇报如下：一、勤于学习。坚持每周集中学习。二、存在的不足。调查研究还不够深入。三、今后的努力方向。进一步加强学习。';
    expect(reported(flattened)).toEqual([]);
  });

  it('finds the opening after 各位代表: with half-width punctuation', () => {
    const text = GOV.replace('各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。', '各位代表:\n现在,我代表镇人民政府,向大会报告政府工作,请予审议,并请列席同志提出意见。');
    expect(reported(text)).toEqual([]);
    const session = GOV.replace('现在，我代表镇人民政府，向大会报告工作，请予审议。', '现在，我代表镇人民政府向镇第十八届人民代表大会第四次会议报告工作。');
    expect(reported(session)).toEqual([]);
    const entrusted = GOV.replace('现在，我代表镇人民政府，向大会报告工作，请予审议。', '受镇人民政府委托，现向大会报告政府工作。');
    expect(reported(entrusted)).toEqual([]);
  });

  it('finds the salutation and opening of a page copied with a long metadata block before the title', () => {
    const furniture = ['索引号：000-2024-001', '主题分类：综合政务', '发布机构：青山镇', '成文日期：2024-02-01', '发布日期：2024-02-01', '关于印发2024年政府工作报告的通知', '各村（居）委会：', '现将《政府工作报告》印发给你们，请认真贯彻落实。', '青山镇人民政府', '2024年2月1日', '（此件公开发布）'];
    const padded = [...furniture, ...furniture.slice(0, 6)].join('\n') + '\n' + GOV.replace('各位代表：', '——2024年1月20日在青山镇第十八届人民代表大会第四次会议上\n青山镇镇长 李明\n各位代表:');
    expect(reported(padded)).toEqual([]);
  });

  it('finds the problems in 主要表现在以下几个方面：', () => {
    const text = GOV.replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。', '成绩来之不易。当前的困难和问题，主要表现在以下几个方面：产业层次不高，财力较为紧张。');
    expect(reported(text)).toEqual([]);
  });

  it('reads traditional characters in the salutation, opening and sections', () => {
    const text = GOV.replace('现在，我代表镇人民政府，向大会报告工作，请予审议。', '現在，我代表鎮人民政府，向大會報告工作，請予審議。')
      .replace('一、2023年工作回顾', '一、2023年工作回顧')
      .replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。', '在肯定成績的同時，我們也清醒地認識到，發展中還存在不少困難和問題。');
    expect(reported(text)).toEqual([]);
  });

  it('takes 2024年主要工作 for the tasks of a 2024 report, but not 2023年主要工作', () => {
    expect(reported(GOV.replace('二、2024年工作安排', '二、2024年主要工作'))).toEqual([]);
    const past = GOV.replace('一、2023年工作回顾', '一、2023年主要工作').replace('二、2024年工作安排', '二、民生实事');
    expect(reported(past)).toContain('tasks');
    // A stale year on a plain tasks heading is the year rule's business: the section is there.
    expect(reported(GOV.replace('二、2024年工作安排', '二、2023年工作安排'))).toEqual([]);
  });

  it('finds problems headed 工作中的薄弱环节 or announced by 我们也深刻认识到', () => {
    expect(reported(SUMMARY_PLAN.replace('二、2024年工作思路', '二、工作中的薄弱环节\n产业基础仍较薄弱。\n三、2024年工作思路'))).toEqual([]);
    const deep = GOV.replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。', '成绩来之不易。但我们也深刻认识到，全镇产业层次不高、财力较为紧张，这些困难亟待解决。');
    expect(reported(deep)).toEqual([]);
  });

  it('finds a review and a plan of several years', () => {
    const text = GOV.replace('一、2023年工作回顾\n一年来', '一、过去五年的工作\n过去五年').replace('二、2024年工作安排', '二、今后五年的目标和任务');
    expect(reported(text)).toEqual([]);
  });

  it('finds section titles between blanks in a document whose line breaks were lost', () => {
    const flat = '青山镇2023年工作总结和2024年工作打算  2023年工作回顾  全年完成投资5亿元，新增企业5家。  存在的不足  产业基础仍较薄弱。  2024年工作打算  推进重点项目。';
    expect(reported(flat)).toEqual([]);
    expect(reported(flat.replace('  存在的不足  产业基础仍较薄弱。', ''))).toEqual(['problems']);
  });
});

describe('section-missing: a report whose line breaks were lost', () => {
  const FLAT = [
    '青山镇2024年政府工作报告',
    '各位代表：',
    '现在，我代表镇人民政府，向大会报告工作，请予审议。',
    '2023年工作回顾',
    '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。',
    '2024年工作安排',
    '（一）壮大产业。全年新引进项目五个。（二）加强政府自身建设。坚持依法行政。',
    '各位代表！让我们团结一心，为建设美丽青山而努力奋斗！',
  ].join('  ');

  it('finds the closing as the last stretch of the one paragraph, and reports only what is missing, where it belongs', () => {
    const found = check(FLAT);
    expect(found.map((f) => f.data?.sectionId)).toEqual(['problems']);
    expect(FLAT.slice(found[0].start, found[0].end)).toBe('2024年工作安排');
  });

  it('inserts the missing section on its own line, mid-paragraph, and is then satisfied', () => {
    const [f] = check(FLAT);
    let after = FLAT;
    for (const e of [...f.fixes![0].edits].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.newText + after.slice(e.end);
    const lines = after.split('\n');
    expect(lines[0].endsWith('各项事业稳步发展。')).toBe(true);
    expect(lines[lines.length - 1].startsWith('2024年工作安排')).toBe(true);
    expect(check(after)).toEqual([]);
  });
});

describe('section-missing: documents cut off before their end', () => {
  const OPENING = [
    '青山镇2024年政府工作报告',
    '各位代表：',
    '现在，我代表镇人民政府，向大会报告工作，请予审议。',
    '一、2023年工作回顾',
    '一年来，我们坚持稳中求进，全镇经济运行总体平稳。',
    '（一）产业发展。全年完成固定资产投资5亿元，同比增长',
  ].join('\n');

  it('says nothing of the sections after the last text of an excerpt cut mid-sentence', () => {
    expect(reported(OPENING)).toEqual([]);
  });

  it('nor of one cut mid-list, at ……, or after a heading without a body', () => {
    expect(reported(OPENING.replace(/同比增长$/, '同比增长12%；'))).toEqual([]);
    expect(reported(OPENING.replace(/同比增长$/, '同比增长12%……'))).toEqual([]);
    expect(reported(OPENING + '12%。\n（二）民生保障')).toEqual([]);
  });

  it('nor of an opening of a government work report far shorter than one, with no closing', () => {
    expect(reported(OPENING + '12%。')).toEqual([]);
  });

  it('still reports a missing opening, which would come before the review', () => {
    const found = check(OPENING.replace('现在，我代表镇人民政府，向大会报告工作，请予审议。\n', ''));
    expect(found.map((f) => f.data?.sectionId)).toEqual(['opening']);
  });

  it('passes over the office and the date that sign a complete report off', () => {
    const text = GOV.replace('在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。\n', '') + '\n青山镇人民政府\n2024年1月5日';
    expect(reported(text)).toEqual(['problems']);
  });
});

describe('section-missing: absences', () => {
  it('checks a document without a title whose salutation, review and tasks make it a government work report', () => {
    const text = ['各位代表：', '一、2023年工作回顾', '一年来，我们坚持稳中求进，全镇经济运行总体平稳。', '二、2024年工作安排', '（一）壮大产业。全年新引进项目五个。', '（二）加强政府自身建设。转变工作作风。', '各位代表！让我们团结一心，为建设美丽青山而努力奋斗！'].join('\n');
    const model = buildReportModel(text);
    expect(model.kind).toBe('gov-report');
    const found = check(text);
    expect(found.map((f) => f.data?.sectionId)).toEqual(['opening', 'problems']);
    expect(text.slice(found[0].start, found[0].end)).toBe('一、2023年工作回顾');
  });

  it('checks a document without a title whose review and plan sections make its kind clear', () => {
    const text = ['一、2023年工作回顾', '全年完成投资5亿元，新增企业5家。', '二、2024年工作安排', '（一）抓项目。推进重点项目。'].join('\n');
    const found = check(text);
    expect(found.map((f) => f.data?.sectionId)).toEqual(['problems']);
    expect(text.slice(found[0].start, found[0].end)).toBe('二、2024年工作安排');
  });

  it('hints quietly at a missing 政府自身建设 in a complete government work report', () => {
    const text = GOV.replace('（三）加强政府自身建设。坚持依法行政，转变工作作风。\n', '');
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('hint');
    expect(found[0].data?.sectionId).toBe('self-building');
    expect(found[0].message.zh).toBe('未见“政府自身建设”部分（常见而非必需，应在此处之前）：写明加强政府自身建设的举措');
    expect(text.slice(found[0].start, found[0].end)).toBe('各位代表！');
  });

  it('finds 政府自身建设 in other words: 转变政府职能 as a heading, or mentioned in a paragraph of the tasks', () => {
    expect(reported(GOV.replace('（三）加强政府自身建设。', '（三）转变政府职能，提升服务效能。'))).toEqual([]);
    expect(reported(GOV.replace('（三）加强政府自身建设。坚持依法行政，转变工作作风。', '新的一年，我们要持续加强政府自身建设，坚持依法行政。'))).toEqual([]);
    expect(reported(GOV.replace('（三）加强政府自身建设。坚持依法行政，转变工作作风。', '（三）建设人民满意政府。深化作风建设。'))).toEqual([]);
    // Mentioned in the review only, it is the past year's work, not this year's part.
    const reviewOnly = GOV.replace('（三）加强政府自身建设。坚持依法行政，转变工作作风。\n', '').replace('各项事业稳步发展。', '各项事业稳步发展，政府自身建设不断加强。');
    expect(reported(reviewOnly)).toEqual(['self-building?']);
  });

  it('reports every missing section of a plan', () => {
    const text = '青山镇2024年工作要点\n一、重点任务\n（一）抓项目。推进园区建设。';
    expect(reported(text)).toEqual(['guiding', 'targets']);
  });

  it('reports a government work report without its problems and closing', () => {
    const text = ['青山镇2023年政府工作报告', '各位代表：', '现在，我代表镇人民政府，向大会报告工作，请予审议。', '一、2022年工作回顾', '一年来成绩显著。', '二、2023年工作安排', '（一）抓产业。推进园区建设。', '（二）加强政府自身建设。转变作风。'].join('\n');
    // Short and without a closing, it reads as an opening cut short: only the problems, which come before the tasks.
    expect(reported(text)).toEqual(['problems']);
    const long = text + '\n' + '（三）惠民生。办好民生实事，改善群众生活条件。'.repeat(200);
    expect(reported(long)).toEqual(['problems', 'closing']);
  });

  it('checks nothing in a document of unknown kind', () => {
    expect(check('一些文字。\n更多文字。')).toEqual([]);
  });

  it('checks nothing when a non-government kind was only guessed from the content', () => {
    // A speech that merely mentions 工作情况 and 下一步 is not a summary missing its problems.
    const text = '在推进会上的发言\n近年来，我镇工作情况良好。\n下一步，我们将继续努力。';
    const model = buildReportModel(text);
    if (model.kindSource === 'content') expect(sectionMissing.check(model, defaultSettings())).toEqual([]);
  });

  it('follows the kind the user set', () => {
    const text = '青山镇工作材料\n一、工作情况\n' + '全年完成投资5亿元，新增企业5家，建成道路10公里。'.repeat(50);
    expect(reported(text, { kind: 'summary' })).toEqual(['problems', 'next-steps']);
  });

  it('takes a summary far shorter than a whole one, ending in its review, for an opening: silent on what follows', () => {
    expect(reported('青山镇2023年工作总结\n一、工作情况\n全年完成投资5亿元，新增企业5家。')).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('section-missing: corpus', () => {
  it('reports the missing problems section of the two seeds, before their plan', () => {
    for (const f of ['local/town-summary-and-plan-template.txt', 'local/sankui-2023-summary-2024-plan.txt']) {
      const text = corpusText(f);
      const found = check(text);
      expect(found.map((x) => x.data?.sectionId), f).toEqual(['problems']);
      expect(text.slice(found[0].start, found[0].end), f).toMatch(/^二、/);
    }
  });

  it('is silent on the complete reports', () => {
    const files = [...corpusFiles('national'), ...LOCAL_GOV_REPORTS];
    for (const f of files) expect(check(corpusText(f)), f).toEqual([]);
  });

  it('is silent on the excerpts, which stop before the sections they do not show', () => {
    for (const f of corpusFiles('excerpts')) expect(check(corpusText(f)), f).toEqual([]);
  });
});

describe('section-missing: long lines', () => {
  it('stays linear on a long line full of lead-in and problem cues without a sentence end', () => {
    for (const body of ['重点抓好以下：'.repeat(150_000), '同时也要清醒看到问题主要是：'.repeat(60_000), '一 '.repeat(500_000)]) {
      const text = '青山镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n' + body;
      const t0 = performance.now();
      check(text);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});
