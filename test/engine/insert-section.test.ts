/**
 * Inserting a missing standard section: where it goes for each kind of report and section, how it
 * is numbered (in its siblings' style, the ones after it renumbered), its years (the report's own),
 * its body (the snippets file); the `section-missing` quick fix; and the snippets themselves expand
 * into documents whose only diagnostics are their placeholders.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine/analyze';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { insertSectionEdits, insertSectionFix, reviewYearOf, sectionSnippet, withInsertFix } from '../../server/src/engine/features/insert-section';
import { outlineOf, type OutlineSymbol } from '../../server/src/engine/features/outline';
import { expandSnippet, parseSnippet, SNIPPETS } from '../../server/src/engine/features/section-snippets';
import type { ReportKind } from '../../server/src/engine/model';
import { applyEdits } from '../../server/src/engine/renumber';
import { RULES } from '../../server/src/engine/rules';
import { findSections, missingSections, type SectionId } from '../../server/src/engine/sections';
import { defaultSettings } from '../../server/src/engine/settings';
import { corpusPath, corpusText } from '../helpers/corpus';

const hasCorpus = existsSync(corpusPath('local/town-summary-and-plan-template.txt'));

const names = (symbols: OutlineSymbol[]) => symbols.map((s) => s.name);
const lines = (...ls: string[]) => ls.join('\n') + '\n';
const drop = (text: string, ...parts: string[]) => parts.reduce((t, p) => t.replace(p + '\n', ''), text);

/** Inserts `id` into `text`; returns the new text and its model. */
function insert(text: string, id: SectionId) {
  const model = buildReportModel(text);
  expect(missingSections(model).map((m) => m.id)).toContain(id);
  const after = applyEdits(text, insertSectionEdits(model, id));
  const next = buildReportModel(after);
  expect(missingSections(next).map((m) => m.id)).not.toContain(id);
  return { after, next, outline: outlineOf(next) };
}

// ————————————————————————— fixtures, one per kind (our own text) —————————————————————————

const GOV = lines(
  '示例镇2024年政府工作报告',
  '各位代表：',
  '现在，我代表镇人民政府，向大会报告工作，请予审议。',
  '一、2023年工作回顾',
  '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。',
  '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。',
  '二、2024年工作安排',
  '今年重点做好以下工作。',
  '（一）壮大产业。全年新引进项目五个，完成投资三亿元。',
  '（二）改善民生。新增城镇就业五百人，改造老旧小区两个。',
  '各位代表！让我们团结一心、真抓实干，为建设美丽示例镇而努力奋斗！',
);

const SUMMARY = lines(
  '示例镇2023年工作总结',
  '',
  '2023年，全镇上下团结一心，各项工作取得新进展。现将全年工作总结如下。',
  '',
  '一、主要工作开展情况',
  '',
  '(一)经济运行稳中有进。全年完成地区生产总值二十亿元。',
  '',
  '(二)民生保障持续加强。新增城镇就业四百人。',
  '',
  '二、存在的问题和不足',
  '',
  '一是产业结构偏重；二是基础设施欠账较多。',
  '',
  '三、下一步工作打算',
  '',
  '2024年，我们将着力壮大经济实力，持续改善民生。',
);

const PLAN = lines(
  '示例镇2024年工作要点',
  '为推进全镇经济社会高质量发展，结合本镇实际，现就全年工作作出如下安排。',
  '一、指导思想',
  '坚持以人民为中心的发展思想，全力推动各项事业再上新台阶。',
  '二、主要目标',
  '全年地区生产总值增长百分之六左右。',
  '三、重点任务',
  '1、抓好项目建设。全年签约亿元以上项目五个。',
  '2、推进乡村振兴。新建标准化种植基地两千亩。',
);

const DUTY = lines(
  '示例镇镇长2023年度述职报告',
  '各位领导、同志们：',
  '一、履职尽责，推动各项工作落地见效',
  '全年引进项目八个，完成固定资产投资八亿元。',
  '二、存在的不足',
  '对照组织要求，自身还存在一些不足：一是学习不够系统；二是调研不够深入。',
  '三、今后的努力方向',
  '今后我将持续加强学习，坚持真抓实干。',
);

describe('fixtures are complete', () => {
  it.each([
    ['gov-report', GOV],
    ['summary', SUMMARY],
    ['plan', PLAN],
    ['duty-report', DUTY],
  ])('%s has every required section', (kind, text) => {
    const model = buildReportModel(text);
    expect(model.kind).toBe(kind);
    expect(missingSections(model)).toEqual([]);
  });
});

describe('government work report', () => {
  it('salutation: right after the title', () => {
    // (without the closing too: in a document this short, `各位代表！` near the top would pass for the salutation)
    const { after } = insert(drop(GOV, '各位代表：', '各位代表！让我们团结一心、真抓实干，为建设美丽示例镇而努力奋斗！'), 'salutation');
    expect(after.split('\n').slice(0, 3)).toEqual(['示例镇2024年政府工作报告', '各位代表：', '现在，我代表镇人民政府，向大会报告工作，请予审议。']);
  });

  it('opening: right after the salutation, naming the town', () => {
    const { after } = insert(drop(GOV, '现在，我代表镇人民政府，向大会报告工作，请予审议。'), 'opening');
    expect(after.split('\n')[2]).toMatch(/^现在，我代表示例镇人民政府，向大会报告工作，请予审议/);
  });

  it('problems: an unheaded paragraph closing the review, just before the tasks', () => {
    const { after, outline } = insert(drop(GOV, '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。'), 'problems');
    const ls = after.split('\n');
    const at = ls.findIndex((l) => l.startsWith('二、2024年工作安排'));
    expect(ls[at - 1]).toMatch(/^在肯定成绩的同时，我们也清醒地认识到.*一是.*二是.*三是/);
    expect(names(outline)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
  });

  it('review: a top-level 一、 with last year in it, before the tasks, which become 二、→三、', () => {
    const text = drop(GOV, '一、2023年工作回顾', '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。', '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。');
    const fixed = text.replace('二、2024年工作安排', '一、2024年工作安排');
    const { outline } = insert(fixed, 'review');
    expect(names(outline)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
    expect(names(outline[0].children)).toEqual(['（一）产业发展提质增效', '（二）城乡面貌持续改善', '（三）民生福祉不断增进']);
  });

  it('tasks: a top-level 二、 for this year, after the review and before the closing paragraph', () => {
    const text = drop(GOV, '二、2024年工作安排', '今年重点做好以下工作。', '（一）壮大产业。全年新引进项目五个，完成投资三亿元。', '（二）改善民生。新增城镇就业五百人，改造老旧小区两个。');
    const { after, outline } = insert(text, 'tasks');
    expect(names(outline)).toEqual(['一、2023年工作回顾', '二、2024年重点工作']);
    expect(names(outline[1].children)).toEqual(['（一）聚焦产业升级，增强发展后劲', '（二）聚焦乡村振兴，建设和美乡村', '（三）聚焦民生福祉，提升群众获得感']);
    expect(after.trimEnd().endsWith('而努力奋斗！')).toBe(true);
  });

  it('closing: at the end of the document', () => {
    const { after } = insert(drop(GOV, '各位代表！让我们团结一心、真抓实干，为建设美丽示例镇而努力奋斗！'), 'closing');
    const ls = after.trimEnd().split('\n');
    expect(ls[ls.length - 2]).toBe('（二）改善民生。新增城镇就业五百人，改造老旧小区两个。');
    expect(ls[ls.length - 1]).toMatch(/^各位代表！.*而努力奋斗！$/);
    expect(after.endsWith('\n')).toBe(true);
  });

  it('dates the review by the title: a report for 2026 reviews 2025', () => {
    const text = drop(GOV, '一、2023年工作回顾', '一年来，我们坚持稳中求进，全镇经济运行总体平稳，各项事业稳步发展。', '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。')
      .replace('二、2024年工作安排', '一、2026年工作安排')
      .replace('示例镇2024年政府工作报告', '示例镇2026年政府工作报告');
    const { outline } = insert(text, 'review');
    expect(outline[0].name).toBe('一、2025年工作回顾');
  });
});

describe('summary (blank lines between paragraphs, half-width brackets)', () => {
  it('problems: 二、 between the work done and the next steps, which become 三、, spaced with blank lines', () => {
    const text = drop(SUMMARY, '二、存在的问题和不足\n', '一是产业结构偏重；二是基础设施欠账较多。\n').replace('三、下一步工作打算', '二、下一步工作打算');
    const { after, outline } = insert(text, 'problems');
    expect(names(outline)).toEqual(['一、主要工作开展情况', '二、存在的问题和不足', '三、下一步工作打算']);
    expect(after).toContain('加强。新增城镇就业四百人。\n\n二、存在的问题和不足\n\n在肯定成绩的同时');
    expect(after).toMatch(/加以解决。\n\n三、下一步工作打算\n\n/);
  });

  it('next steps: 三、 at the end, with the children in the document’s (一) style', () => {
    const text = SUMMARY.slice(0, SUMMARY.indexOf('三、下一步工作打算')).trimEnd() + '\n';
    const { outline } = insert(text, 'next-steps');
    expect(names(outline)[2]).toBe('三、下一步工作打算');
    expect(names(outline[2].children).map((n) => n.slice(0, 3))).toEqual(['(一)', '(二)', '(三)']);
  });

  it('review: the work done, dated by the title, before the problems', () => {
    const text = SUMMARY.replace(/一、主要工作开展情况[\s\S]*?(?=二、存在)/, '').replace('二、存在', '一、存在').replace('三、下一步', '二、下一步');
    const { outline } = insert(text, 'review');
    expect(names(outline)).toEqual(['一、主要工作开展情况', '二、存在的问题和不足', '三、下一步工作打算']);
  });
});

describe('plan', () => {
  it.each([
    ['guiding', '一、指导思想', '坚持以人民为中心的发展思想，全力推动各项事业再上新台阶。', '一、指导思想'],
    ['targets', '二、主要目标', '全年地区生产总值增长百分之六左右。', '二、主要目标'],
    ['tasks', '三、重点任务', null, '三、2024年重点工作'],
  ] as const)('%s goes back where it belongs, numbered among its siblings', (id, heading, body, expected) => {
    let text = drop(PLAN, heading);
    if (body) text = drop(text, body);
    else text = drop(text, '1、抓好项目建设。全年签约亿元以上项目五个。', '2、推进乡村振兴。新建标准化种植基地两千亩。');
    // renumber the rest as an author would have after deleting the section
    const m = buildReportModel(text);
    const tops = m.roots.filter((r) => r.family === 'cn-dun');
    tops.forEach((r, i) => (text = text.replace(r.marker!.text + r.text, '一二三'[i] + '、' + r.text)));
    const { outline } = insert(text, id);
    expect(names(outline)).toContain(expected);
    expect(names(outline).map((n) => n.slice(0, 2))).toEqual(['一、', '二、', '三、']);
  });

  it('writes the task items in the document’s 1、 style', () => {
    const text = lines(
      '示例镇2024年工作要点',
      '为推进全镇经济社会高质量发展，结合本镇实际，现就全年工作作出如下安排。',
      '一、指导思想',
      '坚持以人民为中心的发展思想，全力推动各项事业再上新台阶。',
      '二、主要目标',
      '1、经济发展目标。地区生产总值增长百分之六左右。',
      '2、民生改善目标。新增城镇就业四百五十人。',
    );
    const { after } = insert(text, 'tasks');
    expect(after).toContain('\n1、狠抓项目建设。');
    expect(after).not.toContain('\n1.');
  });
});

describe('duty report', () => {
  it.each([
    ['duties', '一、履职尽责，推动各项工作落地见效', '全年引进项目八个，完成固定资产投资八亿元。', '一、忠诚履职尽责，推动各项工作落地见效'],
    ['problems', '二、存在的不足', '对照组织要求，自身还存在一些不足：一是学习不够系统；二是调研不够深入。', '二、存在的不足'],
    ['direction', '三、今后的努力方向', '今后我将持续加强学习，坚持真抓实干。', '三、今后的努力方向'],
  ] as const)('%s', (id, heading, body, expected) => {
    let text = drop(DUTY, heading, body);
    const m = buildReportModel(text);
    m.roots.forEach((r, i) => (text = text.replace(r.marker!.text + r.text, '一二三'[i] + '、' + r.text)));
    const { outline } = insert(text, id);
    expect(names(outline)).toContain(expected);
    expect(names(outline).map((n) => n.slice(0, 2))).toEqual(['一、', '二、', '三、']);
  });
});

describe('numbering in the siblings’ style', () => {
  it('keeps the half-width 一. or odd punctuation the siblings use', () => {
    const text = lines('示例镇2023年工作总结', '一.主要工作开展情况', '全年完成投资。', '二.下一步工作打算', '2024年，我们将着力壮大经济实力。');
    const { outline } = insert(text, 'problems');
    expect(names(outline)).toEqual(['一.主要工作开展情况', '二.存在的问题和不足', '三.下一步工作打算']);
  });

  it('drops the number when the siblings are unnumbered titles', () => {
    const text = lines(
      '示例镇2023年工作总结',
      '全镇上下团结一心、真抓实干，经济社会各项事业取得了新的进展，群众获得感持续增强。现将全年工作总结如下。',
      '主要工作开展情况',
      '全年完成地区生产总值二十亿元，新增城镇就业四百人，各项事业稳步推进。',
      '下一步工作打算',
      '2024年，我们将着力壮大经济实力，持续改善民生，推动高质量发展。',
    );
    const { after, outline } = insert(text, 'problems');
    expect(after).toContain('\n存在的问题和不足\n');
    expect(names(outline)).toEqual(['主要工作开展情况', '存在的问题和不足', '下一步工作打算']);
  });

  it('keeps CRLF line endings', () => {
    const text = drop(SUMMARY, '二、存在的问题和不足\n', '一是产业结构偏重；二是基础设施欠账较多。\n').replace('三、下一步', '二、下一步').replace(/\n/g, '\r\n');
    const model = buildReportModel(text);
    const after = applyEdits(text, insertSectionEdits(model, 'problems'));
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(names(outlineOf(buildReportModel(after)))).toEqual(['一、主要工作开展情况', '二、存在的问题和不足', '三、下一步工作打算']);
  });
});

describe('years', () => {
  it.each([
    ['示例镇2024年政府工作报告', 'gov-report', 2023],
    ['示例镇2024年工作要点', 'plan', 2023],
    ['示例镇2023年工作总结', 'summary', 2023],
    ['示例镇2023年工作总结及2024年工作计划', 'summary-plan', 2023],
    ['示例镇镇长2023年度述职报告', 'duty-report', 2023],
  ] as const)('%s reviews %s', (title, kind, year) => {
    const model = buildReportModel(title + '\n正文。\n');
    expect(model.kind).toBe(kind as ReportKind);
    expect(reviewYearOf(model)).toBe(year);
  });

  it('keeps the snippet’s example years when the title has none', () => {
    expect(reviewYearOf(buildReportModel('工作总结\n正文。\n'))).toBeUndefined();
  });
});

describe('the section-missing quick fix', () => {
  it('is offered as a preferred, unsafe fix that inserts the section', () => {
    const text = drop(GOV, '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。');
    const model = buildReportModel(text);
    const fix = insertSectionFix(model, 'problems')!;
    expect(fix.safe).toBe(false);
    expect(fix.preferred).toBe(true);
    expect(fix.title.zh).toBe('插入“存在的问题”部分');
    expect(findSections(buildReportModel(applyEdits(text, fix.edits))).find((s) => s.id === 'problems')!.present).toBe(true);
  });

  it('withInsertFix attaches it to a finding by its data.sectionId', () => {
    const model = buildReportModel(drop(GOV, '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。'));
    const finding = withInsertFix(model, { ruleId: 'section-missing', start: 0, end: 1, message: { zh: '', en: '' }, data: { sectionId: 'problems' } });
    expect(finding.fixes).toHaveLength(1);
    expect(withInsertFix(model, { ruleId: 'x', start: 0, end: 1, message: { zh: '', en: '' } }).fixes).toBeUndefined();
  });

  it('rides on the findings of section-missing when the rule is registered', () => {
    if (!RULES.some((r) => r.id === 'section-missing')) return;
    const text = drop(GOV, '在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少困难和问题。');
    // The warnings: the fixture has no 政府自身建设 part, a usual one, which is only a hint.
    const warnings = (t: string) => analyze(t, defaultSettings()).findings.filter((f) => f.ruleId === 'section-missing' && f.severity !== 'hint');
    const findings = warnings(text);
    expect(findings).toHaveLength(1);
    expect(findings[0].fixes?.[0].preferred).toBe(true);
    const after = applyEdits(text, findings[0].fixes![0].edits);
    expect(warnings(after)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('corpus documents that lack a problems section', () => {
  it.each([
    ['local/town-summary-and-plan-template.txt', ['一、xxxx年工作总结', '二、存在的问题和不足', '三、下阶段工作计划']],
    ['local/sankui-2023-summary-2024-plan.txt', ['一、2023年工作情况', '二、存在的问题和不足', '三、2024年工作思路']],
  ])('%s gets 二、存在的问题和不足 before its plan, which becomes 三、', (path, expected) => {
    const text = corpusText(path);
    const { outline } = insert(text, 'problems');
    expect(names(outline)).toEqual(expected);
    // The plan's own subsections are untouched.
    expect(outline[2].children.length).toBeGreaterThanOrEqual(4);
  });
});

// ————————————————————————— the snippets, expanded, as documents —————————————————————————

/** The ids of rules that judge a whole document, not a fragment of one. */
const DOCUMENT_RULES = new Set(['section-missing', 'year-mismatch']);
const SKELETON = /全文骨架/;
/** A heading number's default (`${1:二}、`). */
const isNumberDefault = (s: string) => /^[一二三四五六七八九十]{1,3}$|^\d{1,2}$/.test(s);
const NUMERALS = ['一', '二'];

/**
 * A snippet expanded as a document. A section snippet becomes a document of two such sections in a
 * row, numbered 一 and 二 (one numbered section alone is itself a finding: 单独一项不必编号).
 * `blank` decides what each other tab stop shows (its default, or a blank).
 */
function asDocument(body: string, fragment: boolean, blank: (fallback: string) => string): string {
  const nodes = parseSnippet(body);
  const numbered = fragment && /^[（(]?\$\{1:/.test(body);
  const once = (n: number) =>
    expandSnippet(nodes, {
      fill: (index, fallback, isChoice) => {
        if (index === 1 && numbered && isNumberDefault(fallback)) return /\d/.test(fallback) ? String(n + 1) : NUMERALS[n];
        if (isChoice || isNumberDefault(fallback) || fallback === '') return fallback;
        return blank(fallback);
      },
    }).trimEnd();
  return numbered ? `${once(0)}\n${once(1)}\n` : `${once(0)}\n`;
}

describe.each(SNIPPETS.map((s) => [s.name, s] as const))('snippet %s as a document', (name, snippet) => {
  const settings = defaultSettings();
  const fragment = !SKELETON.test(name);
  const relevant = (ruleId: string) => !(fragment && DOCUMENT_RULES.has(ruleId));
  const show = (text: string, f: { ruleId: string; start: number; end: number }) => `${f.ruleId}: ${text.slice(f.start, f.end)}`;

  it('expands with its defaults into a document without diagnostics', () => {
    const text = asDocument(snippet.body, fragment, (fallback) => fallback);
    const { findings, failures, model } = analyze(text, settings);
    expect(failures).toEqual([]);
    expect(findings.filter((f) => relevant(f.ruleId)).map((f) => show(text, f))).toEqual([]);
    expect(model.placeholders).toEqual([]);
  });

  it('with its tab stops left blank, has only placeholder diagnostics, one at each blank', () => {
    let blanks = 0;
    const text = asDocument(snippet.body, fragment, () => {
      blanks++;
      return 'xx';
    });
    const { findings, model } = analyze(text, settings);
    expect(findings.filter((f) => relevant(f.ruleId) && f.ruleId !== 'placeholder').map((f) => show(text, f))).toEqual([]);
    expect(text.split('xx').length - 1).toBe(blanks);
    // Every blank is found (a blank may sit inside a larger one, as in `xx年xx月`).
    for (let at = text.indexOf('xx'); at >= 0; at = text.indexOf('xx', at + 2)) {
      expect(model.placeholders.some((p) => p.start <= at && at + 2 <= p.end), `blank at …${text.slice(Math.max(0, at - 8), at + 8)}…`).toBe(true);
    }
    // and, once the placeholder rule is registered, each is a diagnostic
    if (RULES.some((r) => r.id === 'placeholder')) {
      const reported = findings.filter((f) => f.ruleId === 'placeholder');
      for (let at = text.indexOf('xx'); at >= 0; at = text.indexOf('xx', at + 2)) expect(reported.some((f) => f.start <= at && at + 2 <= f.end)).toBe(true);
    }
  });
});

describe('every required section has a snippet body', () => {
  it.each(['gov-report', 'summary', 'plan', 'summary-plan', 'duty-report'] as const)('%s', (kind) => {
    const model = buildReportModel('', { kind });
    for (const s of findSections(model)) {
      if (!s.def.required) continue;
      const source = sectionSnippet(kind, s.id);
      expect(source, `${kind}/${s.id}`).toBeDefined();
      expect(expandSnippet(parseSnippet(source!.body)).trim().length).toBeGreaterThan(4);
    }
  });
});
