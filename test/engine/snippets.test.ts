/**
 * Checks snippets/gongwen.code-snippets: every snippet can be found by a Chinese and a pinyin
 * prefix, and every body expands (with the tab stops' default values) into a clean report
 * fragment: GB/T 15834 heading punctuation, numbering without gaps, no unfilled placeholders, and
 * years that agree with each other.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { buildReportModel, type ReportKind } from '../../server/src/engine';
import { expandSnippet, parseSnippet, type SnippetNode } from '../../server/src/engine/features/section-snippets';

const SNIPPETS_PATH = fileURLToPath(new URL('../../snippets/gongwen.code-snippets', import.meta.url));
const raw = readFileSync(SNIPPETS_PATH, 'utf8');

interface Snippet {
  scope?: string;
  prefix: string | string[];
  pinyin?: string[];
  description?: string;
  body: string | string[];
}
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const entries = Object.entries(snippets);

const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

// ————————————————————————— expanding with the engine's expander —————————————————————————

/** Variables a snippet may use, with the values the test expands them to. */
const VARIABLES: Record<string, string> = {
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_FILENAME: 'report.gongwen',
  TM_FILENAME_BASE: 'report',
  TM_DIRECTORY: '',
  TM_FILEPATH: 'report.gongwen',
  CLIPBOARD: '',
  CURRENT_YEAR: '2024',
  CURRENT_YEAR_SHORT: '24',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '15',
};

/** Parses a snippet body strictly: malformed `${…}` (unterminated, a transform) throws. */
const parse = (src: string): SnippetNode[] => parseSnippet(src, { strict: true });

function* walk(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const n of nodes) {
    yield n;
    if (n.kind !== 'text' && n.children) yield* walk(n.children);
  }
}

/**
 * Expands a snippet body the way VS Code inserts it before the user types anything: a placeholder
 * shows its default, a choice its first option, `$n` mirrors the placeholder with the same index
 * (empty when there is none, as for `$0`), and variables take the values in {@link VARIABLES}
 * (an unknown variable or a placeholder nested in itself throws).
 */
const expand = (src: string): string => expandSnippet(parse(src), { variables: VARIABLES, strict: true });

// ————————————————————————— text checks —————————————————————————

const CN_DIGITS = '一二三四五六七八九';
/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for heading numbers). */
function cnToInt(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGITS.indexOf(s) + 1;
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s[0]) + 1;
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s[ten + 1]) + 1;
  return tens * 10 + ones;
}

const SENTENCE_START = '(?:^|(?<=[。：；！？]))';
const HEADING_LEVELS: { level: number; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { level: 1, re: /^([一二三四五六七八九十]{1,3})、/, value: (m) => cnToInt(m[1]) },
  { level: 2, re: /^（([一二三四五六七八九十]{1,3})）/, value: (m) => cnToInt(m[1]) },
  { level: 3, re: /^(\d{1,2})\.(?!\d)/, value: (m) => Number(m[1]) },
  { level: 4, re: /^（(\d{1,2})）/, value: (m) => Number(m[1]) },
];

/** Problems with heading punctuation (GB/T 15834 B.3) anywhere a heading can start. */
function punctuationProblems(text: string): string[] {
  const problems: string[] = [];
  const checks: [RegExp, string][] = [
    [new RegExp(SENTENCE_START + '\\s*\\d{1,2}、', 'mg'), 'Arabic numeral with 、 (use 1.)'],
    [new RegExp(SENTENCE_START + '\\s*\\d{1,2}．', 'mg'), 'full-width ． after an Arabic numeral (use 1.)'],
    [/[（(][一二三四五六七八九十\d]{1,3}[）)][、.．,，]/g, 'bracketed number followed by punctuation'],
    [new RegExp(SENTENCE_START + '\\s*[一二三四五六七八九十]{1,3}[.．,，]', 'mg'), 'Chinese numeral without 、'],
    [/\([一二三四五六七八九十\d]{1,3}\)|（[一二三四五六七八九十\d]{1,3}\)|\([一二三四五六七八九十\d]{1,3}）/g, 'half-width or mixed brackets'],
    [new RegExp(SENTENCE_START + '\\s*第[一二三四五六七八九十]{1,3}(?![部章篇节])[^，]', 'mg'), '第X without ，'],
  ];
  for (const [re, what] of checks) for (const m of text.matchAll(re)) problems.push(`${what}: ${m[0]}`);
  // A heading alone on its line takes no end punctuation.
  for (const line of text.split('\n')) {
    const isHeading = HEADING_LEVELS.some((h) => h.re.test(line));
    if (isHeading && !line.slice(0, -1).includes('。') && /[，。：；、！？]$/.test(line) && !line.endsWith('。')) {
      problems.push(`heading ends with punctuation: ${line}`);
    }
  }
  return problems;
}

/** Leftovers a placeholder checker would flag (report-anatomy §4). */
const PLACEHOLDER_CHECKS: [RegExp, string][] = [
  [/(?<![A-Za-z+])[xXｘＸ]+(?![A-Za-z光射线])/g, 'x / xx'],
  [/×{2,}|○{2,}/g, '×× / ○○'],
  [/某某|某(?![些种一])/g, '某某 / 某镇'],
  [/[*＊]{2,}|[_＿]{2,}|[=＝]{2,}/g, '** / __ / =='],
  [/【[^】]*】|〔[^〕\d]*〕/g, 'bracketed blank'],
  [/[（(](?:此处|请填写|填写|待填)/g, 'fill-in note'],
  [/……$/gm, 'paragraph cut off with ……'],
  [/(?<![\d.多余])(?:亿元|万元|%|％|‰)(?!以上|级)/g, 'unit without a number'],
  [/\s+(?:亿元|万元|元|%|％|个)/g, 'blank before a unit'],
];
function placeholderProblems(text: string): string[] {
  const out: string[] = [];
  for (const [re, what] of PLACEHOLDER_CHECKS) for (const m of text.matchAll(re)) out.push(`${what}: “${m[0]}” in …${text.slice(Math.max(0, m.index! - 10), m.index! + 10)}…`);
  return out;
}

/**
 * Numbering problems: each heading family counts 1, 2, 3 … without gaps, restarting whenever a
 * shallower heading appears; the first family of a skeleton must start at 1, a section snippet's
 * top heading may carry any number (it is a tab stop). Points 一是、二是 … count within a paragraph.
 */
function numberingProblems(text: string, topMayStartAnywhere: boolean): string[] {
  const problems: string[] = [];
  const last = new Map<number, number>();
  let topLevel: number | undefined;
  for (const line of text.split('\n')) {
    for (const h of HEADING_LEVELS) {
      const m = h.re.exec(line);
      if (!m) continue;
      const v = h.value(m);
      if (topLevel === undefined) topLevel = h.level;
      const prev = last.get(h.level);
      const free = prev === undefined && topMayStartAnywhere && h.level === topLevel;
      const expected = prev === undefined ? 1 : prev + 1;
      if (!free && v !== expected) problems.push(`level ${h.level}: expected ${expected}, got ${v} in “${line.slice(0, 20)}”`);
      last.set(h.level, v);
      for (const deeper of [...last.keys()]) if (deeper > h.level) last.delete(deeper);
      break;
    }
    const points = [...line.matchAll(new RegExp(SENTENCE_START + '([一二三四五六七八九十]{1,3})是', 'g'))].map((m) => cnToInt(m[1]));
    points.forEach((v, k) => {
      if (v !== k + 1) problems.push(`points: expected ${k + 1}是, got ${v}是 in “${line.slice(0, 20)}”`);
    });
  }
  return problems;
}

const isSkeleton = (name: string) => name.includes('全文骨架');
const expanded = new Map(entries.map(([name, s]) => [name, expand(bodyOf(s))]));
const skeleton = (kind: string): string => {
  const hit = entries.find(([name]) => isSkeleton(name) && name.startsWith(kind));
  if (!hit) throw new Error(`no skeleton for ${kind}`);
  return expanded.get(hit[0])!;
};

// ————————————————————————— tests —————————————————————————

describe('snippets file', () => {
  it('is a JSON object of snippets with no duplicate names', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
    const topLevelKeys = [...raw.matchAll(/^ {2}"([^"]+)": \{/gm)].map((m) => m[1]);
    expect(topLevelKeys.length).toBe(entries.length);
  });

  it('offers a skeleton for each kind of report', () => {
    for (const kind of ['政府工作报告', '工作总结（', '工作计划', '工作总结及工作计划', '述职报告']) {
      expect(entries.some(([name]) => isSkeleton(name) && name.startsWith(kind)), kind).toBe(true);
    }
  });

  it('offers a snippet for each standard section', () => {
    const all = new Set(entries.flatMap(([, s]) => prefixesOf(s)));
    for (const p of [
      '各位代表', '工作回顾', '存在问题', '总体要求', '预期目标', '重点工作', '主要任务', '政府自身建设', '结束语',
      '下一步工作打算', '指导思想', '保障措施', '民生实事', '履职情况', '存在的不足', '努力方向', '廉洁自律',
      '工作要点', '工作总结及工作计划',
    ]) {
      expect(all.has(p), p).toBe(true);
    }
  });

  it('gives every prefix to one snippet only', () => {
    const owner = new Map<string, string>();
    for (const [name, s] of entries) {
      for (const p of prefixesOf(s)) {
        expect(owner.get(p), `prefix ${p} of ${name}`).toBeUndefined();
        owner.set(p, name);
      }
    }
  });
});

describe.each(entries)('snippet %s', (name, s) => {
  const text = expanded.get(name)!;

  it('is scoped to gongwen, shows only Chinese prefixes (the labels of the editor\'s list), keeps pinyin initials apart, and has a bilingual description', () => {
    expect(s.scope).toBe('gongwen');
    const prefixes = prefixesOf(s);
    expect(prefixes.length).toBeGreaterThan(0);
    for (const p of prefixes) expect(p, 'a prefix the editor shows as a label').toMatch(/^[\u4e00-\u9fff]+$/);
    expect(s.pinyin?.length, 'pinyin initials').toBeGreaterThan(0);
    for (const p of s.pinyin ?? []) expect(p).toMatch(/^[a-z]{2,}$/);
    expect(s.description ?? '').toMatch(/[\u4e00-\u9fff]/);
    expect(s.description ?? '').toMatch(/[A-Za-z]{3,}/);
  });

  it('has well-formed tab stops', () => {
    const nodes = parse(bodyOf(s));
    const defaults = new Map<number, string>();
    for (const n of walk(nodes)) {
      if (n.kind !== 'tabstop') continue;
      if (n.choices) expect(n.choices.length, `choice $${n.index}`).toBeGreaterThanOrEqual(2);
      const d = n.choices ? n.choices.join(',') : n.children?.length ? JSON.stringify(n.children) : undefined;
      if (d === undefined) continue;
      // one default per tab stop: the others mirror it
      expect(defaults.get(n.index) ?? d, `conflicting defaults for $${n.index}`).toBe(d);
      defaults.set(n.index, d);
    }
  });

  it('expands to text with no snippet syntax left', () => {
    expect(text.trim().length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\$|\{|\}/);
  });

  it('uses GB/T heading punctuation', () => {
    expect(punctuationProblems(text)).toEqual([]);
  });

  it('leaves no unfilled placeholder', () => {
    expect(placeholderProblems(text)).toEqual([]);
  });

  it('numbers its headings and points without gaps', () => {
    expect(numberingProblems(text, !isSkeleton(name))).toEqual([]);
    if (isSkeleton(name)) {
      const tops = text.split('\n').filter((l) => HEADING_LEVELS[0].re.test(l));
      expect(tops.length).toBeGreaterThanOrEqual(3);
      expect(tops[0].startsWith('一、')).toBe(true);
    }
  });
});

describe('skeletons', () => {
  const titleYear = (t: string) => Number(/^\D*(\d{4})年/.exec(t)![1]);

  it('政府工作报告: salutation, opening, review of last year, problems, targets, tasks, closing', () => {
    const t = skeleton('政府工作报告');
    const y = titleYear(t);
    expect(t).toMatch(/^各位代表：$/m);
    expect(t).toMatch(/我代表.*向大会.*报告.*请予审议/);
    expect(t).toMatch(new RegExp(`^一、${y - 1}年工作回顾$`, 'm'));
    expect(t).toMatch(/清醒|不足|存在.*问题|困难和挑战/);
    expect(t).toMatch(new RegExp(`^二、${y}年.*(总体要求|预期目标)`, 'm'));
    expect(t).toMatch(new RegExp(`^三、${y}年重点工作$`, 'm'));
    expect(t).toMatch(/政府自身建设/);
    const closing = t.slice(t.lastIndexOf('各位代表！'));
    expect(closing).toMatch(/^各位代表！.*奋斗！/);
    // the year is typed once: every later mention mirrors tab stop 2
    expect(bodyOf(snippets['政府工作报告（全文骨架）']).match(/\$\{2\}/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('工作总结: what was done, problems, next steps', () => {
    const t = skeleton('工作总结（');
    expect(t).toMatch(/工作开展情况|完成情况|主要工作及成效/);
    expect(t).toMatch(/存在的问题和不足/);
    expect(t).toMatch(/下一步工作打算/);
    expect(t).toMatch(/总结如下/);
    expect(t).toMatch(new RegExp(`${titleYear(t) + 1}年，我们将`));
  });

  it('工作计划: guiding idea, targets, tasks, safeguards', () => {
    const t = skeleton('工作计划');
    expect(t).toMatch(/^一、(指导思想|总体要求|总体思路)$/m);
    expect(t).toMatch(/^二、.*目标/m);
    expect(t).toMatch(/^三、重点任务$/m);
    expect(t).toMatch(/^四、(保障措施|工作要求)$/m);
  });

  it('工作总结及工作计划: review, problems and plan, with the plan one year after the summary', () => {
    const t = skeleton('工作总结及工作计划');
    const [, a, b] = /^\D*(\d{4})年工作总结[及和暨](\d{4})年工作/.exec(t)!;
    expect(Number(b)).toBe(Number(a) + 1);
    expect(t).toMatch(new RegExp(`^一、${a}年工作开展情况$`, 'm'));
    expect(t).toMatch(/^二、存在的问题和不足$/m);
    expect(t).toMatch(new RegExp(`^三、${b}年工作思路和目标$`, 'm'));
    expect(t).toMatch(new RegExp(`^四、${b}年重点工作$`, 'm'));
  });

  it('述职报告: duties, integrity, shortcomings, direction', () => {
    const t = skeleton('述职报告');
    expect(t).toMatch(/履职/);
    expect(t).toMatch(/廉洁自律/);
    expect(t).toMatch(/^四、存在的不足$/m);
    expect(t).toMatch(/^五、今后的努力方向$/m);
  });
});

describe('section snippets', () => {
  const byPrefix = (p: string) => {
    const hit = entries.find(([, s]) => prefixesOf(s).includes(p));
    if (!hit) throw new Error(`no snippet with prefix ${p}`);
    return expanded.get(hit[0])!;
  };

  it('the opening greets the deputies and asks for deliberation', () => {
    expect(byPrefix('开场白')).toMatch(/^各位代表：\n\n现在，我代表.+向大会报告工作，请予审议/);
  });

  it('the closing starts 各位代表！ and ends with 奋斗！', () => {
    expect(byPrefix('结束语').trim()).toMatch(/^各位代表！.*奋斗！$/);
  });

  it('the problem snippets list 一是、二是、三是', () => {
    for (const p of ['存在问题', '清醒认识', '存在的不足']) expect(byPrefix(p), p).toMatch(/：一是.+；二是.+；三是.+。/);
  });
});

describe('what the engine makes of the skeletons', () => {
  const cases: [string, ReportKind, number][] = [
    ['政府工作报告', 'gov-report', 2024],
    ['工作总结（', 'summary', 2023],
    ['工作计划', 'plan', 2024],
    ['工作总结及工作计划', 'summary-plan', 2023],
    ['述职报告', 'duty-report', 2023],
  ];
  it.each(cases)('%s: kind from the title, year, and a numbered outline', (kind, expectedKind, year) => {
    const text = skeleton(kind);
    const model = buildReportModel(text);
    expect(model.kind).toBe(expectedKind);
    expect(model.kindSource).toBe('title');
    expect(model.year).toBe(year);
    const roots = model.headings.filter((h) => h.depth === 1);
    expect(roots.every((h) => h.family === 'cn-dun'), roots.map((h) => h.label).join(' | ')).toBe(true);
    expect(roots.map((h) => h.marker?.value)).toEqual(roots.map((_, k) => k + 1));
  });

  it.each(entries)('%s: the placeholder detector finds nothing', (name) => {
    const text = expanded.get(name)!;
    expect(buildReportModel(text).placeholders.map((p) => text.slice(p.start, p.end))).toEqual([]);
  });
});

describe('the expander itself', () => {
  it('handles defaults, mirrors, choices, escapes and variables', () => {
    expect(expand('${1:示例镇}${2|甲,乙|}$1，\\$9 ${3} $0 ${CURRENT_YEAR}年')).toBe('示例镇甲示例镇，$9   2024年');
    expect(expand('$1 then ${1:late}')).toBe('late then late');
    expect(expand('${1:外${2:内}层} $2')).toBe('外内层 内');
  });

  it('refuses what VS Code would not expand as written', () => {
    expect(() => expand('${1:示例镇')).toThrow();
    expect(() => expand('${1/镇/乡/}')).toThrow();
    expect(() => expand('${1|甲,乙')).toThrow();
    expect(() => expand('${UNKNOWN}')).toThrow();
    expect(() => expand('${1:示例镇$1}')).toThrow();
  });

  it('catches bad numbering and punctuation', () => {
    expect(numberingProblems('一、甲\n（一）乙\n（三）丙\n三、丁', false)).toHaveLength(2);
    expect(numberingProblems('一、甲\n（一）乙\n二、丙\n（一）丁', false)).toEqual([]);
    expect(numberingProblems('甲：一是好；三是坏。', false)).toHaveLength(1);
    expect(punctuationProblems('1、强化保障。\n（一）、统筹\n一.总体')).toHaveLength(3);
    expect(placeholderProblems('xx镇实现生产总值亿元，某某同志')).toHaveLength(3);
    expect(placeholderProblems('20XX年投资==亿元，【】××村')).toHaveLength(5);
    expect(placeholderProblems('Excel、X光、3+X、某些、〔2024〕、9.8‰、12.5亿元以上')).toEqual([]);
  });
});
