import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { numberingSequence } from '../../../server/src/engine/rules/numbering-sequence';
import { RULES, runRules } from '../../../server/src/engine/rules';
import { defaultSettings } from '../../../server/src/engine/settings';
import { applyEdits, renumberDocument } from '../../../server/src/engine/renumber';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

const TITLE = '某镇2024年工作总结\n';

function check(text: string): Finding[] {
  return numberingSequence.check(buildReportModel(text), defaultSettings());
}

/** `[marker or span text, zh message]` of each finding. */
function brief(text: string): Array<[string, string]> {
  return check(text).map((f) => [text.slice(f.start, f.end), f.message.zh]);
}

/** The outline as `depth:marker+text` lines, for comparing after a fix. */
function outline(text: string): string[] {
  return buildReportModel(text).headings.map((h) => `${h.depth}:${h.marker?.text ?? ''}${h.text}`);
}

function fix(text: string, f: Finding, title: 'change' | 'renumber'): string {
  const wanted = f.fixes!.find((x) => (title === 'renumber' ? x.title.en === 'Renumber this list' : x.title.en.startsWith('Change to')));
  expect(wanted, `fix ${title}`).toBeDefined();
  return applyEdits(text, wanted!.edits);
}

describe('numbering-sequence: clean lists stay silent', () => {
  it('a well-numbered two-level report', () => {
    const text = TITLE + '一、主要工作\n（一）抓好产业发展。全年新增企业若干家，产值稳步增长。\n（二）抓好城乡建设。完成道路改造若干公里。\n二、存在问题\n（一）基础薄弱\n（二）资金紧张\n三、下一步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('points restart at 一 under one heading: two lists, not a restart', () => {
    const text = TITLE + '一、主要工作\n围绕产业抓落实：一是扩大种植面积。二是培育龙头企业。三是打响区域品牌。\n围绕民生抓保障：一是稳定就业。二是提高低保标准。\n二、下步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('一要…三要 and then 一是…二是 in separate paragraphs are separate lists', () => {
    const text = TITLE + '一、工作措施\n一要压实责任，层层落实到人。\n二要强化督查，定期通报进度。\n三要严格考核，结果与绩效挂钩。\n一是健全台账，逐项销号管理。\n二是完善机制，形成长效管理。\n二、工作要求\n';
    expect(check(text)).toEqual([]);
  });

  it('an inline enumeration in a paragraph does not continue into headings of its family', () => {
    const text = TITLE + '一、2024年工作安排\n今年的主要目标是：1.生产总值增长6%左右。2.居民收入同步增长。\n1.稳增长\n2.促改革\n另有两项约束性指标：1.能耗下降。2.排放下降。\n二、工作要求\n';
    expect(check(text)).toEqual([]);
  });

  it('dash points carry no numbers', () => {
    const text = TITLE + '一、工作回顾\n——经济发展稳中有进。全年完成生产总值若干亿元。\n——城乡面貌明显改善。新建公园两个。\n——民生保障更加有力。\n二、工作安排\n';
    expect(check(text)).toEqual([]);
  });

  it('a number written where a heading cannot start is not missing (一是…，二是…。三是…)', () => {
    const text = TITLE + '一、主要工作\n今年重点抓好产业：一是扩大种植面积，二是培育龙头企业。三是打响区域品牌。四是拓展销售渠道。\n二、下步打算\n';
    expect(check(text)).toEqual([]);
    const model = buildReportModel(text);
    expect(renumberDocument(model)).toEqual([]);
  });

  it('flattened text: a first point glued to its heading is written, not missing', () => {
    const text = TITLE + '一、主要工作\n（一）狠抓产业发展一是扩大种植面积。二是培育龙头企业。三是打响区域品牌。\n（二）狠抓城乡建设\n二、下步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('a lone 一是 whose 二是 follows a comma is not lone', () => {
    const text = TITLE + '一、主要工作\n今年抓了产业发展。一是扩大了种植面积，二是培育了龙头企业。\n二、下步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('a list that continues the numbering of the previous part is not "not starting at one"', () => {
    const text = TITLE + '第一部分 工作回顾\n一、产业发展\n二、城乡建设\n三、社会事业\n第二部分 工作安排\n四、稳增长\n五、促改革\n';
    expect(check(text)).toEqual([]);
  });
});

describe('numbering-sequence: gaps, repeats, restarts, order, start', () => {
  it('a gap', () => {
    const text = TITLE + '一、回顾\n二、问题\n四、打算\n';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe('四、');
    expect(found[0].message).toEqual({ zh: '序号不连续：应为“三、”，实为“四、”', en: 'Numbering gap: expected "三、", found "四、"' });
    expect(fix(text, found[0], 'change')).toBe(TITLE + '一、回顾\n二、问题\n三、打算\n');
    expect(fix(text, found[0], 'renumber')).toBe(TITLE + '一、回顾\n二、问题\n三、打算\n');
    expect(found[0].fixes!.every((f) => f.safe)).toBe(true);
  });

  it('a repeat', () => {
    const text = TITLE + '一、回顾\n二、问题\n二、打算\n';
    expect(brief(text)).toEqual([['二、', '序号重复：应为“三、”，实为“二、”']]);
    expect(check(text)[0].start).toBe(text.lastIndexOf('二、'));
  });

  it('a restart among the same siblings', () => {
    const text = TITLE + '一、甲项工作\n二、乙项工作\n三、丙项工作\n一、丁项工作\n二、戊项工作\n';
    expect(brief(text)).toEqual([['一、', '序号重新开始：应为“四、”，实为“一、”']]);
    const f = check(text)[0];
    expect(f.message.en).toBe('Numbering restarts: expected "四、", found "一、"');
    const fixed = fix(text, f, 'renumber');
    expect(fixed).toBe(TITLE + '一、甲项工作\n二、乙项工作\n三、丙项工作\n四、丁项工作\n五、戊项工作\n');
    expect(check(fixed)).toEqual([]);
  });

  it('numbers out of order', () => {
    const text = TITLE + '一、回顾\n三、问题\n二、打算\n';
    expect(brief(text)).toEqual([
      ['三、', '序号不连续：应为“二、”，实为“三、”'],
      ['二、', '序号顺序颠倒：应为“四、”，实为“二、”'],
    ]);
    const fixed = fix(text, check(text)[0], 'renumber');
    expect(fixed).toBe(TITLE + '一、回顾\n二、问题\n三、打算\n');
  });

  it('a list not starting at one', () => {
    const text = TITLE + '一、主要工作\n（二）抓产业\n（三）抓民生\n二、下步打算\n';
    expect(brief(text)).toEqual([['（二）', '序号应从“（一）”开始，实为“（二）”']]);
    const fixed = fix(text, check(text)[0], 'renumber');
    expect(fixed).toBe(TITLE + '一、主要工作\n（一）抓产业\n（二）抓民生\n二、下步打算\n');
  });

  it('a continuation must follow on exactly, else it is a list not starting at one', () => {
    const text = TITLE + '第一部分 工作回顾\n一、产业发展\n二、城乡建设\n第二部分 工作安排\n五、稳增长\n六、促改革\n';
    expect(brief(text)).toEqual([['五、', '序号应从“一、”开始，实为“五、”']]);
  });

  it('run-in headings, half-width brackets: the message and the fix keep the style', () => {
    const text = TITLE + '一、主要工作\n(一)持续壮大产业。全年引进项目若干个，总投资稳步增长。\n(二)持续提升城乡品质。新建改建道路若干公里。\n(四)持续增进民生福祉。城乡居民收入稳步提高。\n二、下步打算\n';
    const found = check(text);
    expect(brief(text)).toEqual([['(四)', '序号不连续：应为“(三)”，实为“(四)”']]);
    expect(fix(text, found[0], 'change')).toContain('\n(三)持续增进民生福祉。');
  });

  it('arabic markers keep 、 when renumbered', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1、扩大种植面积\n2、培育龙头企业\n4、打响区域品牌\n（二）城乡建设\n二、下步打算\n';
    const found = check(text);
    expect(brief(text)).toEqual([['4、', '序号不连续：应为“3、”，实为“4、”']]);
    expect(fix(text, found[0], 'renumber')).toContain('\n3、打响区域品牌\n');
  });

  it('inline points inside one paragraph are a sibling list', () => {
    const text = TITLE + '一、主要工作\n今年重点抓好产业：一是扩大种植面积。二是培育龙头企业。四是打响区域品牌。\n二、下步打算\n';
    expect(brief(text)).toEqual([['四是', '序号不连续：应为“三是”，实为“四是”']]);
    const fixed = fix(text, check(text)[0], 'change');
    expect(fixed).toContain('二是培育龙头企业。三是打响区域品牌。');
  });

  it('a repeated inline point keeps its verb', () => {
    const text = TITLE + '一、工作措施\n一要压实责任。二要强化督查。二要严格考核。\n二、工作要求\n';
    expect(brief(text)).toEqual([['二要', '序号重复：应为“三要”，实为“二要”']]);
  });

  it('works on CRLF text', () => {
    const text = (TITLE + '一、回顾\n（一）产业\n（二）民生\n二、问题\n四、打算\n').replace(/\n/g, '\r\n');
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe('四、');
    const fixed = fix(text, found[0], 'renumber');
    expect(fixed).toBe((TITLE + '一、回顾\n（一）产业\n（二）民生\n二、问题\n三、打算\n').replace(/\n/g, '\r\n'));
    expect(check(fixed)).toEqual([]);
  });

  it('the renumber fix leaves the outline as intended and the list clean', () => {
    const text = TITLE + '一、主要工作\n（一）抓产业。正文若干字。\n（三）抓城建。正文若干字。\n（三）抓民生。正文若干字。\n二、存在问题\n四、下步打算\n';
    const findings = check(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['（三）', '（三）', '四、']);
    // Apply one renumber fix per list (the two on （三） carry the same edits).
    let fixed = fix(text, findings[0], 'renumber');
    fixed = fix(fixed, check(fixed)[0], 'renumber');
    expect(check(fixed)).toEqual([]);
    expect(outline(fixed)).toEqual(['1:一、主要工作', '2:（一）抓产业', '2:（二）抓城建', '2:（三）抓民生', '1:二、存在问题', '1:三、下步打算']);
  });
});

describe('numbering-sequence: lone items', () => {
  it('a lone （一） is a hint, with an unsafe fix removing the number', () => {
    const text = TITLE + '一、主要工作\n（一）抓产业\n二、下步打算\n（一）稳增长\n（二）促改革\n';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('hint');
    expect(found[0].message.zh).toBe('只有“（一）”，没有“（二）”：单独一项不必编号');
    expect(found[0].start).toBe(text.indexOf('（一）抓产业'));
    expect(found[0].fixes![0].safe).toBe(false);
    expect(applyEdits(text, found[0].fixes![0].edits)).toContain('\n抓产业\n');
  });

  it('a lone 一是 is a hint', () => {
    const text = TITLE + '一、主要工作\n我们抓好了产业发展。一是扩大了种植面积，亩产稳步提高。\n二、下步打算\n';
    const found = check(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.severity])).toEqual([['一是', 'hint']]);
  });

  it('runRules keeps the hint quieter than the rule', () => {
    const text = TITLE + '一、主要工作\n（一）抓产业\n二、下步打算\n';
    const { findings } = runRules(buildReportModel(text), defaultSettings(), RULES.filter((r) => r.id === 'numbering-sequence'));
    expect(findings.map((f) => f.severity)).toEqual(['hint']);
  });
});

describe('numbering-sequence: lead-in counts', () => {
  it('a lead-in promising five aspects, followed by four', () => {
    const text = TITLE + '二、2025年工作安排\n围绕上述目标，我们将着力抓好以下五个方面工作：\n（一）稳增长\n（二）促改革\n（三）惠民生\n（四）防风险\n三、加强自身建设\n';
    const found = check(text);
    expect(found.filter((f) => f.data?.promised)).toHaveLength(1);
    const f = found.find((x) => x.data?.promised)!;
    expect(text.slice(f.start, f.end)).toBe('五个方面');
    expect(f.message.zh).toBe('引语说“五个方面”，下文实列四项（“（一）”至“（四）”）');
    expect(f.message.en).toBe('The lead-in promises 5 ("五个方面") but the list has 4 ("（一）" to "（四）")');
    expect(f.fixes![0].safe).toBe(false);
    expect(applyEdits(text, f.fixes![0].edits)).toContain('以下四个方面工作：');
  });

  it('a count kept by the numbers but not the items reports the gap only', () => {
    const text = TITLE + '一、工作安排\n重点抓好以下四个方面：\n（一）稳增长\n（二）促改革\n（四）防风险\n二、工作要求\n';
    expect(brief(text)).toEqual([['（四）', '序号不连续：应为“（三）”，实为“（四）”']]);
  });

  it('a kept count is silent', () => {
    const text = TITLE + '一、工作安排\n重点抓好以下三个方面：\n（一）稳增长\n（二）促改革\n（三）惠民生\n二、工作要求\n';
    expect(check(text)).toEqual([]);
  });

  it('an inline lead-in before inline points', () => {
    const text = TITLE + '一、主要工作\n今年突出抓好三件事：一是修路。二是建桥。\n二、下步打算\n';
    const found = check(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.message.zh])).toEqual([['三件', '引语说“三件”，下文实列两项（“一是”至“二是”）']]);
    expect(applyEdits(text, found[0].fixes![0].edits)).toContain('今年突出抓好两件事：');
  });

  it('half-width colon lead-ins count too', () => {
    const text = TITLE + '一、主要工作\n主要做了四项工作:\n(一)修路\n(二)建桥\n(三)通水\n二、下步打算\n';
    expect(check(text).map((f) => text.slice(f.start, f.end))).toEqual(['四项']);
  });

  it('no promise: 几个方面, a count inside quotes, an ordinal 第三个, a lead-in not ending in a colon', () => {
    for (const lead of ['重点抓好以下几个方面：', '坚持“两个毫不动摇”：', '这是第三个方面的工作：', '重点抓好以下五个方面工作。']) {
      const text = TITLE + `一、工作安排\n${lead}\n（一）稳增长\n（二）促改革\n（三）惠民生\n二、工作要求\n`;
      expect(check(text), lead).toEqual([]);
    }
  });

  it('十个方面 (and 十方面) is kept by ten items, and nine are reported with the right count', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `${'一二三四五六七八九十'[i]}、第${i + 1}项工作\n全镇上下齐心协力，扎实推进各项工作。\n`).join('');
    for (const lead of ['重点做好以下十个方面工作：', '重点做好以下十方面工作:']) expect(check(TITLE + `2024年工作安排\n${lead}\n${items(10)}`), lead).toEqual([]);
    const text = TITLE + `2024年工作安排\n重点做好以下十个方面工作：\n${items(9)}`;
    const found = check(text);
    expect(found.map((f) => [text.slice(f.start, f.end), f.message.zh, f.message.en])).toEqual([
      ['十个方面', '引语说“十个方面”，下文实列九项（“一、”至“九、”）', 'The lead-in promises 10 ("十个方面") but the list has 9 ("一、" to "九、")'],
    ]);
    expect(applyEdits(text, found[0].fixes![0].edits)).toContain('以下九个方面工作：');
  });

  it('a lead-in two paragraphs before the list does not count', () => {
    const text = TITLE + '一、工作安排\n重点抓好以下五个方面：\n今年是关键之年，任务艰巨，责任重大，必须全力以赴。\n（一）稳增长\n（二）促改革\n二、工作要求\n';
    expect(check(text)).toEqual([]);
  });
});

// The shared corpus (report-anatomy §7): the national reports are well numbered.
describe.skipIf(!hasCorpus)('numbering-sequence: corpus', () => {
  it('finds the corpus files', () => {
    expect(corpusFiles('national').length).toBeGreaterThanOrEqual(4);
    expect(corpusFiles('local').length).toBeGreaterThanOrEqual(5);
  });

  it('raises nothing on the national and local reports', () => {
    for (const file of [...corpusFiles('national'), ...corpusFiles('local')]) {
      const text = corpusText(file);
      const found = check(text).map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`);
      expect(found, path.basename(file)).toEqual([]);
    }
  });

  it('raises only hints (truncated lists) on the excerpts', () => {
    for (const file of corpusFiles('excerpts')) {
      const text = corpusText(file);
      const loud = check(text).filter((f) => f.severity !== 'hint').map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`);
      expect(loud, path.basename(file)).toEqual([]);
    }
  });
});

describe('numbering-sequence: what an editor does not count', () => {
  const BODY = '全镇上下齐心协力，经济社会保持平稳健康发展。';

  it('a list cut off at the end of the text (an excerpt, a page) gets no lone-item hint', () => {
    const cut = TITLE + '一、主要工作\n（一）抓产业\n全年完成投资三亿元，新建厂房两万平方米。\n（二）惠民生\n新增就业三百人。\n二、下步打算\n（一）稳增长\n今年将继续扩大投资，力争';
    expect(check(cut)).toEqual([]);
    // The same lone item with a section after it is still a hint.
    const whole = cut.replace('力争', '力争完成目标。\n三、保障措施\n强化组织领导。');
    expect(brief(whole)).toEqual([['（一）', '只有“（一）”，没有“（二）”：单独一项不必编号']]);
  });

  it('a page cut from the middle of a report (no title, opening at （三）) may start mid-list', () => {
    const text = '（三）加强生态环境保护。\n全镇上下齐心协力，经济社会保持平稳健康发展。\n（四）推进乡村振兴。\n全镇上下齐心协力。\n二、存在问题\n全镇上下齐心协力。\n（一）问题一\n（三）问题三\n';
    const all = runRules(buildReportModel(text), defaultSettings(), RULES.filter((r) => r.id.startsWith('numbering-'))).findings;
    // Only the real gap after the cut.
    expect(all.map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`)).toEqual(['（三） Numbering gap: expected "（二）", found "（三）"']);
    // With a title, the text is a whole report: its first list must start at one.
    expect(brief(TITLE + text).map(([m]) => m)).toContain('（三）');
  });

  it('items of a ：…； list are not headings and take no part in numbering', () => {
    const inline = TITLE + '一、主要工作\n针对物价上涨，我们采取以下措施：一、理顺价格；二、稳定物价；三、加强市场监管。全年物价基本稳定。\n二、下步打算\n正文。\n';
    expect(check(inline)).toEqual([]);
    expect(outline(inline)).toEqual(['1:一、主要工作', '1:二、下步打算']);
    const lines = TITLE + '一、主要工作\n正文。\n二、下步打算\n我们将：\n一、抓项目；\n二、强服务；\n三、惠民生。\n三、保障措施\n正文。\n';
    expect(check(lines)).toEqual([]);
    expect(outline(lines)).toEqual(['1:一、主要工作', '1:二、下步打算', '1:三、保障措施']);
  });

  it('a list whose items end in 。 after a ： lead-in is still a list of headings', () => {
    const text = TITLE + '一、主要工作\n正文。\n二、下步打算\n我们将：\n一、抓项目。\n二、强服务。\n三、保障措施\n';
    expect(brief(text).map(([m]) => m)).toContain('一、');
  });

  it('a new report in a compilation starts its own count', () => {
    const report = (town: string) =>
      `${town}2023年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。\n一、2022年工作回顾\n${BODY}\n二、2023年工作安排\n${BODY}\n`;
    const text = report('青山镇') + report('绿水镇');
    expect(check(text)).toEqual([]);
    // Without the second title, the second 一、 is a restart.
    const glued = text.replace('绿水镇2023年政府工作报告\n各位代表：\n', '');
    expect(brief(glued).map(([m]) => m)).toEqual(['一、']);
  });

  it('a new unnumbered part starts its own count', () => {
    const text = TITLE + '一、主要成效\n全年完成投资三亿元，新建厂房两万平方米，新增就业三百人，群众收入稳步增长。\n二、存在问题\n正文。\n2025年工作计划\n一、指导思想\n正文。\n二、主要任务\n正文。\n';
    expect(check(text)).toEqual([]);
  });

  it('table-of-contents lines take no part', () => {
    const report = (town: string) => `${town}2023年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n正文。\n二、2023年工作安排\n正文。\n`;
    const text = '目录\n1.青山镇2023年政府工作报告\n2.绿水镇2023年政府工作报告\n' + report('青山镇') + report('绿水镇');
    const model = buildReportModel(text);
    const all = runRules(model, defaultSettings(), RULES.filter((r) => r.id.startsWith('numbering-'))).findings;
    expect(all.map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`)).toEqual([]);
  });

  it('第一部分 inside a section takes no part', () => {
    const text = TITLE + '一、主要工作\n（一）学习文件\n第一部分　总体要求\n正文。\n第三部分　保障措施\n正文。\n（二）抓好落实\n正文。\n二、下步打算\n正文。\n';
    const all = runRules(buildReportModel(text), defaultSettings(), RULES.filter((r) => r.id.startsWith('numbering-'))).findings;
    expect(all.map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`)).toEqual([]);
    // It stays in the outline, under the section that holds it, and closes nothing.
    expect(outline(text)).toEqual(['1:一、主要工作', '2:（一）学习文件', '3:第一部分　总体要求', '3:第三部分　保障措施', '2:（二）抓好落实', '1:二、下步打算']);
  });

  it('numbered lines in web residue take no part', () => {
    const text = TITLE + '一、主要工作\n正文。\n二、下步打算\n正文。\n1、收藏本站\n3、联系客服\n';
    const all = runRules(buildReportModel(text), defaultSettings(), RULES.filter((r) => r.id.startsWith('numbering-'))).findings;
    expect(all.map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`)).toEqual([]);
  });

  it('page numbers glued to the text of a scraped page take no part', () => {
    const page = '全镇上下齐心协力，克服重重困难，经济社会保持平稳健康发展，全年完成地区生产总值十二亿元，同比增长百分之六。'.repeat(2) + '规模以上工业总产值按现行汇率';
    const text = `1、示例镇政府工作报告 各位代表：${page}\n2、计算折合美元一亿元。${page}\n3、计算折合美元两亿元。农业结构调整迈出新步伐，特色产业发展壮大，农民收入持续增长，村容村貌明显改善，群众满意度不断提高。`;
    const all = runRules(buildReportModel(text), defaultSettings(), RULES.filter((r) => r.id.startsWith('numbering-'))).findings;
    expect(all.map((f) => `${text.slice(f.start, f.end)} ${f.message.en}`)).toEqual([]);
    // A short heading after a paragraph that lacks its 。 is still a heading.
    const sloppy = TITLE + '一、主要工作\n' + '全镇上下齐心协力，克服重重困难，经济社会保持平稳健康发展。'.repeat(4) + '全年完成投资三亿元\n二、下步打算\n正文。\n';
    expect(runRules(buildReportModel(sloppy), defaultSettings(), RULES.filter((r) => r.id === 'numbering-format')).findings).toEqual([]);
    expect(brief(sloppy.replace('二、下步打算', '三、下步打算')).map(([m]) => m)).toEqual(['三、']);
  });
});
