/**
 * Completion in the engine: the next heading number for every marker family, in the document's
 * own style (brackets, punctuation, digit width, point verb), ranked most likely first; run-in and
 * inline headings and point lists; renumbering of the siblings a new number would clash with; and
 * the standard sections a document lacks, as snippets numbered and dated for it.
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { completionsAt, completionSiteAt, type CompletionProposal } from '../../server/src/engine/features/completion';
import { outlineOf } from '../../server/src/engine/features/outline';
import { expandSnippet, parseSnippet } from '../../server/src/engine/features/section-snippets';
import { applyEdits } from '../../server/src/engine/renumber';
import { missingSections } from '../../server/src/engine/sections';

/** Proposals at the `|` in `source` (the bar is removed). */
function at(source: string, kind?: CompletionProposal['kind']): CompletionProposal[] {
  const offset = source.indexOf('|');
  if (offset < 0) throw new Error('no cursor');
  const model = buildReportModel(source.slice(0, offset) + source.slice(offset + 1));
  const all = completionsAt(model, offset);
  return kind ? all.filter((p) => p.kind === kind) : all;
}

/** The marker labels offered at `|`, best first. */
const markers = (source: string) => at(source, 'marker').map((p) => p.label);

/** The text after accepting proposal `p` (with its additional edits) at `|`. */
function accept(source: string, p: CompletionProposal, expand = (s: string) => s): string {
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return applyEdits(text, [{ start: p.replace.start, end: p.replace.end, newText: expand(p.insertText) }, ...(p.additionalEdits ?? [])]);
}

const TITLE = '示例镇2023年工作总结\n';

describe('next number, every family', () => {
  it.each([
    ['一、', '一、回顾\n正文。\n|', '二、'],
    ['一.', '一.回顾\n正文。\n|', '二.'],
    ['（一）', '一、回顾\n（一）产业。正文。\n|', '（二）'],
    ['(一)', '一、回顾\n(一)产业。正文。\n|', '(二)'],
    ['1.', '一、回顾\n（一）产业\n1.甲。正文。\n|', '2.'],
    ['1、', '一、回顾\n（一）产业\n1、甲。正文。\n|', '2、'],
    ['1．', '一、回顾\n（一）产业\n1．甲。正文。\n|', '2．'],
    ['１．', '一、回顾\n（一）产业\n１．甲。正文。\n|', '２．'],
    ['（1）', '一、回顾\n（一）产业\n1.甲\n（1）乙。正文。\n|', '（2）'],
    ['(1)', '一、回顾\n（一）产业\n1.甲\n(1)乙。正文。\n|', '(2)'],
    ['①', '一、回顾\n（一）产业\n1.甲\n（1）乙\n①丙。正文。\n|', '②'],
    ['一是 (paragraphs)', '一、回顾\n一是经济增长。正文。\n|', '二是'],
    ['一要 (paragraphs)', '一、回顾\n一要抓好项目。正文。\n|', '二要'],
    ['第一，', '一、回顾\n第一，经济增长。正文。\n|', '第二，'],
    ['第一部分', '第一部分 回顾\n正文。\n|', '第二部分'],
    ['十、 → 十一、', '一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n正文。\n|', '十一、'],
  ])('after %s', (_family, source, expected) => {
    expect(markers(TITLE + source)[0]).toBe(expected);
  });

  it('continues a run of —— points with another ——', () => {
    expect(markers(TITLE + '一、回顾\n——经济发展强劲有力。正文。\n——民生保障持续加强。正文。\n|')[0]).toBe('——');
  });

  it('starts the first top-level heading in the style of the ones below the cursor', () => {
    expect(markers('|\n(一)甲。正文。\n(二)乙。正文。\n')[0]).toBe('(一)');
    expect(markers(TITLE + '|')[0]).toBe('一、');
  });
});

describe('the style the document already uses', () => {
  it('writes a new child level in the style the document uses for it elsewhere', () => {
    // The document writes `1、` (not the standard `1.`) under its `（一）` sections.
    const source = TITLE + '一、回顾\n（一）产业\n1、甲。正文。\n2、乙。正文。\n（二）民生\n|';
    expect(markers(source)[0]).toBe('1、');
  });

  it('uses the standard style for a family the document has not used yet', () => {
    expect(markers(TITLE + '一、回顾\n（一）产业\n|')[0]).toBe('1.');
    expect(markers(TITLE + '一、回顾\n|')[0]).toBe('（一）');
  });

  it('follows the document majority for brackets, not one odd heading', () => {
    const source = TITLE + '一、回顾\n(一)甲。正文。\n(二)乙。正文。\n二、计划\n(一)丙。正文。\n（二）丁。正文。\n|';
    expect(markers(source)[0]).toBe('(三)');
  });

  it('keeps a point list verb of its own (一要 → 二要 even when the document mostly writes 是)', () => {
    const source = TITLE + '一、回顾\n正文：一是甲。二是乙。三是丙。\n二、计划\n一要抓项目。正文。\n|';
    expect(markers(source)[0]).toBe('二要');
  });

  it('takes the children family from sections like this one (一、 › 1. with no （一）)', () => {
    const source = TITLE + '一、回顾\n1.甲。正文。\n2.乙。正文。\n二、计划\n|';
    expect(markers(source)[0]).toBe('1.');
  });
});

describe('ranking', () => {
  const base = TITLE + '一、2023年工作回顾\n（一）产业发展。正文。\n（二）民生保障';

  it('after a section with text: its next sibling, then a child, then the enclosing levels', () => {
    expect(markers(base + '。全年新增就业。\n|')).toEqual(['（三）', '1.', '二、']);
  });

  it('right under a heading line with no text yet: its first child first', () => {
    expect(markers(base + '\n|')).toEqual(['1.', '（三）', '二、']);
  });

  it('lists every enclosing level, innermost first', () => {
    expect(markers(TITLE + '一、回顾\n（一）产业\n1.甲\n（1）乙。正文。\n|')).toEqual(['（2）', '①', '2.', '（二）', '二、']);
  });

  it('explains each proposal in both languages', () => {
    const [next, child] = at(base + '。全年新增就业。\n|');
    expect(next.detail.zh).toBe('接“（二）民生保障”的下一个同级标题');
    expect(next.detail.en).toBe('next heading after “（二）民生保障”');
    expect(child.detail.zh).toBe('“（二）民生保障”下的第一个下级标题');
    expect(next.sortText < child.sortText).toBe(true);
  });
});

describe('partial markers typed at the start of a line', () => {
  const base = TITLE + '一、回顾\n（一）产业。正文。\n（二）民生。正文。\n';

  it.each([
    ['（', '（三）'],
    ['(', '（三）'],
    ['（三', '（三）'],
    ['1', '1.'],
    ['二', '二、'],
  ])('typed %s → %s', (typed, expected) => {
    const proposals = at(base + typed + '|', 'marker');
    expect(proposals.map((p) => p.label)).toEqual([expected]);
    // The typed text is replaced, and the editor's filter keeps the proposal.
    const p = proposals[0];
    expect(p.replace.end - p.replace.start).toBe(typed.length);
    expect(p.filterText.startsWith(typed)).toBe(true);
  });

  it('keeps leading indentation and replaces only the typed marker', () => {
    const source = base + '　　（|';
    const [p] = at(source, 'marker');
    expect(accept(source, p).endsWith('\n　　（三）')).toBe(true);
  });

  it('offers nothing in the middle of a sentence or before an existing heading', () => {
    expect(at(base + '全年完成|')).toEqual([]);
    expect(at(base + '全年完成投资三亿元，新增|')).toEqual([]);
    expect(at(TITLE + '一、回顾\n|（一）产业。正文。\n')).toEqual([]);
  });

  it('looks past a marker typed in full (it already parses as a heading)', () => {
    expect(markers(base + '（三）|')).toEqual(['（三）']);
  });
});

describe('run-in and inline headings, point lists', () => {
  it('after a run-in heading and its text: the next number', () => {
    expect(markers(TITLE + '一、回顾\n（一）持续壮产业，在转型升级中点燃发展引擎。着力推动三产融合。\n|')[0]).toBe('（二）');
  });

  it('inside a paragraph, after a sentence end: the next point', () => {
    const source = TITLE + '一、回顾\n主要体现在以下方面：一是经济总量不断跃升。二是创新活力不断迸发。|';
    expect(completionSiteAt(buildReportModel(source.replace('|', '')), source.indexOf('|'))?.mode).toBe('inline');
    expect(markers(source)).toEqual(['三是']);
  });

  it('after a lead-in ending with a colon: the first point', () => {
    expect(markers(TITLE + '一、回顾\n主要体现在以下方面：|')).toEqual(['一是']);
    expect(markers(TITLE + '一、回顾\n第一，甲。正文。\n第二，乙。正文。\n二、计划\n主要做好：|')).toEqual(['第一，']);
  });

  it('inline headings in flattened text: the next point, then the next inline heading, then the next part', () => {
    const source = TITLE + '一、回顾正文。（一）激发产业活力。一是甲。二是乙。|';
    expect(markers(source)).toEqual(['三是', '（二）', '二、']);
  });

  it('says nothing after an ordinary sentence with no list under way', () => {
    expect(markers(TITLE + '一、回顾\n全年经济平稳。|')).toEqual([]);
  });

  it('typed partial point after a sentence end', () => {
    const source = TITLE + '一、回顾\n主要体现在：一是甲。二是乙。三|';
    const [p] = at(source, 'marker');
    expect(p.label).toBe('三是');
    expect(accept(source, p).endsWith('二是乙。三是')).toBe(true);
  });
});

describe('renumbering what follows', () => {
  it('inserting （二） before the old （二） renumbers it and the ones after', () => {
    const source = TITLE + '一、回顾\n(一)产业。正文。\n|\n(二)民生。正文。\n(三)生态。正文。\n';
    const [p] = at(source, 'marker');
    expect(p.label).toBe('(二)');
    expect(p.detail.zh).toContain('其后 2 个标题顺延编号');
    const after = accept(source, p);
    expect(after).toContain('(一)产业。正文。\n(二)\n(三)民生。正文。\n(四)生态。');
  });

  it('a first child before existing children renumbers them', () => {
    const source = TITLE + '一、回顾\n|\n（一）产业。正文。\n（二）民生。正文。\n';
    const [p] = at(source, 'marker');
    expect(p.label).toBe('（一）');
    const after = accept(source, p);
    expect(after).toContain('一、回顾\n（一）\n（二）产业。正文。\n（三）民生。');
  });

  it('maps renumbering edits past a marker typed in full', () => {
    const source = TITLE + '一、回顾\n(一)产业。正文。\n(二)|\n(二)民生。正文。\n';
    const [p] = at(source, 'marker');
    expect(p.label).toBe('(二)');
    expect(accept(source, p)).toContain('(一)产业。正文。\n(二)\n(三)民生。');
  });

  it('leaves following siblings alone when they do not clash', () => {
    const source = TITLE + '一、回顾\n(一)产业。正文。\n|\n(三)民生。正文。\n';
    const [p] = at(source, 'marker');
    expect(p.additionalEdits).toBeUndefined();
  });
});

describe('missing standard sections, as snippets', () => {
  const SUMMARY_PLAN = [
    '示例镇2023年工作总结及2024年工作计划',
    '一、2023年工作开展情况',
    '全年完成地区生产总值二十亿元，新增城镇就业四百人。',
    '二、2024年工作计划',
    '全年地区生产总值增长百分之六左右。',
    '',
  ].join('\n');
  const expand = (s: string) => expandSnippet(parseSnippet(s));

  it('offers the problems section where the cursor is, numbered to fit, renumbering the plan', () => {
    const source = SUMMARY_PLAN.replace('二、2024年工作计划', '|\n二、2024年工作计划');
    const sections = at(source, 'section');
    expect(sections.map((p) => p.sectionId)).toEqual(['problems']);
    const [p] = sections;
    expect(p.label).toBe('二、存在的问题和不足');
    expect(p.isSnippet).toBe(true);
    expect(p.insertText.startsWith('${1:二}、${2|存在的问题和不足,')).toBe(true);
    expect(p.detail.zh).toBe('缺少的部分：存在的问题（编为“二、”）；其后 1 个标题顺延编号');
    expect(p.documentation!.zh).toContain('在肯定成绩的同时');
    const after = accept(source, p, expand);
    expect(outlineOf(buildReportModel(after)).map((s) => s.name)).toEqual(['一、2023年工作开展情况', '二、存在的问题和不足', '三、2024年工作计划']);
    expect(missingSections(buildReportModel(after))).toEqual([]);
  });

  it('ranks sections after the heading numbers', () => {
    const source = SUMMARY_PLAN.replace('二、2024年工作计划', '|\n二、2024年工作计划');
    const all = at(source);
    expect(all[0].kind).toBe('marker');
    expect(all[all.length - 1].kind).toBe('section');
    expect([...all].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))).toEqual(all);
  });

  it('dates sections by the report: a 2024 government work report reviews 2023 and plans 2024', () => {
    const gov = ['示例镇2024年政府工作报告', '各位代表：', '现在，我代表镇人民政府，向大会报告工作，请予审议。', '|'].join('\n');
    const sections = at(gov, 'section');
    const review = sections.find((p) => p.sectionId === 'review')!;
    const tasks = sections.find((p) => p.sectionId === 'tasks')!;
    expect(review.label).toBe('一、2023年工作回顾');
    expect(expand(tasks.insertText).split('\n')[0]).toBe('一、2024年重点工作');
    const later = at(gov.replace('2024年政府', '2026年政府'), 'section').find((p) => p.sectionId === 'review')!;
    expect(later.label).toBe('一、2025年工作回顾');
  });

  it('puts first the sections whose conventional place is at the cursor', () => {
    const gov = ['示例镇2024年政府工作报告', '各位代表：', '现在，我代表镇人民政府，向大会报告工作，请予审议。', '一、2023年工作回顾', '一年来，我们坚持稳中求进，经济运行总体平稳。', '|'].join('\n');
    const ids = at(gov, 'section').map((p) => p.sectionId);
    expect(ids[0]).toBe('problems');
    expect(ids).toEqual(expect.arrayContaining(['tasks', 'closing']));
  });

  it('matches a typed pinyin or Chinese prefix, and nothing else', () => {
    const source = SUMMARY_PLAN.replace('二、2024年工作计划', 'czwt|\n二、2024年工作计划');
    const [p] = at(source, 'section');
    expect(p.sectionId).toBe('problems');
    expect(p.replace.end - p.replace.start).toBe(4);
    expect(at(SUMMARY_PLAN.replace('二、2024年工作计划', '存在问题|\n二、2024年工作计划'), 'section')).toHaveLength(1);
    expect(at(SUMMARY_PLAN.replace('二、2024年工作计划', '乡村振兴|\n二、2024年工作计划'), 'section')).toEqual([]);
  });

  it('labels a section with its Chinese heading and finds it by pinyin initials through the filter text only', () => {
    const source = SUMMARY_PLAN.replace('二、2024年工作计划', 'czwt|\n二、2024年工作计划');
    const [p] = at(source, 'section');
    expect(p.label).toMatch(/^[^a-z]*存在[^a-z]*$/);
    expect(p.filterText.split(' ')).toContain('czwt');
  });

  it('offers whole-report skeletons in an empty document, by Chinese name, found by pinyin initials', () => {
    const all = at('|', 'section');
    expect(all.map((p) => p.label)).toEqual(expect.arrayContaining(['政府工作报告', '工作总结', '述职报告']));
    for (const p of all) expect(p.label).not.toMatch(/[a-z]/);
    expect(at('zfgzbg|', 'section').map((p) => p.label)).toEqual(['政府工作报告']);
    expect(at('szbg|', 'section').map((p) => p.label)).toEqual(['述职报告']);
    // Not in a document that already has text.
    expect(at('示例镇2023年工作总结\n一、工作回顾\n正文。\n\n|', 'section').some((p) => p.detail.en === 'whole-report skeleton')).toBe(false);
  });

  it('offers no sections inside a paragraph or when the document has them all', () => {
    expect(at(SUMMARY_PLAN.replace('新增城镇就业四百人。', '新增城镇就业四百人。|'), 'section')).toEqual([]);
    const complete = SUMMARY_PLAN.replace('二、2024年工作计划', '二、存在的问题和不足\n一是产业结构偏重。\n三、2024年工作计划') + '|';
    expect(at(complete, 'section')).toEqual([]);
  });
});

describe('an auto-closed bracket after the cursor', () => {
  it('replaces the closing bracket the editor inserted: （|） becomes （三）, not （三））', () => {
    const text = '一、回顾\n（一）产业。正文。\n（二）民生。正文。\n（）';
    const offset = text.length - 1; // between （ and ）
    const [first] = completionsAt(buildReportModel(text), offset);
    expect(first.label).toBe('（三）');
    expect(first.replace).toEqual({ start: text.length - 2, end: text.length });
    expect(text.slice(0, first.replace.start) + first.insertText + text.slice(first.replace.end)).toBe('一、回顾\n（一）产业。正文。\n（二）民生。正文。\n（三）');
  });

  it('leaves a closing bracket that the user did not open alone', () => {
    const text = '一、回顾\n（一）产业。正文。\n（二）民生。正文。\n）';
    const offset = text.length - 1;
    for (const p of completionsAt(buildReportModel(text), offset)) expect(p.replace.end).toBe(offset);
  });
});
