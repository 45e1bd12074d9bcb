import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { applyEdits } from '../../../server/src/engine/renumber';
import { headingPunctuation } from '../../../server/src/engine/rules/heading-punctuation';
import { defaultSettings } from '../../../server/src/engine/settings';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

const check = (text: string) => headingPunctuation.check(buildReportModel(text), defaultSettings());

describe('heading-punctuation', () => {
  it('follows a document whose own-line headings end with 。 (the State Council style) and flags the one that does not', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况\n（一）乡村振兴稳步推进。\n全年完成投资三亿元。\n（二）产业结构不断优化。\n新增企业五家。\n（三）民生持续改善\n新增就业三百人。\n';
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('善');
    expect(findings[0].message).toEqual({ zh: '本文同级标题多以“。”结尾，此处没有', en: 'Most headings of this level in this document end with "。"; this one does not' });
    expect(applyEdits(text, findings[0].fixes![0].edits)).toBe(text.replace('（三）民生持续改善', '（三）民生持续改善。'));
  });

  it('counts run-in headings (heading and body on one line) as ending with 。', () => {
    const text = '示例镇2023年工作总结\n（一）乡村振兴稳步推进。全年完成投资三亿元。\n（二）产业结构不断优化。新增企业五家。\n（三）民生持续改善\n新增就业三百人。\n';
    expect(check(text).map((f) => f.message.zh)).toEqual(['本文同级标题多以“。”结尾，此处没有']);
  });

  it('is silent on a document that ends every heading of a level with 。', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况\n（一）乡村振兴稳步推进。\n全年完成投资三亿元。\n（二）产业结构不断优化。\n新增企业五家。\n（三）民生持续改善。\n新增就业三百人。\n';
    expect(check(text)).toEqual([]);
  });

  it('flags the one heading with 。 among headings without, naming the style, and the fix deletes only the mark', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况\n（一）乡村振兴稳步推进。\n全年完成投资三亿元。\n（二）产业结构不断优化\n新增企业五家。\n（三）民生持续改善\n新增就业三百人。\n';
    const findings = check(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['。']);
    expect(findings[0].message.zh).toBe('本文同级标题末尾多不加标点，此处有“。”');
    expect(findings[0].message.en).toBe('Most headings of this level in this document have no end punctuation; this one ends with "。"');
    expect(applyEdits(text, findings[0].fixes![0].edits)).toBe(text.replace('稳步推进。', '稳步推进'));
  });

  it('judges each level on its own and says nothing without a clear majority', () => {
    // `一、` headings have no 。, `（一）` headings have: two styles, two levels, no exception.
    const levels = '示例镇2023年工作总结\n一、工作开展情况\n（一）乡村振兴稳步推进。\n正文。\n（二）产业结构不断优化。\n正文。\n二、存在的问题\n正文。\n三、下一步打算\n正文。\n';
    expect(check(levels)).toEqual([]);
    // One with, one without: which is the exception is not for the rule to guess.
    const tie = '示例镇2023年工作总结\n（一）乡村振兴稳步推进。\n正文。\n（二）产业结构不断优化\n正文。\n';
    expect(check(tie)).toEqual([]);
  });

  it('does not judge a lead-in ending in ： or a list item ending in ；', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况：\n正文。\n二、存在问题\n正文。\n三、下一步打算\n正文。\n';
    expect(check(text)).toEqual([]);
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
