import { describe, it, expect } from 'vitest';
import { buildReportModel, type BuildOptions } from '../../../server/src/engine/pipeline';
import { yearMismatch } from '../../../server/src/engine/rules/year-mismatch';
import { applyEdits } from '../../../server/src/engine/renumber';
import { defaultSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

function check(text: string, options?: BuildOptions): Finding[] {
  return yearMismatch.check(buildReportModel(text, options), defaultSettings());
}

function apply(text: string, f: Finding): string {
  return applyEdits(text, f.fixes![0].edits);
}

const gov = (review: string, plan: string) =>
  ['青山镇2023年政府工作报告', '各位代表：', `一、${review}`, '一年来成绩显著。', `二、${plan}`, '（一）抓产业。推进园区建设。'].join('\n');

describe('year-mismatch', () => {
  it('is silent when a government work report reviews last year and plans this year', () => {
    expect(check(gov('2022年工作回顾', '2023年工作安排'))).toEqual([]);
  });

  it('flags a review left over from an old template', () => {
    const text = gov('2021年工作回顾', '2023年工作安排');
    const [f, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(text.slice(f.start, f.end)).toBe('2021年');
    expect(f.message).toEqual({
      zh: '“2021年”与标题年份（2023年）不符：工作回顾应为2022年',
      en: '"2021年" does not fit the title year (2023): the review should be of 2022',
    });
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes![0]).toMatchObject({ safe: false, preferred: true, title: { zh: '改为“2022年”' } });
    expect(apply(text, f)).toBe(gov('2022年工作回顾', '2023年工作安排'));
  });

  it('flags a plan for the wrong year', () => {
    const [f] = check(gov('2022年工作回顾', '2022年工作目标及安排'));
    expect(f.message.zh).toBe('“2022年”与标题年份（2023年）不符：工作安排应为2023年');
    expect(f.data).toEqual({ year: 2022, expected: 2023, role: 'plan' });
  });

  it('accepts the year-end congress convention when review and plan agree with it', () => {
    expect(check(gov('2023年工作回顾', '2024年工作安排'))).toEqual([]);
  });

  it('flags both headings of a template copied a year late', () => {
    expect(check(gov('2021年工作回顾', '2022年工作安排')).map((f) => f.data?.expected)).toEqual([2022, 2023]);
  });

  it('checks a summary + plan against both years of its title', () => {
    const text = ['青山镇2023年工作总结及2024年工作计划', '一、2023年工作情况', '内容。', '二、2023年工作思路', '内容。'].join('\n');
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].data).toEqual({ year: 2023, expected: 2024, role: 'plan' });
    expect(check(text.replace('二、2023年', '二、2024年'))).toEqual([]);
  });

  it('reads both years of one heading', () => {
    const text = ['青山镇2023年工作总结', '一、2022年工作总结及2024年工作计划', '内容。'].join('\n');
    expect(check(text).map((f) => [f.data?.year, f.data?.expected])).toEqual([[2022, 2023]]);
  });

  it('expects review Y and plan Y+1 in a summary or duty report, plan Y in a plan', () => {
    expect(check('青山镇2023年工作总结\n一、2023年工作回顾\n内容。\n二、2024年工作打算\n内容。')).toEqual([]);
    expect(check('张三2023年述职报告\n一、2022年工作情况\n内容。').map((f) => f.data?.expected)).toEqual([2023]);
    expect(check('青山镇2024年工作要点\n一、2024年工作目标\n内容。')).toEqual([]);
    expect(check('青山镇2024年工作要点\n一、2023年工作目标\n内容。').map((f) => f.data?.expected)).toEqual([2024]);
  });

  it('allows the same year for the second half of a half-year report', () => {
    expect(check('青山镇2023年上半年工作总结\n一、2023年上半年工作回顾\n内容。\n二、2023年下半年工作打算\n内容。')).toEqual([]);
  });

  it('ignores headings without a review or plan cue, year ranges and years in body text', () => {
    const text = [
      '青山镇2023年政府工作报告',
      '一、2022年工作回顾',
      '2020年以来，全镇累计投资10亿元。',
      '（一）2019年建成的园区持续发挥效益',
      '二、2018—2022年发展成就回顾',
      '三、2023年工作安排',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('keeps full-width and Chinese digits in the fix', () => {
    const full = gov('２０２１年工作回顾', '2023年工作安排');
    const [f] = check(full);
    expect(f.fixes![0].edits[0].newText).toBe('２０２２');
    const cn = gov('二〇二一年工作回顾', '2023年工作安排');
    const [g] = check(cn);
    expect(g.fixes![0].edits[0].newText).toBe('二〇二二');
    expect(cn.slice(g.start, g.end)).toBe('二〇二一年');
  });

  it('reads a Chinese year typed with 0 for 〇, and writes 〇 in the fix', () => {
    const text = gov('二0二一年工作回顾', '二0二三年工作安排');
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['二0二一年']);
    expect(found[0].fixes![0].edits[0].newText).toBe('二〇二二');
    expect(check(gov('二0二二年工作回顾', '2023年工作安排'))).toEqual([]);
  });

  it('does nothing without a year in the title or for unknown kind', () => {
    expect(check('政府工作报告\n一、2021年工作回顾\n内容。')).toEqual([]);
    expect(check('青山镇2023年材料\n一、2021年工作回顾\n内容。', { kind: 'unknown' })).toEqual([]);
  });

  it('keeps offsets right with a BOM and CRLF', () => {
    const text = '\uFEFF' + gov('2021年工作回顾', '2023年工作安排').replace(/\n/g, '\r\n');
    const [f] = check(text);
    expect(text.slice(f.start, f.end)).toBe('2021年');
  });
});

describe.skipIf(!hasCorpus)('year-mismatch: corpus', () => {
  it('is silent on every corpus document (their years fit)', () => {
    for (const dir of ['national', 'local', 'excerpts']) {
      for (const f of corpusFiles(dir)) {
        expect(check(corpusText(f)), f).toEqual([]);
      }
    }
  });

  it('catches a stale year planted in a real report', () => {
    const text = corpusText('local/liuzhen-2023-gov-report.txt').replace('一、2022年工作回顾', '一、2021年工作回顾');
    expect(check(text).map((f) => f.data?.expected)).toEqual([2022]);
  });
});
