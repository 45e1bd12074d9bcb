import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { foldingRangesOf } from '../../../server/src/engine/features/folding';
import { outlineOf, outlineOmitted } from '../../../server/src/engine/features/outline';
import { selectionChainAt } from '../../../server/src/engine/features/selection';

const REPORT = [
  '示例镇2024年政府工作报告', // 0
  '各位代表：', // 1
  '现在，我代表镇人民政府，向大会报告工作，请予审议。', // 2
  '一、2023年工作回顾', // 3
  '（一）产业发展。全年完成投资三亿元。', // 4
  '农业稳中有进。', // 5
  '（二）民生改善。新增就业五百人。', // 6
  '', // 7
  '二、2024年工作安排', // 8
  '重点做好以下工作：一是稳增长；二是保民生。', // 9
].join('\n');

describe('outline', () => {
  it('nests symbols, with the section as range and the heading as selection range', () => {
    const [review, plan] = outlineOf(buildReportModel(REPORT));
    expect(review.name).toBe('一、2023年工作回顾');
    expect(review.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 6, character: 16 } });
    expect(review.selectionRange).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 11 } });
    expect(review.children.map((c) => c.name)).toEqual(['（一）产业发展', '（二）民生改善']);
    expect(review.children[0].range.end).toEqual({ line: 5, character: 7 });
    expect(plan.children.map((c) => c.name)).toEqual(['一是稳增长', '二是保民生']);
  });

  it('shortens a long run-in heading at a clause boundary', () => {
    const model = buildReportModel('（一）坚持稳中求进工作总基调，着力创新和完善宏观调控，经济保持中高速增长，在世界主要国家中名列前茅。正文。\n');
    expect(outlineOf(model)[0].name).toBe('（一）坚持稳中求进工作总基调，着力创新和完善宏观调控…');
    expect(outlineOf(model)[0].text).toBe('坚持稳中求进工作总基调，着力创新和完善宏观调控，经济保持中高速增长，在世界主要国家中名列前茅');
  });
});

describe('folding', () => {
  it('folds each section, nested, without hiding the next heading', () => {
    expect(foldingRangesOf(buildReportModel(REPORT))).toEqual([
      { startLine: 3, endLine: 6 },
      { startLine: 4, endLine: 5 },
      { startLine: 8, endLine: 9 },
    ]);
  });

  it('stops a fold on the line before a heading that starts mid-line', () => {
    const text = '一、回顾\n正文。\n正文。二、不该折叠进去。\n';
    const model = buildReportModel(text);
    expect(model.headings.map((h) => `${h.depth} ${h.label}`)).toEqual(['1 一、回顾', '1 二、不该折叠进去']);
    expect(foldingRangesOf(model)).toEqual([{ startLine: 0, endLine: 1 }]);
  });
});

describe('selection ranges', () => {
  it('grows sentence → paragraph → section → enclosing section → document', () => {
    const model = buildReportModel(REPORT);
    const offset = REPORT.indexOf('三亿元');
    const chain = selectionChainAt(model, offset).map((s) => REPORT.slice(s.start, s.end));
    expect(chain[0]).toBe('全年完成投资三亿元。');
    expect(chain[1]).toBe('（一）产业发展。全年完成投资三亿元。');
    expect(chain[2]).toBe('（一）产业发展。全年完成投资三亿元。\n农业稳中有进。');
    expect(chain[3].startsWith('一、2023年工作回顾') && chain[3].endsWith('新增就业五百人。')).toBe(true);
    expect(chain[4]).toBe(REPORT);
  });

  it('gives at least the document on a blank line', () => {
    const model = buildReportModel(REPORT);
    const offset = REPORT.indexOf('\n\n') + 1;
    const chain = selectionChainAt(model, offset);
    expect(chain[chain.length - 1]).toEqual({ start: 0, end: REPORT.length });
  });
});

describe('outline of a huge compilation', () => {
  it('keeps the shallowest headings when capped', () => {
    const model = buildReportModel('一、甲\n（一）子一\n1.孙\n（二）子二\n二、乙\n（一）子三\n');
    const capped = outlineOf(model, 4);
    expect(capped.map((s) => s.name)).toEqual(['一、甲', '二、乙']);
    expect(capped[0].children.map((s) => s.name)).toEqual(['（一）子一', '（二）子二']);
    expect(capped[0].children[0].children).toEqual([]);
    expect(capped[1].children).toEqual([]);
  });
});

describe('outline limit (gongwen.outline.maxItems)', () => {
  const model = buildReportModel('一、甲\n（一）子一\n1.孙\n（二）子二\n二、乙\n（一）子三\n');
  const names = (symbols: ReturnType<typeof outlineOf>): string[] => symbols.flatMap((s) => [s.name, ...names(s.children)]);

  it('keeps whole levels while they fit, then the next level in document order', () => {
    expect(names(outlineOf(model, 5))).toEqual(['一、甲', '（一）子一', '（二）子二', '二、乙', '（一）子三']);
    expect(names(outlineOf(model, 3))).toEqual(['一、甲', '（一）子一', '二、乙']);
    expect(names(outlineOf(model, 1))).toEqual(['一、甲']);
    expect(names(outlineOf(model))).toEqual(['一、甲', '（一）子一', '1.孙', '（二）子二', '二、乙', '（一）子三']);
  });

  it('says how many headings the limit leaves out', () => {
    expect(outlineOmitted(model, 4)).toBe(2);
    expect(outlineOmitted(model, 6)).toBe(0);
    expect(outlineOmitted(model, 100)).toBe(0);
  });
});
