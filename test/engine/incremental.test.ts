/**
 * Re-analysis of what an edit touched (`engine/incremental.ts`, issue 11): an analysis given the
 * memo of the version before finds exactly what a fresh analysis finds. The property applies random
 * edit sequences (typing, deleting across lines, pasting headings and half-width marks, line
 * breaks of every kind) to random reports; `npm test` runs a fixed seed, as the other properties.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyze, changedRange, defaultSettings, memoOf, type Analysis, type Heading } from '../../server/src/engine';
import { findSections } from '../../server/src/engine/sections';
import { propertyRuns, propertySeed } from '../helpers/property';
import { breakChar, line, phrase, report } from '../helpers/report-arbitrary';

const RUNS = propertyRuns(150);
const SEED = propertySeed(20261129);
const TIMEOUT = 20000 + RUNS * 100;

/** Web page residue and the short lines around it (`web-residue` classifies lines, and grows blocks of them). */
const residue = fc.constantFrom('【返回顶部】', '打印本页 关闭窗口', '当前位置：首页 > 信息公开', '-----此处隐藏：1200字，下载后查看-----', '相关推荐', '上一篇：', '2024年工作总结范文（精选3篇）', '扫一扫在手机打开当前页', '2024-01-05', '12', '发布时间：2024-01-05', '网站首页');

/**
 * What changes heading candidates: a marker at a line start or after a sentence end, a title, a
 * short own-line title (`2023年工作回顾`), a long paragraph (front matter ends), a line broken in two,
 * a one-sentence line before a longer one, a hard-wrapped line ending mid-sentence.
 */
const headingEdit = fc.constantFrom(
  '\n一、',
  '\n（二）',
  '\n一是',
  '\n——',
  '\n第一部分　',
  '。（三）',
  '：一、',
  '；二、',
  '\n示例镇2024年政府工作报告\n',
  '青石镇2023年工作总结\n',
  '\n2023年工作回顾\n',
  '\n加快产业结构优化升级。\n',
  '\n结束语\n',
  '\n各位代表：\n',
  '\n全年完成地区生产总值一百二十亿元增长百分之六点五固定资产投资完成四十亿元社会消费品零售总额',
  '全年完成地区生产总值一百二十亿元，增长百分之六点五，固定资产投资完成四十亿元。\n',
  '\n一年来，我们狠抓项目建设，全年完成投资十二亿元。\n',
  '\n全面推进依法行政。\n',
  '一年来，',
  '\n\n',
  '\n',
);

/** Parallel lead paragraphs (`一年来，我们…` three times): pass 2 makes them headings. */
const leadBlock = fc
  .array(fc.tuple(fc.constantFrom('一年来，我们', '全面推进', '我们将坚持'), phrase, fc.constantFrom('。', '，全年完成投资十二亿元。', '')), { minLength: 3, maxLength: 6 })
  .map((ps) => ps.map((p) => p.join('')).join('\n') + '\n');

/** What an edit inserts: a keystroke, a half-width mark, a line break, a pasted line or phrase, web residue, a heading edit, or nothing (a deletion). */
const inserted = fc.oneof(
  headingEdit,
  fc.constantFrom('字', ',', '(', ')', ':', ';', '!', '?', '，', '。', '（一）', '一、', ' ', ''),
  breakChar,
  phrase,
  fc.tuple(line, breakChar).map(([l, b]) => l + b),
  residue,
  fc.tuple(breakChar, residue, breakChar).map((p) => p.join('')),
);

/** A random report with lines of web residue (a scraped page's furniture) among and after its lines. */
const withResidue = fc
  .tuple(report, fc.array(fc.tuple(residue, breakChar).map(([r, b]) => r + b), { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([text, lines, at]) => {
    const cut = text.indexOf('\n', Math.floor(at * text.length));
    return cut < 0 ? text + '\n' + lines.join('') : text.slice(0, cut + 1) + lines.join('') + text.slice(cut + 1);
  });

/** Several random reports in one text: long enough that an edit leaves lines unread on both sides (the memo's margins are some 60 units). */
const longReport = fc.array(fc.oneof(withResidue, leadBlock), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('\n'));

/** An edit at a fraction of the text's length: delete up to `remove` units there, then insert. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 80 })), text: inserted, readFindings: fc.boolean() });

function applyEdit(text: string, e: { at: number; remove: number; text: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.remove));
}

/** Everything a user sees of an analysis, as plain data: findings with their fixes, the heading tree, placeholders and sections. */
function visible(analysis: Analysis): string {
  const heading = (h: Heading) => [h.index, h.family, h.depth, h.text, h.label, h.placement, h.start, h.textEnd, h.sectionEnd, h.paragraph, h.parent?.index ?? -1, h.marker];
  // Where each section was found: the quick fixes insert missing sections relative to them.
  const sections = findSections(analysis.model).map((m) => [m.id, m.present, m.paragraph, m.at, m.segment ?? false]);
  return JSON.stringify({ lines: analysis.model.lines.lineStarts, paragraphs: analysis.model.paragraphs, findings: analysis.findings, failures: analysis.failures, headings: analysis.model.headings.map(heading), placeholders: analysis.model.placeholders, sections });
}

/**
 * Applies `edits` to `start` one by one, each version analysed from the last one's memo, and expects
 * every version whose findings were read, and the last, to show what a fresh analysis shows.
 */
function expectEditsAsFresh(start: string, edits: ReadonlyArray<{ at: number; remove: number; text: string; readFindings: boolean }>, settings: ReturnType<typeof defaultSettings>): void {
  let text = start;
  let analysis = analyze(text, settings);
  void analysis.findings;
  for (const e of edits) {
    text = applyEdit(text, e);
    analysis = analyze(text, settings, memoOf(analysis.model));
    // Versions whose rules never ran (typing faster than diagnostics) must not break the chain.
    if (!e.readFindings) continue;
    expect(visible(analysis)).toBe(visible(analyze(text, settings)));
  }
  expect(visible(analysis)).toBe(visible(analyze(text, settings)));
}

describe('incremental analysis', () => {
  it.each([
    ['a random report', withResidue],
    ['several random reports in one long text', longReport],
  ])('finds after every edit of a random sequence in %s exactly what a fresh analysis of the text finds', (_, reports) => {
    const settings = defaultSettings();
    fc.assert(
      fc.property(reports, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => expectEditsAsFresh(start, edits, settings)),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it('reuses the lines an edit did not touch in a long report, and still finds the new half-width mark', () => {
    const settings = defaultSettings();
    const body = Array.from({ length: 3000 }, (_, i) => `（${(i % 9) + 1}）第${i}项工作,同比增长${i}%。`).join('\n');
    const first = analyze(`示例镇2024年政府工作报告\n一、回顾\n${body}\n`, settings);
    const edited = first.model.text.replace('第1500项工作,', '第1500项工作,,新增,');
    const next = analyze(edited, settings, memoOf(first.model));
    expect(visible(next)).toBe(visible(analyze(edited, settings)));
    // The edit shows: the new marks are counted where the rest of the document was reused.
    expect(visible(next)).not.toBe(visible(first));
  });
});

describe('heading candidates, kept', () => {
  const settings = defaultSettings();
  const filler = Array.from({ length: 400 }, (_, i) => `（${(i % 9) + 1}）第${i}项工作。全年完成投资${i}亿元，同比增长百分之五。`).join('\n');
  // Blank lines: the neighbouring paragraph lies further away than the lines read around an edit.
  const gap = '\n'.repeat(100);

  it('finds a one-sentence line a title when the paragraph after it grows long', () => {
    const before = `示例镇2024年政府工作报告\n一、回顾\n${filler}\n加快产业结构优化升级。${gap}短句。${gap}${filler}\n`;
    const first = analyze(before, settings);
    expect(first.model.headings.some((h) => h.text === '加快产业结构优化升级')).toBe(false);
    const after = before.replace('短句。', '全面落实各项改革措施，推动传统产业转型升级，培育壮大新兴产业集群。');
    const next = analyze(after, settings, memoOf(first.model));
    expect(next.model.headings.some((h) => h.text === '加快产业结构优化升级')).toBe(true);
    expect(visible(next)).toBe(visible(analyze(after, settings)));
  });

  it('finds an own-line title when the paragraph before it stops ending mid-sentence', () => {
    const open = '全面落实各项改革措施推动传统产业转型升级培育壮大新兴产业集群持续优化营商环境';
    const before = `示例镇2024年政府工作报告\n一、回顾\n${filler}\n${open}${gap}2023年工作回顾\n${filler}\n`;
    const first = analyze(before, settings);
    expect(first.model.headings.some((h) => h.text === '2023年工作回顾')).toBe(false);
    const after = before.replace(open, open + '。');
    const next = analyze(after, settings, memoOf(first.model));
    expect(next.model.headings.some((h) => h.text === '2023年工作回顾')).toBe(true);
    expect(visible(next)).toBe(visible(analyze(after, settings)));
  });
});

describe('section openings, kept', () => {
  it('finds an opening sentence again when the edit is in the wrapped line it continues into', () => {
    const settings = defaultSettings();
    // A hard-wrapped summary: the opening of the second body line runs on into the third.
    const head = '青石镇2023年工作总结\n一、主要成效\n全年完成固定资产投资十二亿元同比增长百分之八点五\n';
    const wrapped = '我们也清醒看到发展中还存在一些不足之处需要认真加以解决。\n';
    const plain = '各项工作稳步推进，群众满意度持续提升，社会大局和谐稳定。\n';
    const body = '二、下一步工作计划\n继续推进各项重点工作。\n';
    const first = analyze(head + plain + body, settings);
    void first.findings;
    const edited = head + wrapped + body;
    const next = analyze(edited, settings, memoOf(first.model));
    expect(visible(next)).toBe(visible(analyze(edited, settings)));
    const back = analyze(head + plain + body, settings, memoOf(next.model));
    expect(visible(back)).toBe(visible(first));
  });
});

describe('section search, kept', () => {
  /**
   * Lines the section search reads: headings with and without cues (some traditional), lead
   * openings, strong paragraph cues, a task lead-in before its list, and flattened lines whose
   * stretches between blanks are titles (`…请予审议。  2022年工作回顾  一年来…`).
   */
  const sectionLine = fc.constantFrom(
    '一、2023年工作回顾',
    '二、存在的问題和不足',
    '三、2024年工作安排',
    '（一）推进产业升级',
    '四、下一步工作打算',
    '一年来，我们坚持稳中求进。全年完成投资十二亿元。',
    '在肯定成绩的同时，我们也清醒地认识到，发展中还存在一些困难和问题。',
    '成绩显著。但也面临着不少困难和问题，主要是：',
    '重点做好以下几个方面的工作：',
    '现将2023年工作情况报告如下：',
    '我代表镇人民政府，向大会报告工作，请予审议。  2022年工作回顾  一年来，我们狠抓落实。',
    '各位代表：',
    '各位代表！让我们团结一心，为建设美丽乡镇而努力奋斗！',
    '　　全年完成地区生产总值一百二十亿元，增长百分之六点五。',
    '　　下一步，我们将继续推进各项工作。',
  );
  const sectionReport = fc
    .tuple(fc.constantFrom('示例镇2024年政府工作报告', '青石镇2023年工作总结', '某局2025年工作要点', '张三2023年述职报告', ''), fc.array(fc.tuple(fc.oneof(sectionLine, line), breakChar), { minLength: 2, maxLength: 40 }))
    .map(([title, lines]) => (title ? title + '\n' : '') + lines.map(([l, b]) => l + b).join(''));
  const sectionEdit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 60 })),
    text: fc.oneof(sectionLine.map((l) => `\n${l}\n`), fc.constantFrom('  ', ' ', '　', '\n', '问题', '存在', '。', '：', '回顾', '字', '')),
    readFindings: fc.boolean(),
  });

  it.each(['auto', 'gov-report', 'summary', 'plan', 'summary-plan', 'duty-report'] as const)(
    'finds after every edit what a fresh analysis finds, as kind %s (openings, lead cues, heading cues and stretches kept)',
    (kind) => {
      const settings = { ...defaultSettings(), kind };
      fc.assert(
        fc.property(sectionReport, fc.array(sectionEdit, { minLength: 1, maxLength: 8 }), (start, edits) => expectEditsAsFresh(start, edits, settings)),
        { numRuns: Math.ceil(RUNS / 3), seed: SEED },
      );
    },
    TIMEOUT,
  );
});

describe('numbering parts, kept', () => {
  /** Numbered headings, and the unnumbered part and report titles where a new count begins (`numbering-scope.ts`). */
  const numberingLine = fc.constantFrom(
    '一、工作回顾',
    '二、主要做法',
    '三、存在问题',
    '（一）加强组织领导',
    '（二）强化督促检查',
    '1.完善制度',
    '2.压实责任',
    '2024年工作计划',
    '绿水镇2023年政府工作报告',
    '青石镇2023年工作总结',
    '　　全年完成投资十二亿元，同比增长百分之八。',
    '重点抓好以下三个方面工作：',
  );
  const numberedReport = fc
    .array(fc.tuple(numberingLine, breakChar), { minLength: 3, maxLength: 40 })
    .map((lines) => lines.map(([l, b]) => l + b).join(''));
  const numberingEdit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })),
    text: fc.oneof(numberingLine.map((l) => `\n${l}\n`), fc.constantFrom('\n', '字', '，', '工作', '计划', '一、', '（三）', '')),
    readFindings: fc.boolean(),
  });

  it('finds after every edit what a fresh analysis finds (part-title lines kept)', () => {
    const settings = defaultSettings();
    fc.assert(
      fc.property(numberedReport, fc.array(numberingEdit, { minLength: 1, maxLength: 8 }), (start, edits) => expectEditsAsFresh(start, edits, settings)),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);
});

describe('kind from content, kept', () => {
  it('is kept when an edit lies past the part the kind is read from, and found again when it does not', () => {
    const settings = defaultSettings();
    const filler = '持续推进各项重点工作，取得明显成效。\n'.repeat(15000); // about 280,000 units
    const summary = `一、主要成效\n${filler}`;
    const first = analyze(summary, settings);
    expect(first.model.kind).toBe('summary');
    // Past the first 200,000 units: the kind is kept, and is what a fresh analysis says.
    const tail = summary + '二、下一步工作计划\n';
    expect(analyze(tail, settings, memoOf(first.model)).model.kind).toBe(analyze(tail, settings).model.kind);
    // At the start: found again.
    const head = `一、下一步工作计划\n二、主要成效\n${filler}`;
    const again = analyze(head, settings, memoOf(first.model));
    expect(again.model.kind).toBe('summary-plan');
    expect(again.model.kind).toBe(analyze(head, settings).model.kind);
  });
});

describe('changedRange', () => {
  it('is the changed line with its neighbours, in whole lines, shifted by the length change', () => {
    const old = '一、回顾\n甲,乙\n二、打算\n丙\n';
    const text = '一、回顾\n甲,乙丁\n二、打算\n丙\n';
    expect(changedRange(old, text, 0, 0)).toEqual({ start: 5, end: 10, oldEnd: 9, delta: 1 });
    // One more line on each side.
    expect(changedRange(old, text, 0, 1)).toEqual({ start: 0, end: 15, oldEnd: 14, delta: 1 });
    expect(changedRange(old, old, 0, 1)).toBeUndefined();
  });

  it('keeps the text before `start` and after `end` equal in both versions, for any edit', () => {
    fc.assert(
      fc.property(report, edit, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 2 }), (old, e, margin, lines) => {
        const text = applyEdit(old, e);
        const r = changedRange(old, text, margin, lines);
        if (!r) {
          expect(text).toBe(old);
          return;
        }
        expect(text.slice(0, r.start)).toBe(old.slice(0, r.start));
        expect(text.slice(r.end)).toBe(old.slice(r.oldEnd));
        expect(r.start === 0 || text[r.start - 1] === '\n').toBe(true);
        expect(r.end === text.length || text[r.end - 1] === '\n').toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('memory of the memo', () => {
  it('keeps no earlier version of the text alive: after edits the heap holds what a fresh analysis of the last text holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-heap-'));
    const collect = () => {
      // V8 keeps the subject of the last regular-expression match alive; a small match lets it go.
      /x/.test('x');
      // Writing a heap snapshot collects everything unreachable (a plain `gc()` leaves some 20 MB here).
      rmSync(writeHeapSnapshot(join(dir, 'heap.heapsnapshot')));
      return process.memoryUsage().heapUsed;
    };
    const block = (i: number) =>
      `${'一二三四五六七八九'[i % 9]}、第${i}部分工作回顾和今后安排\n（一）持续壮大产业，在转型升级中点燃发展引擎。全年完成投资${i}亿元,同比增长5%。\n（二）建管并重，突出亮点，打造生态宜居新城镇。新增就业xx人。\n一年来，我们始终坚持稳中求进工作总基调，扎实推进各项工作。\n`;
    const settings = defaultSettings();
    // Each version is analysed inside a function, so that no stale local of this one holds a model.
    const edited = (): Analysis => {
      let analysis = analyze(Array.from({ length: 8000 }, (_, i) => block(i)).join(''), settings);
      void analysis.findings;
      for (let k = 0; k < 6; k++) {
        const text = analysis.model.text;
        const at = Math.floor(text.length / 2) + k * 101;
        analysis = analyze(text.slice(0, at) + '字' + text.slice(at), settings, memoOf(analysis.model));
        void analysis.findings;
      }
      return analysis;
    };
    const freshOf = (text: string): Analysis => {
      const analysis = analyze(text, settings);
      void analysis.findings;
      return analysis;
    };
    // Measured inside functions too: a value a frame still holds in a register stays alive.
    const heapOfEdited = () => {
      const before = collect();
      const analysis = edited();
      return { used: collect() - before, text: analysis.model.text, headings: analysis.model.headings.length };
    };
    const heapOfFresh = (text: string) => {
      const before = collect();
      const analysis = freshOf(text);
      return collect() - before + (analysis.model.text === text ? 0 : Infinity);
    };
    try {
      const afterEdits = heapOfEdited();
      const afterFresh = heapOfFresh(afterEdits.text);
      // The edited one made its text too (two bytes a unit). A kept result pointing into an earlier
      // text would add that text again, once per version (6 edits: up to 6 texts, 12 MB); what
      // differs otherwise (the memo's own copies) stays under one text.
      const textBytes = afterEdits.text.length * 2;
      expect(Math.abs(afterEdits.used - textBytes - afterFresh)).toBeLessThan(textBytes * 1.5);
      expect(afterEdits.headings).toBeGreaterThan(8000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
