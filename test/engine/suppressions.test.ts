import { describe, expect, it } from 'vitest';
import {
  analyze, compileGlob, defaultSettings, ignoreEntryFor, neverFlagWordOf, parseConfig, RULE_IDS, settingsForFile, suppressionsFor, visibleFindings, withSuppressions,
  type GongwenConfig,
} from '../../server/src/engine';

const REPORT = ['示范镇2024年工作总结', '一、工作回顾', '今年实现生产总值xx亿元，同比增长5%。', '二、存在的问题', '一是投入不足。', '三、下一步打算', '明年力争xx亿元。', ''].join('\n');

function config(json: unknown): GongwenConfig {
  const parsed = parseConfig(JSON.stringify(json), RULE_IDS);
  if (!parsed.ok) throw new Error(parsed.reason);
  expect(parsed.problems).toEqual([]);
  return parsed.config;
}

function placeholders(text: string, cfg?: GongwenConfig, file = 'reports/2024.txt') {
  const analysis = withSuppressions(analyze(text, defaultSettings()), suppressionsFor(cfg, file));
  return analysis.findings.filter((f) => f.ruleId === 'placeholder').map((f) => ({ text: text.slice(f.start, f.end), line: text.slice(0, f.start).split('\n').length }));
}

describe('ignore entries', () => {
  const first = () => {
    const a = analyze(REPORT, defaultSettings());
    return a.findings.find((f) => f.ruleId === 'placeholder')!;
  };

  it('makes an entry of the rule, the text and up to 10 characters each side on the line', () => {
    expect(ignoreEntryFor(REPORT, first())).toEqual({ rule: 'placeholder', text: 'xx', context: '今年实现生产总值xx亿元，同比增长5%。' });
  });

  it('silences that finding only, not the same text elsewhere', () => {
    const cfg = config({ ignore: [{ file: 'reports/2024.txt', ...ignoreEntryFor(REPORT, first()) }] });
    expect(placeholders(REPORT)).toHaveLength(2);
    expect(placeholders(REPORT, cfg)).toEqual([{ text: 'xx', line: 7 }]);
  });

  it('survives edits elsewhere in the document: lines added above, text changed below', () => {
    const cfg = config({ ignore: [{ file: 'reports/2024.txt', ...ignoreEntryFor(REPORT, first()) }] });
    const edited = REPORT.replace('示范镇2024年工作总结\n', '示范镇2024年工作总结\n（2024年12月20日在镇人大会议上）\n\n').replace('一是投入不足。', '一是投入不足，二是人才缺乏。');
    expect(placeholders(edited, cfg)).toEqual([{ text: 'xx', line: 9 }]);
  });

  it('comes back when the finding itself or the text right beside it is edited', () => {
    const cfg = config({ ignore: [{ file: 'reports/2024.txt', ...ignoreEntryFor(REPORT, first()) }] });
    expect(placeholders(REPORT.replace('生产总值xx', '生产总值XX'), cfg).map((f) => f.text)).toEqual(['XX', 'xx']);
    // An edit in the context (今年 → 全年), within 10 characters of the finding.
    expect(placeholders(REPORT.replace('今年实现', '全年实现'), cfg)).toHaveLength(2);
  });

  it('leaves the rest of the analysis as it was', () => {
    const analysis = analyze(REPORT, defaultSettings());
    const filtered = withSuppressions(analysis, suppressionsFor(config({ ignore: [ignoreEntryFor(REPORT, first())] }), 'a.txt'));
    expect(filtered.model).toBe(analysis.model);
    expect(filtered.failures).toBe(analysis.failures);
    expect(filtered.settingsProblems).toBe(analysis.settingsProblems);
    expect(filtered.findings).toEqual(analysis.findings.filter((f) => f !== first() && !(f.ruleId === 'placeholder' && f.start === first().start)));
    expect(filtered.findings.length).toBe(analysis.findings.length - 1);
  });

  it('applies to the named file only; an entry without file applies to every file', () => {
    const entry = ignoreEntryFor(REPORT, first());
    expect(placeholders(REPORT, config({ ignore: [{ file: 'other.txt', ...entry }] }))).toHaveLength(2);
    expect(placeholders(REPORT, config({ ignore: [entry] }), 'any/where.txt')).toHaveLength(1);
  });

  it('accepts a hand-written entry with a shorter context, and one without context', () => {
    expect(placeholders(REPORT, config({ ignore: [{ rule: 'placeholder', text: 'xx', context: '力争xx' }] }))).toEqual([{ text: 'xx', line: 3 }]);
    expect(placeholders(REPORT, config({ ignore: [{ rule: 'placeholder', text: 'xx' }] }))).toEqual([]);
  });

  it('tells apart two findings of one rule at one place by their section', () => {
    // A whole summary (not a cut-off page) that lacks both its problems and its next steps.
    const body = Array.from({ length: 30 }, (_, i) => `第${i + 1}个村完成道路硬化${i + 2}公里，改造农房${i + 10}户，新建文化广场一处，群众满意度持续提升。`);
    const text = ['示范镇2024年工作总结', '一、主要成绩', ...body, ''].join('\n');
    const missing = analyze(text, defaultSettings()).findings.filter((f) => f.ruleId === 'section-missing');
    expect(missing.length).toBeGreaterThanOrEqual(2);
    const entry = ignoreEntryFor(text, missing[0]);
    expect(entry.section).toBeDefined();
    const left = visibleFindings(text, missing, suppressionsFor(config({ ignore: [entry] }), 'a.txt'));
    expect(left).toEqual(missing.slice(1));
  });
});

describe('never-flag words', () => {
  const text = '示范镇2024年工作总结\n一、工作回顾\nX建村完成改造，X村尚未动工。\n';

  it('silences a placeholder inside an occurrence of the word, not the same blank elsewhere', () => {
    const before = placeholders(text);
    expect(before.map((f) => f.text)).toEqual(['X', 'X']);
    expect(placeholders(text, config({ words: ['X建'] }))).toEqual([before[1]]);
  });

  it('does not apply to structural rules', () => {
    const numbered = '示范镇2024年工作总结\n一、工作回顾\n正文。\n三、工作安排\n正文。\n';
    const findings = analyze(numbered, defaultSettings()).findings;
    const gap = findings.filter((f) => f.ruleId === 'numbering-sequence');
    expect(gap).toHaveLength(1);
    expect(visibleFindings(numbered, findings, { ignore: [], words: ['三、'] }).filter((f) => f.ruleId === 'numbering-sequence')).toEqual(gap);
  });

  it('offers the quoted text, or a bare mark with the Latin text touching it', () => {
    // A gloss in brackets (`新冠(COVID-19)`) is not flagged at all; a bare mark glued to Latin text is.
    const gloss = '示范镇2024年工作总结\n一、工作回顾\n全年完成GDP,同比增长5%。推进园区建设，新增企业10家，带动就业500人，完成投资3亿元，实现税收1亿元，各项工作稳步推进。\n';
    const marks = analyze(gloss, defaultSettings()).findings.filter((f) => f.ruleId === 'halfwidth-punctuation');
    expect(marks.length).toBeGreaterThan(0);
    expect(neverFlagWordOf(gloss, marks[0])).toBe('GDP,');
    const x = analyze(text, defaultSettings()).findings.find((f) => f.ruleId === 'placeholder')!;
    expect(neverFlagWordOf(text, x)).toBe('X');
  });

  it('offers no word for a bare mark among Chinese text, a sentence, or a structural rule', () => {
    const plain = '示范镇2024年工作总结\n一、工作回顾\n投入不足,人才缺乏。\n';
    const comma = analyze(plain, defaultSettings()).findings.find((f) => f.ruleId === 'halfwidth-punctuation')!;
    expect(plain.slice(comma.start, comma.end)).toBe(',');
    expect(neverFlagWordOf(plain, comma)).toBeUndefined();
    const sentence = { ...comma, start: plain.indexOf('投入'), end: plain.indexOf('。') + 1 };
    expect(neverFlagWordOf(plain, sentence)).toBeUndefined();
    expect(neverFlagWordOf(plain, { ...comma, ruleId: 'numbering-sequence', start: plain.indexOf('一、'), end: plain.indexOf('一、') + 2 })).toBeUndefined();
  });
});

describe('config file', () => {
  it('skips a BOM, refuses bad JSON and deep nesting with a reason', () => {
    expect(parseConfig('\uFEFF{"words": ["X建"]}', RULE_IDS)).toMatchObject({ ok: true, config: { words: ['X建'] } });
    expect(parseConfig('{"rules": ', RULE_IDS)).toMatchObject({ ok: false, reason: expect.stringContaining('invalid JSON') });
    const deep = '{"kind":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    expect(parseConfig(deep, RULE_IDS)).toMatchObject({ ok: false, reason: expect.stringContaining('nested deeper than 32') });
  });

  it('counts depth outside strings only, and accepts an empty object', () => {
    expect(parseConfig('{"words": ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"{{{{"]}', RULE_IDS)).toMatchObject({ ok: true });
    expect(parseConfig('{}', RULE_IDS)).toMatchObject({ ok: true, problems: [] });
    expect(parseConfig('[]', RULE_IDS)).toMatchObject({ ok: true, problems: [expect.stringContaining('must hold an object')] });
  });

  it('reports wrong entries and keeps the rest', () => {
    const parsed = parseConfig(JSON.stringify({ ignore: [{ rule: 'nope', text: 'x' }, { rule: 'placeholder', text: 'xx' }], words: [1, 'X建'], overrides: [{ rules: {} }], colour: 1 }), RULE_IDS);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.config.ignore).toEqual([{ rule: 'placeholder', text: 'xx' }]);
    expect(parsed.config.words).toEqual(['X建']);
    expect(parsed.config.overrides).toEqual([]);
    expect(parsed.problems).toEqual([
      expect.stringContaining('colour: unknown key'),
      expect.stringContaining('overrides[0].files: needs one or more globs'),
      expect.stringContaining('ignore[0].rule: nope is not a rule id'),
      expect.stringContaining('words: ignored 1'),
    ]);
  });

  it('layers the file over the editor settings, then matching overrides in order', () => {
    const cfg = config({
      rules: { 'halfwidth-punctuation': 'off' },
      overrides: [
        { files: ['drafts/**', '*模板*.txt'], rules: { 'section-missing': 'off' } },
        { files: ['drafts/final/*.txt'], rules: { 'section-missing': 'error' }, kind: 'plan' },
      ],
    });
    const base = { ...defaultSettings(), rules: { placeholder: 'info' as const, 'halfwidth-punctuation': 'warning' as const } };
    expect(settingsForFile(base, cfg, 'reports/a.txt').rules).toEqual({ placeholder: 'info', 'halfwidth-punctuation': 'off' });
    expect(settingsForFile(base, cfg, 'drafts/2024/a.txt').rules['section-missing']).toBe('off');
    expect(settingsForFile(base, cfg, 'x/年度模板.txt').rules['section-missing']).toBe('off');
    const final = settingsForFile(base, cfg, 'drafts/final/a.txt');
    expect([final.rules['section-missing'], final.kind]).toEqual(['error', 'plan']);
  });
});

describe('globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['drafts/**', 'drafts/a.txt', true],
    ['drafts/**', 'drafts/2024/初稿.txt', true],
    ['drafts/**', 'old/drafts/a.txt', false],
    ['drafts', 'old/drafts/a.txt', true],
    ['/drafts', 'old/drafts/a.txt', false],
    ['*模板*.txt', 'x/y/年度模板v2.txt', true],
    ['*模板*.txt', '年度模板.md', false],
    ['reports/2024.txt', 'reports/2024.txt', true],
    ['reports/2024.txt', 'a/reports/2024.txt', false],
    ['**/2024.txt', 'a/b/2024.txt', true],
    ['reports/202[34].txt', 'reports/2023.txt', true],
    ['reports/202[!34].txt', 'reports/2023.txt', false],
    ['reports/{2023,2024}?.txt', 'reports/2024a.txt', true],
    ['reports/*.txt', 'reports/sub/a.txt', false],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['drafts/', 'x/drafts/a.txt', true],
    ['./reports/*.txt', 'reports/a.txt', true],
    ['**', 'a/b.txt', true],
  ];
  it.each(cases)('%s on %s → %s', (pattern, path, expected) => {
    expect(compileGlob(pattern)(path)).toBe(expected);
  });

  it('stays fast on a pattern that makes backtracking matchers explode', () => {
    const started = performance.now();
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b')('a'.repeat(3000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
