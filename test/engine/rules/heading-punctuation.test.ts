import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/build-model';
import { applyEdits } from '../../../server/src/engine/renumber';
import { headingPunctuation } from '../../../server/src/engine/rules/heading-punctuation';
import { defaultSettings } from '../../../server/src/engine/settings';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

const check = (text: string) => headingPunctuation.check(buildReportModel(text), defaultSettings());

describe('heading-punctuation', () => {
  it('flags end punctuation after a heading alone on its line, and the fix deletes only it', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况：\n（一）乡村振兴稳步推进。\n全年完成投资三亿元。\n（二）产业结构不断优化\n';
    const findings = check(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['：', '。']);
    expect(findings[1].message.zh).toBe('标题独占一行时末尾不加标点：删去“。”');
    const fixed = applyEdits(text, findings.flatMap((f) => f.fixes![0].edits));
    expect(fixed).toBe('示例镇2023年工作总结\n一、工作开展情况\n（一）乡村振兴稳步推进\n全年完成投资三亿元。\n（二）产业结构不断优化\n');
  });

  it('leaves run-in headings, points, lead lines and numbered sentences alone', () => {
    const text = [
      '示例镇2023年工作总结',
      '（一）乡村振兴稳步推进。全年完成投资三亿元。',
      '一是粮食生产稳定。',
      '——经济发展强劲有力。',
      '1、抓项目。',
      '（二）获得省级卫生乡镇、全市征兵工作先进单位、全市信访工作先进乡镇等多项荣誉称号，并在全县考核中排名第一。',
      '',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it.skipIf(!hasCorpus)('is silent on the national and local government reports', () => {
    for (const file of [...corpusFiles('national'), ...corpusFiles('local')]) expect(check(corpusText(file)), file).toEqual([]);
  });
});
