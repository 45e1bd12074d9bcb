import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { analyze } from '../../../server/src/engine/analyze';
import { placeholderRule } from '../../../server/src/engine/rules/placeholder';
import { defaultSettings, type GongwenSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

function check(text: string): Finding[] {
  return placeholderRule.check(buildReportModel(text), defaultSettings());
}

function withPatterns(extraPatterns: string[], ignoreWords: string[] = []): GongwenSettings {
  const s = defaultSettings();
  s.placeholders.extraPatterns = extraPatterns;
  s.placeholders.ignoreWords = ignoreWords;
  return s;
}

describe('placeholder', () => {
  it('reports one finding per blank, naming it', () => {
    const text = '某镇xxxx年工作总结\n全年完成投资xx亿元，签约新项目x个。';
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['某', 'xxxx', 'xx', 'x']);
    expect(found[1].message).toEqual({ zh: '未填写的占位符“xxxx年”', en: 'Unfilled placeholder "xxxx年"' });
    expect(found[2].message.zh).toBe('未填写的占位符“xx”');
    expect(found.every((f) => f.ruleId === 'placeholder' && f.fixes === undefined)).toBe(true);
  });

  it('carries the blank in data for "fill all like this"', () => {
    const found = check('在xx镇召开xx会议');
    expect(found.map((f) => f.data)).toEqual([
      { placeholder: 'xx', form: 'x-run' },
      { placeholder: 'xx', form: 'x-run' },
    ]);
  });

  it('reports medium-confidence blanks as info, high ones at the rule severity', () => {
    const found = check('全镇实现生产总值亿元，同比增长%。参合基金 万元。');
    expect(found.map((f) => [f.severity, f.message.zh])).toEqual([
      ['info', '可能缺少数字：“生产总值亿元”'],
      ['info', '可能缺少数字：“同比增长%”'],
      [undefined, '未填写的数字：“参合基金 万元”'],
    ]);
  });

  it('names a deleted year with what follows it', () => {
    const found = check('请提出意见。 年政府工作回顾\n全年完成投资5亿元。');
    expect(found.map((f) => [f.severity, f.message.zh])).toEqual([['info', '可能缺少数字：“年政府工作”']]);
  });

  it('says when a paragraph is cut off', () => {
    const [f] = check('三是文旅产业……\n四是');
    expect(f.message.zh).toBe('段落以“……”结尾，内容可能没写完');
  });

  it('names other forms as written', () => {
    const text = '【单位名称】2024年工作要点\n××镇在**乡第**届会议上，20__年';
    expect(check(text).map((f) => f.message.zh)).toEqual([
      '未填写的占位符“【单位名称】”',
      '未填写的占位符“××”',
      '未填写的占位符“**”',
      '未填写的占位符“**届”',
      '未填写的占位符“__年”',
    ]);
  });

  it('stays silent on look-alikes (guide §4 traps)', () => {
    const text = 'PM2.5浓度下降，M2增长，建成5G基站，C919首飞，GDP增长，X光机、3+X、1+X证书、4A级景区、Ⅲ类水质、3×3篮球、二〇二四年、府发〔2024〕2号、某些问题、9.8‰。';
    expect(check(text)).toEqual([]);
  });

  it('keeps offsets right with a BOM and CRLF', () => {
    const text = '\uFEFF标题\r\n\r\n投资xx亿元\r\n';
    const [f] = check(text);
    expect(text.slice(f.start, f.end)).toBe('xx');
    expect(f.start).toBe(text.indexOf('xx'));
  });
});

describe('placeholder: extra patterns through analyze', () => {
  it('turns matches of an extra pattern into placeholders', () => {
    const a = analyze('三河镇工作总结\n项目待定，规模待填。', withPatterns(['待(定|填)']));
    const found = a.findings.filter((f) => f.ruleId === 'placeholder');
    expect(found.map((f) => f.message.zh)).toEqual(['未填写的占位符“待定”', '未填写的占位符“待填”']);
    expect(a.settingsProblems).toEqual([]);
  });

  it('reports patterns outside the safe subset as settings problems and still analyzes', () => {
    const a = analyze('投资xx亿元', withPatterns(['(a)\\1', 'a(?=b)', '待定']));
    expect(a.settingsProblems).toHaveLength(2);
    expect(a.settingsProblems[0]).toMatch(/^gongwen\.placeholders\.extraPatterns\[0\] "\(a\)\\\\1": backreferences/);
    expect(a.settingsProblems[1]).toMatch(/extraPatterns\[1\].*lookaheads/);
    expect(a.findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
  });

  it('does not hang on a catastrophic pattern over a long text', () => {
    const text = '三河镇工作总结\n' + 'a'.repeat(100_000) + '!';
    const t0 = performance.now();
    const a = analyze(text, withPatterns(['(a+)+$', '(x|x)*y']));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(a.settingsProblems).toEqual([]);
  });

  it('lets ignore words silence extra-pattern matches', () => {
    const a = analyze('项目待定。', withPatterns(['待定'], ['待定']));
    expect(a.findings.filter((f) => f.ruleId === 'placeholder')).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('placeholder: corpus', () => {
  it('finds nothing in the national reports', () => {
    const files = corpusFiles('national');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(check(corpusText(f)), path.basename(f)).toEqual([]);
  });

  it('finds the blanks of the template', () => {
    const found = check(corpusText('local/town-summary-and-plan-template.txt'));
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((f) => f.message.zh === '未填写的占位符“xxxx年”')).toBe(true);
  });
});
