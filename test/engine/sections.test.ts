import { describe, it, expect } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { absences, findSections, insertionPoint, isCutOff, missingSections, SECTION_DEFS, suggestedHeading, type SectionId } from '../../server/src/engine/sections';
import { kindFromContent } from '../../server/src/engine/pipeline/03-title';
import { REPORT_KINDS } from '../../server/src/engine/model';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../helpers/corpus';

function present(text: string): Record<string, boolean> {
  return Object.fromEntries(findSections(buildReportModel(text)).map((s) => [s.id, s.present]));
}

const GOV = [
  '青山镇2023年政府工作报告',
  '各位代表：',
  '现在，我代表镇人民政府，向大会报告工作，请予审议。',
  '一、2022年工作回顾',
  '一年来，我们坚持稳中求进，经济运行平稳。',
  '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
  '二、2023年工作安排',
  '今年政府工作的总体要求是：坚持稳中求进。',
  '（一）抓好产业发展',
  '推进园区建设。',
  '各位代表！让我们团结一心，为建设美丽青山而努力奋斗！',
].join('\n');

const SUMMARY_PLAN = [
  '青山镇2023年工作总结及2024年工作计划',
  '一、2023年工作情况',
  '（一）产业发展。全年完成投资5亿元。',
  '（二）民生保障。新增就业300人。',
  '二、2024年工作思路',
  '（一）抓项目。推进重点项目。',
  '（二）惠民生。办好民生实事。',
].join('\n');

describe('SECTION_DEFS', () => {
  it('covers every kind, with nothing for unknown', () => {
    for (const kind of REPORT_KINDS) expect(SECTION_DEFS[kind]).toBeDefined();
    expect(SECTION_DEFS.unknown).toEqual([]);
  });

  it('lists sections in conventional order with names and what they say in both languages', () => {
    for (const kind of REPORT_KINDS) {
      const defs = SECTION_DEFS[kind];
      for (let i = 1; i < defs.length; i++) expect(defs[i].order).toBeGreaterThan(defs[i - 1].order);
      for (const d of defs) {
        expect(d.name.zh && d.name.en && d.says.zh && d.says.en).toBeTruthy();
        if (d.placement === 'section') expect(d.headingCue ?? d.leadCue).toBeDefined();
      }
    }
  });

  it('requires the sections of the guide table', () => {
    const required = (kind: keyof typeof SECTION_DEFS) => SECTION_DEFS[kind].filter((d) => d.required).map((d) => d.id);
    expect(required('gov-report')).toEqual(['salutation', 'opening', 'review', 'problems', 'tasks', 'closing']);
    expect(required('summary')).toEqual(['review', 'problems', 'next-steps']);
    expect(required('plan')).toEqual(['guiding', 'targets', 'tasks']);
    expect(required('summary-plan')).toEqual(['review', 'problems', 'plan']);
    expect(required('duty-report')).toEqual(['duties', 'problems', 'direction']);
  });
});

describe('findSections', () => {
  it('finds every required section of a complete government work report', () => {
    const model = buildReportModel(GOV);
    expect(missingSections(model)).toEqual([]);
    const byId = Object.fromEntries(findSections(model).map((s) => [s.id, s]));
    expect(byId.review.heading?.text).toBe('2022年工作回顾');
    expect(byId.tasks.heading?.text).toBe('2023年工作安排');
    // The problems have no heading: found by the opening sentence of their paragraph.
    expect(byId.problems.heading).toBeUndefined();
    expect(byId.problems.paragraph).toBe(5);
    expect(byId.closing.paragraph).toBe(10);
  });

  it('finds the problems section by its heading too', () => {
    const text = SUMMARY_PLAN.replace('二、2024年工作思路', '二、存在的问题\n当前产业基础仍较薄弱。\n三、2024年工作思路');
    expect(present(text).problems).toBe(true);
  });

  it('looks past a short first sentence', () => {
    const text = SUMMARY_PLAN.replace('二、2024年工作思路', '安不忘危，兴不忘忧。我们清醒认识到，发展还不平衡。\n二、2024年工作思路');
    expect(present(text).problems).toBe(true);
  });

  it('does not take a cue from later sentences of a paragraph', () => {
    const text = SUMMARY_PLAN.replace('全年完成投资5亿元。', '全年完成投资5亿元。但也存在一些问题和不足。');
    expect(present(text).problems).toBe(false);
  });

  it('reads traditional characters', () => {
    const text = '鄉鎮2023年工作總結和2024年工作計畫\n一、2023年工作總結\n內容。\n二、存在問題\n內容。\n三、2024年工作計畫\n內容。';
    expect(missingSections(buildReportModel(text))).toEqual([]);
  });

  it('finds the salutation and opening in flattened text', () => {
    const text = 'XX镇2023年政府工作报告各位代表：现在，我代表镇人民政府，向大会报告工作，请予审议。一、2022年工作回顾。一年来成绩显著。';
    const p = present(text);
    expect(p.salutation).toBe(true);
    expect(p.opening).toBe(true);
  });

  it('has nothing to look for in a document of unknown kind', () => {
    const model = buildReportModel('一段没有标题的文字。\n另一段文字。', { kind: 'unknown' });
    expect(findSections(model)).toEqual([]);
  });

  it('does not take the salutation for the closing in a short text', () => {
    const model = buildReportModel('青山镇2023年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。');
    expect(missingSections(model).map((s) => s.id)).toContain('closing');
  });
});

describe('findSections: where a section starts', () => {
  it('places a section found by a cue inside a paragraph at the sentence holding the cue', () => {
    const text = GOV.replace('一年来，我们坚持稳中求进，经济运行平稳。\n在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。', '一年来，我们坚持稳中求进，经济运行平稳。但也面临一些困难。主要是：产业基础薄弱。');
    const problems = findSections(buildReportModel(text)).find((s) => s.id === 'problems')!;
    expect(problems.present).toBe(true);
    expect(text.slice(problems.at!).startsWith('但也面临一些困难。')).toBe(true);
  });

  it('takes a tasks lead-in only after the review has begun', () => {
    // The same words before the review (in the opening) announce nothing.
    const text = GOV.replace('现在，我代表镇人民政府，向大会报告工作，请予审议。', '现在，我代表镇人民政府，向大会报告工作，请予审议。下面重点做好以下几个方面的汇报：\n（一）总体情况').replace('二、2023年工作安排\n今年政府工作的总体要求是：坚持稳中求进。\n', '');
    expect(present(text).tasks).toBe(false);
  });

  it('reads a title between runs of blanks, but not a whole paragraph, as a heading', () => {
    expect(present('青山镇2023年工作总结及2024年工作计划\n2023年工作情况良好，全年完成投资5亿元。存在的问题较少。').review).toBe(false);
    expect(present('青山镇2023年工作总结及2024年工作计划\n前言。  2023年工作情况  全年完成投资5亿元。').review).toBe(true);
  });
});

describe('isCutOff', () => {
  const cut = (text: string) => isCutOff(buildReportModel(text));
  it('tells a document that stops mid-sentence, mid-list, at …… or at a bare heading', () => {
    expect(cut(SUMMARY_PLAN.replace(/办好民生实事。$/, '办好民生'))).toBe(true);
    expect(cut(SUMMARY_PLAN.replace(/办好民生实事。$/, '办好民生实事；'))).toBe(true);
    expect(cut(SUMMARY_PLAN.replace(/办好民生实事。$/, '办好民生实事……'))).toBe(true);
    expect(cut(SUMMARY_PLAN + '\n（三）惠民生')).toBe(true);
  });

  it('takes a document of a whole report’s length ending with a sentence, a closing quote or a sign-off for complete', () => {
    const long = SUMMARY_PLAN.replace('全年完成投资5亿元。', '全年完成投资5亿元。' + '园区建设加快推进，龙头企业不断壮大。'.repeat(100));
    expect(cut(long)).toBe(false);
    expect(cut(long.replace(/办好民生实事。$/, '打响“青山品牌”。”'))).toBe(false);
    expect(cut(long + '\n\n青山镇人民政府\n2024年1月5日\n【打印本页】 【关闭窗口】\n0')).toBe(false);
    expect(cut(GOV)).toBe(false);
  });

  it('takes a document far shorter than a whole report of its kind for an opening', () => {
    expect(cut(SUMMARY_PLAN)).toBe(true);
  });

  it('takes a government work report far shorter than one and without a closing for an opening cut short', () => {
    expect(cut(GOV.replace(/\n各位代表！.*$/, ''))).toBe(true);
  });
});

describe('absences', () => {
  it('leaves out what would come after the end of a cut-off document, not what comes before its last text', () => {
    const text = ['青山镇2024年政府工作报告', '各位代表：', '一、2023年工作回顾', '一年来，全镇完成投资5亿元，同比增长'].join('\n');
    expect(absences(buildReportModel(text)).map((a) => a.match.id)).toEqual(['opening']);
    expect(missingSections(buildReportModel(text)).map((s) => s.id)).toEqual(['opening', 'problems', 'tasks', 'closing']);
  });
});

describe('kindFromContent', () => {
  it('takes a salutation with a review and this year’s tasks for a government work report, half-width colon and all', () => {
    expect(kindFromContent('各位代表:\n一、2023年工作回顾\n内容。\n二、2024年工作安排\n内容。')).toBe('gov-report');
    expect(kindFromContent('各位代表、同志们：\n一年来，成绩显著。\n今年工作的总体要求是：稳中求进。')).toBe('gov-report');
  });

  it('reads the opening in traditional characters', () => {
    expect(kindFromContent('各位代表：\n現在，我代表鎮人民政府，向大會報告工作，請予審議。')).toBe('gov-report');
  });

  it('does not take a speech to leaders for a government work report', () => {
    expect(kindFromContent('各位领导、同志们：\n一、工作回顾\n内容。\n二、工作安排\n内容。')).not.toBe('gov-report');
  });
});

describe('insertionPoint', () => {
  it('puts the problems before the plan', () => {
    const model = buildReportModel(SUMMARY_PLAN);
    expect(missingSections(model).map((s) => s.id)).toEqual(['problems']);
    const at = insertionPoint(model, 'problems');
    expect(at.offset).toBe(SUMMARY_PLAN.indexOf('二、2024年工作思路'));
    expect(at.before?.text).toBe('2024年工作思路');
    expect(at.parent).toBeUndefined();
  });

  it('puts the closing at the end and the salutation after the title', () => {
    const text = GOV.replace('各位代表：\n', '').replace(/\n各位代表！.*$/, '');
    const model = buildReportModel(text);
    expect(missingSections(model).map((s) => s.id)).toEqual(['salutation', 'closing']);
    expect(insertionPoint(model, 'closing').offset).toBe(text.length);
    expect(insertionPoint(model, 'salutation').offset).toBe(text.indexOf('\n') + 1);
  });

  it('puts missing tasks after the review sections, before the closing paragraph', () => {
    const text = GOV.replace(/二、2023年工作安排[\s\S]*推进园区建设。\n/, '');
    const model = buildReportModel(text);
    expect(missingSections(model).map((s) => s.id)).toEqual(['tasks']);
    expect(insertionPoint(model, 'tasks').offset).toBe(text.indexOf('各位代表！'));
  });

  it('puts the direction of a duty report after all its work sections', () => {
    const text = '张三2023年述职报告\n一、加强学习\n内容。\n二、履职尽责\n内容。\n三、存在的不足\n内容。';
    const model = buildReportModel(text);
    expect(missingSections(model).map((s) => s.id)).toEqual(['direction']);
    expect(insertionPoint(model, 'direction').offset).toBe(text.length);
  });

  it('uses CRLF line starts', () => {
    const text = SUMMARY_PLAN.replace(/\n/g, '\r\n');
    const at = insertionPoint(buildReportModel(text), 'problems');
    expect(at.offset).toBe(text.indexOf('二、2024年工作思路'));
    expect(text.slice(at.offset - 2, at.offset)).toBe('\r\n');
  });
});

describe('suggestedHeading', () => {
  it('fills in the years of the report', () => {
    const gov = buildReportModel(GOV);
    expect(suggestedHeading(gov, 'tasks')).toBe('2023年工作安排');
    expect(suggestedHeading(gov, 'review')).toBe('2022年工作回顾');
    const sp = buildReportModel(SUMMARY_PLAN);
    expect(suggestedHeading(sp, 'problems')).toBe('存在的问题');
    expect(suggestedHeading(sp, 'plan' as SectionId)).toBe('2024年工作计划');
  });
});

describe.skipIf(!hasCorpus)('findSections: corpus', () => {
  it('finds the problems missing in the two seeds, and where they go', () => {
    for (const f of ['local/town-summary-and-plan-template.txt', 'local/sankui-2023-summary-2024-plan.txt']) {
      const text = corpusText(f);
      const model = buildReportModel(text);
      expect(missingSections(model).map((s) => s.id), f).toEqual(['problems']);
      const at = insertionPoint(model, 'problems');
      expect(at.before?.marker?.text, f).toBe('二、');
      expect(text.slice(at.offset).startsWith('二、'), f).toBe(true);
    }
  });

  it('finds every required section of the full reports', () => {
    const files = [...corpusFiles('national'), ...LOCAL_GOV_REPORTS];
    for (const f of files) expect(missingSections(buildReportModel(corpusText(f))).map((s) => s.id), f).toEqual([]);
  });
});
