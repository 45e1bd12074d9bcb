import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine';

const REPORT = '青石镇2024年工作总结\n\n一、2023年工作回顾\n\n过去一年，我们完成了以下工作：（一）产业发展提质增效。新引进项目12个。（二）城乡面貌持续改善。完成道路硬化。\n\n二、2024年工作安排\n\n围绕目标，抓好三个方面工作。\n';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('scans bounded by their paragraph (issue 9)', () => {
  it('parses a report followed by 64,000 data lines without sentence ends in linear time (was 28 s)', () => {
    const appendix = Array.from({ length: 64000 }, (_, i) => `数据行${i} 甲 乙 丙`).join('\n');
    const { value: model, ms } = timed(() => buildReportModel(REPORT + '附件：统计数据\n' + appendix));
    expect(ms).toBeLessThan(4000);
    // The inline headings before the appendix are still found.
    expect(model.headings.map((h) => h.label)).toEqual(expect.arrayContaining(['（一）产业发展提质增效', '（二）城乡面貌持续改善']));
  });

  it('parses a report with a 40,000-row table quickly (was 12–17 s)', () => {
    const table = Array.from({ length: 40000 }, (_, i) => `${i}\t青石镇\t${(i * 7) % 1000}\t${(i * 13) % 100}%\t合计`).join('\n');
    const { ms } = timed(() => buildReportModel(REPORT + table + '\n' + REPORT));
    expect(ms).toBeLessThan(4000);
  });

  it('finds an inline heading only after a sentence end in the same paragraph', () => {
    // The `：` ends the first paragraph; the marker opening the next line is a paragraph start, not inline.
    const model = buildReportModel('甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸\n数据行 甲 乙\n数据行 丙 丁：（一）产业发展。正文。');
    const inline = model.headings.filter((h) => h.placement === 'inline');
    expect(inline.map((h) => h.label)).toEqual(['（一）产业发展']);
  });
});
