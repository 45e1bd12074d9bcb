import { describe, it, expect } from 'vitest';
import { buildReportModel, type BuildOptions } from '../../../server/src/engine/build-model';
import { sectionMissing } from '../../../server/src/engine/rules/section-missing';
import { defaultSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../../helpers/corpus';

function check(text: string, options?: BuildOptions): Finding[] {
  return sectionMissing.check(buildReportModel(text, options), defaultSettings());
}

const SUMMARY_PLAN = [
  '青山镇2023年工作总结及2024年工作计划',
  '一、2023年工作情况',
  '（一）产业发展。全年完成投资5亿元。',
  '二、2024年工作思路',
  '（一）抓项目。推进重点项目。',
].join('\n');

describe('section-missing', () => {
  it('reports the missing problems section on the title, naming what it says', () => {
    const found = check(SUMMARY_PLAN);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.message).toEqual({
      zh: '缺少“存在的问题”部分：通常写明工作中的不足和困难',
      en: 'Missing section "Problems": it usually names the shortcomings and difficulties of the work',
    });
    expect(SUMMARY_PLAN.slice(f.start, f.end)).toBe('青山镇2023年工作总结及2024年工作计划');
    expect(f.data).toEqual({ sectionId: 'problems' });
  });

  it('is silent when the problems are there without a heading', () => {
    const text = SUMMARY_PLAN.replace('二、2024年工作思路', '同时，我们也清醒地看到，工作中还存在一些不足。\n二、2024年工作思路');
    expect(check(text)).toEqual([]);
  });

  it('is silent when the problems are glued to their heading', () => {
    const text = SUMMARY_PLAN.replace('二、2024年工作思路', '二、存在的问题。产业基础仍较薄弱。\n三、2024年工作思路');
    expect(check(text)).toEqual([]);
  });

  it('reports every missing section of a plan', () => {
    const text = '青山镇2024年工作要点\n一、重点任务\n（一）抓项目。';
    expect(check(text).map((f) => f.data?.sectionId)).toEqual(['guiding', 'targets']);
  });

  it('reports a government work report without its problems and closing', () => {
    const text = ['青山镇2023年政府工作报告', '各位代表：', '现在，我代表镇人民政府，向大会报告工作，请予审议。', '一、2022年工作回顾', '一年来成绩显著。', '二、2023年工作安排', '（一）抓产业。推进园区建设。'].join('\n');
    expect(check(text).map((f) => f.data?.sectionId)).toEqual(['problems', 'closing']);
  });

  it('anchors on the first line when there is no title', () => {
    const text = '\uFEFF各位代表：\r\n现在，我代表镇人民政府，向大会报告工作，请予审议。\r\n一、2022年工作回顾\r\n一年来成绩显著。';
    const found = check(text);
    expect(found.length).toBeGreaterThan(0);
    expect(text.slice(found[0].start, found[0].end)).toBe('各位代表：');
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
    const found = check('青山镇工作材料\n一、工作情况\n内容。', { kind: 'summary' });
    expect(found.map((f) => f.data?.sectionId)).toEqual(['problems', 'next-steps']);
  });
});

describe.skipIf(!hasCorpus)('section-missing: corpus', () => {
  it('reports the missing problems section of the two seeds', () => {
    for (const f of ['local/town-summary-and-plan-template.txt', 'local/sankui-2023-summary-2024-plan.txt']) {
      const found = check(corpusText(f));
      expect(found.map((x) => x.data?.sectionId), f).toEqual(['problems']);
    }
  });

  it('is silent on the complete reports', () => {
    const files = [...corpusFiles('national'), ...LOCAL_GOV_REPORTS];
    for (const f of files) expect(check(corpusText(f)), f).toEqual([]);
  });
});
