/**
 * Hover on a heading: the size of its section (characters without blanks, paragraphs,
 * subsections direct and in all), in Chinese and English markdown.
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { headingAt, hoverAt, sectionStats } from '../../server/src/engine/features/hover';

const REPORT = [
  '示例镇2024年政府工作报告', // 0
  '各位代表：', // 1
  '一、2023年工作回顾', // 2
  '（一）产业发展。全年完成投资。', // 3
  '1.项目建设。新签约项目六个。', // 4
  '2.企业培育。新增规上企业。', // 5
  '', // 6
  '（二）民生保障', // 7
  '　　新增就业 五百人。', // 8
  '二、2024年工作安排', // 9
  '重点做好：一是稳增长；二是保民生。', // 10
].join('\n');

const model = buildReportModel(REPORT);
const offsetOf = (s: string) => REPORT.indexOf(s);
const nonBlank = (s: string) => [...s].filter((c) => !/\s|\u3000/.test(c)).length;

describe('section size', () => {
  it('counts characters without blanks, paragraphs and subsections of a top-level section', () => {
    const h = headingAt(model, offsetOf('一、2023'))!;
    expect(h.label).toBe('一、2023年工作回顾');
    const section = REPORT.slice(offsetOf('一、2023'), offsetOf('\n二、'));
    expect(sectionStats(model, h)).toEqual({
      characters: nonBlank(section),
      hanzi: [...section].filter((c) => /\p{Script=Han}/u.test(c)).length,
      paragraphs: 6,
      directSubsections: 2,
      totalSubsections: 4,
    });
  });

  it('skips the full-width indent and spaces inside the text', () => {
    const h = headingAt(model, offsetOf('（二）民生'))!;
    const s = sectionStats(model, h);
    expect(s.characters).toBe(nonBlank('（二）民生保障新增就业五百人。'));
    expect(s.paragraphs).toBe(2);
    expect(s.directSubsections).toBe(0);
  });

  it('counts a character outside the BMP once', () => {
    const m = buildReportModel('一、𠀀𠀀回顾\n正文。\n');
    expect(sectionStats(m, m.headings[0]).characters).toBe(9);
  });

  it('counts an inline point as one paragraph', () => {
    const h = headingAt(model, offsetOf('二是'))!;
    expect(h.family).toBe('cn-point');
    expect(sectionStats(model, h).paragraphs).toBe(1);
  });
});

describe('hover', () => {
  it('appears on the marker and on the text of a heading, not on body text', () => {
    expect(hoverAt(model, offsetOf('一、2023'))).toBeDefined();
    expect(hoverAt(model, offsetOf('工作回顾'))).toBeDefined();
    expect(hoverAt(model, offsetOf('全年完成投资'))).toBeUndefined();
    expect(hoverAt(model, offsetOf('各位代表'))).toBeUndefined();
  });

  it('spans the heading and says the size in both languages', () => {
    const info = hoverAt(model, offsetOf('一、2023') + 3)!;
    expect(REPORT.slice(info.start, info.end)).toBe('一、2023年工作回顾');
    const chars = nonBlank(REPORT.slice(offsetOf('一、2023'), offsetOf('\n二、')));
    expect(info.contents.zh).toContain(`字数 ${chars}（不含空白`);
    expect(info.contents.zh).toContain('6 段');
    expect(info.contents.zh).toContain('下级标题 2 个（共 4 个）');
    expect(info.contents.zh).toContain('第 1 级');
    expect(info.contents.en).toContain(`${chars} characters without blanks`);
    expect(info.contents.en).toContain('6 paragraphs');
    expect(info.contents.en).toContain('2 subsections (4 in all)');
  });

  it('says so when a section has no subsections', () => {
    const info = hoverAt(model, offsetOf('（二）民生'))!;
    expect(info.contents.zh).toContain('无下级标题');
    expect(info.contents.en).toContain('no subsections');
    expect(info.contents.en).toContain('Level 2');
  });

  it('escapes markdown in the heading name', () => {
    const m = buildReportModel('标题工作报告\n一、**乡第**届工作\n正文。\n');
    expect(hoverAt(m, m.headings[0].start)!.contents.zh.startsWith('**一、\\*\\*乡第\\*\\*届工作**')).toBe(true);
  });

  it('picks the inline heading under the cursor in flattened text', () => {
    const text = '一、回顾正文。（一）激发产业活力。一是甲。二是乙。';
    const m = buildReportModel(text);
    expect(headingAt(m, text.indexOf('激发'))!.label).toBe('（一）激发产业活力');
    expect(headingAt(m, text.indexOf('乙'))!.label).toBe('二是乙');
  });
});
