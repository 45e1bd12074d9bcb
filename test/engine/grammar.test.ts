/**
 * Checks syntaxes/gongwen.tmLanguage.json: it parses, every regex compiles, and a small
 * TextMate-style tokenizer built on JS RegExp gives the expected scopes on sample lines.
 *
 * The grammar is written for Oniguruma (what VS Code runs). Constructs that JS RegExp lacks are
 * translated where the meaning is the same (`\A` → `^` and `\z` → `$` without the m flag, since
 * the tokenizer sees one line at a time) and skipped otherwise (`\G`, atomic groups, possessive
 * quantifiers, `\h`, `\x{…}`, inline flags); the grammar currently needs no skipping, and the
 * test says so if that changes. The sample lines are written for this test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../helpers/corpus';

const GRAMMAR_PATH = fileURLToPath(new URL('../../syntaxes/gongwen.tmLanguage.json', import.meta.url));

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  name?: string;
  comment?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as Grammar;

// ————————————————————————— Oniguruma → JS —————————————————————————

/** The source with character classes blanked out, to look for constructs outside them. */
function outsideClasses(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      out += inClass ? '  ' : c + (src[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += ' ';
    } else if (c === '[') {
      inClass = true;
      out += ' ';
    } else out += c;
  }
  return out;
}

const ONIG_ONLY: [RegExp, string][] = [
  [/\\G/, '\\G (anchor at the end of the previous match)'],
  [/\(\?>/, 'atomic group'],
  [/[*+?}]\+/, 'possessive quantifier'],
  [/\\[hHK]|\\x\{/, 'Oniguruma escape'],
  [/\(\?[imx-]+[:)]/, 'inline flags'],
];

interface Compiled {
  re?: RegExp;
  firstLineOnly: boolean;
  skipped?: string;
}
const compiledCache = new Map<string, Compiled>();

function compile(src: string): Compiled {
  const cached = compiledCache.get(src);
  if (cached) return cached;
  const outside = outsideClasses(src);
  let result: Compiled;
  const onig = ONIG_ONLY.find(([re]) => re.test(outside));
  if (onig) {
    result = { firstLineOnly: false, skipped: onig[1] };
  } else {
    const firstLineOnly = /\\A/.test(outside);
    const js = src.replace(/\\A/g, '^').replace(/\\z/g, '$').replace(/\\Z/g, '(?=\\n?$)');
    result = { re: new RegExp(js, 'dgu'), firstLineOnly };
  }
  compiledCache.set(src, result);
  return result;
}

/** Every regex in the grammar, with where it is. */
function allRegexes(): { where: string; src: string }[] {
  const out: { where: string; src: string }[] = [];
  const visit = (rule: Rule, where: string) => {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const src = rule[key];
      if (src !== undefined) out.push({ where: `${where}.${key}`, src });
    }
    rule.patterns?.forEach((r, i) => visit(r, `${where}.patterns[${i}]`));
    for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
      for (const [k, c] of Object.entries(caps ?? {})) c.patterns?.forEach((r, i) => visit(r, `${where}.captures[${k}].patterns[${i}]`));
    }
  };
  grammar.patterns.forEach((r, i) => visit(r, `patterns[${i}]`));
  for (const [name, r] of Object.entries(grammar.repository)) visit(r, `repository.${name}`);
  return out;
}

// ————————————————————————— a tiny tokenizer (match rules only) —————————————————————————

function flatten(rules: Rule[], seen = new Set<string>()): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.include) {
      if (r.include === '$self' || r.include === '$base') {
        out.push(...flatten(grammar.patterns, seen));
        continue;
      }
      const target = grammar.repository[r.include.replace(/^#/, '')];
      if (!target) throw new Error(`missing repository entry ${r.include}`);
      if (seen.has(r.include)) continue; // the same list is already being expanded here
      out.push(...flatten([target], new Set([...seen, r.include])));
    } else if (r.match === undefined && r.begin === undefined && r.patterns) {
      out.push(...flatten(r.patterns, seen));
    } else {
      if (r.begin !== undefined) throw new Error('this test tokenizer only handles match rules');
      out.push(r);
    }
  }
  return out;
}

/**
 * Scopes of each UTF-16 unit of a line, as vscode-textmate would assign them for a grammar made
 * of match rules: at each position the earliest match wins, ties go to the rule listed first;
 * a capture's own patterns re-tokenize the captured text, seeing the line up to the capture end.
 */
function tokenizeLine(line: string, isFirstLine = true): string[][] {
  const scopes = Array.from({ length: line.length }, () => [grammar.scopeName]);
  const paint = (from: number, to: number, name: string | undefined) => {
    if (!name) return;
    for (let k = from; k < to; k++) scopes[k].push(...name.split(' '));
  };
  const scan = (rules: Rule[], from: number, limit: number) => {
    const flat = flatten(rules);
    const text = line.slice(0, limit);
    let pos = from;
    while (pos < limit) {
      let best: { rule: Rule; m: RegExpExecArray } | undefined;
      for (const rule of flat) {
        const c = compile(rule.match!);
        if (!c.re || (c.firstLineOnly && !isFirstLine)) continue;
        c.re.lastIndex = pos;
        const m = c.re.exec(text);
        if (m && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (!best) return;
      const { rule, m } = best;
      const end = m.index + m[0].length;
      paint(m.index, end, rule.name);
      for (const [k, cap] of Object.entries(rule.captures ?? {})) {
        const span = m.indices?.[Number(k)];
        if (!span || span[0] === span[1]) continue;
        paint(span[0], span[1], cap.name);
        if (cap.patterns) scan(cap.patterns, span[0], span[1]);
      }
      pos = end > pos ? end : pos + 1;
    }
  };
  scan(grammar.patterns, 0, line.length);
  return scopes;
}

/** The scopes of the first occurrence of `part` in `line` (all its characters must agree). */
function scopesOf(line: string, part: string, isFirstLine = false): string[] {
  const at = line.indexOf(part);
  if (at < 0) throw new Error(`${part} not in ${line}`);
  const all = tokenizeLine(line, isFirstLine);
  const first = all[at];
  for (let k = at; k < at + part.length; k++) {
    expect(all[k], `scopes of “${line[k]}” in “${part}”`).toEqual(first);
  }
  return first;
}
const has = (line: string, part: string, scope: string, isFirstLine = false) =>
  scopesOf(line, part, isFirstLine).some((s) => s === scope || s.startsWith(scope + '.'));
const lineHas = (line: string, scope: string) =>
  tokenizeLine(line, false).some((ss) => ss.some((s) => s === scope || s.startsWith(scope + '.')));

// ————————————————————————— tests —————————————————————————

describe('grammar file', () => {
  it('parses, names the language and lists the top-level rules', () => {
    expect(grammar.scopeName).toBe('text.gongwen');
    expect(grammar.patterns.length).toBeGreaterThan(0);
    for (const key of ['title', 'salutation', 'headings', 'inline', 'quotes', 'placeholders', 'numbers']) {
      expect(grammar.repository[key], key).toBeDefined();
    }
  });

  it('resolves every include', () => {
    expect(() => flatten(grammar.patterns)).not.toThrow();
  });

  it('compiles every regex (skipping Oniguruma-only constructs)', () => {
    const regexes = allRegexes();
    expect(regexes.length).toBeGreaterThan(15);
    const skipped: string[] = [];
    for (const { where, src } of regexes) {
      let c: Compiled | undefined;
      expect(() => (c = compile(src)), where).not.toThrow();
      if (c?.skipped) skipped.push(`${where}: ${c.skipped}`);
    }
    if (skipped.length) console.info(`not checked with JS RegExp (Oniguruma only):\n${skipped.join('\n')}`);
    expect(skipped).toEqual([]);
  });

  it('uses only linear patterns: a long hostile line tokenizes quickly', () => {
    const hostile = [
      '1'.repeat(3000),
      'x1'.repeat(2000),
      '（一'.repeat(2000),
      '“'.repeat(2000),
      '一是'.repeat(2000) + '。',
      '【'.repeat(2000),
      '〔'.repeat(2000),
      '。一、'.repeat(1000),
      '*_='.repeat(1000),
    ].join('');
    const t0 = performance.now();
    tokenizeLine(hostile, true);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('headings', () => {
  it('level 1: 一、 on its own line, with the year as a number', () => {
    const line = '一、2023年工作回顾';
    expect(has(line, '一', 'markup.heading.1.gongwen')).toBe(true);
    expect(has(line, '、', 'punctuation.definition.heading.gongwen')).toBe(true);
    expect(has(line, '工作回顾', 'entity.name.section.gongwen')).toBe(true);
    expect(has(line, '2023年', 'constant.numeric.gongwen')).toBe(true);
  });

  it('level 1 with the wrong punctuation is still a heading, its separator flagged', () => {
    expect(has('三.今年主要任务', '今年主要任务', 'markup.heading.1.gongwen')).toBe(true);
    expect(has('三.今年主要任务', '.', 'invalid.deprecated.heading-punctuation.gongwen')).toBe(true);
  });

  it('level 2: （一） and (一); a run-in heading is coloured up to the first 。', () => {
    const line = '（二）稳住农业基本盘，夯实乡村发展根基。全年新建高标准农田8000亩。';
    expect(has(line, '稳住农业基本盘', 'markup.heading.2.gongwen')).toBe(true);
    expect(has(line, '夯实乡村发展根基。', 'entity.name.type.heading.2.gongwen')).toBe(true);
    expect(has(line, '全年新建', 'markup.heading')).toBe(false);
    expect(has(line, '8000亩', 'constant.numeric.gongwen')).toBe(true);
    expect(has('(三)半角括号的标题', '半角括号的标题', 'markup.heading.2.gongwen')).toBe(true);
    expect(has('（一）、多了顿号', '、', 'invalid.deprecated.heading-punctuation.gongwen')).toBe(true);
  });

  it('level 3: 1. 1． 1、 (the last flagged), but not a decimal', () => {
    expect(has('2.完善配套设施。新建停车位120个。', '完善配套设施', 'markup.heading.3.gongwen')).toBe(true);
    expect(has('2.完善配套设施。新建停车位120个。', '新建停车位', 'markup.heading')).toBe(false);
    expect(has('3．盘活闲置资产', '盘活闲置资产', 'markup.heading.3.gongwen')).toBe(true);
    expect(has('4、优化营商环境', '优化营商环境', 'markup.heading.3.gongwen')).toBe(true);
    expect(has('4、优化营商环境', '、', 'invalid.deprecated.heading-punctuation.gongwen')).toBe(true);
    expect(lineHas('1.5亿元用于道路提升。', 'markup.heading')).toBe(false);
    expect(has('1.5亿元用于道路提升。', '1.5亿元', 'constant.numeric.gongwen')).toBe(true);
  });

  it('levels 4 and 5: （1） (1) ⑴ and ①', () => {
    expect(has('（2）健全长效机制', '健全长效机制', 'markup.heading.4.gongwen')).toBe(true);
    expect(has('(3)强化日常巡查', '强化日常巡查', 'markup.heading.4.gongwen')).toBe(true);
    expect(has('⑴落实河长制', '落实河长制', 'markup.heading.4.gongwen')).toBe(true);
    expect(has('②开展水质监测', '开展水质监测', 'markup.heading.5.gongwen')).toBe(true);
    expect(lineHas('（2024年1月在镇人代会上）', 'markup.heading')).toBe(false);
  });

  it('parts: 第一部分', () => {
    expect(has('第二部分　今年的主要任务', '今年的主要任务', 'markup.heading.0.gongwen')).toBe(true);
  });

  it('headings and points inline after a sentence end, in flattened text', () => {
    const line = '各项工作取得新成效，主要有以下三个方面：（一）产业基础更加牢固。一是招商有突破；二是技改见实效。（二）城乡环境更加宜居。';
    expect(has(line, '产业基础更加牢固', 'markup.heading.2.gongwen')).toBe(true);
    expect(has(line, '城乡环境更加宜居', 'markup.heading.2.gongwen')).toBe(true);
    expect(has(line, '一是', 'keyword.other.point.gongwen')).toBe(true);
    expect(has(line, '招商有突破；', 'markup.bold.point.gongwen')).toBe(true);
    expect(has(line, '二是', 'keyword.other.point.gongwen')).toBe(true);
    expect(has(line, '各项工作', 'markup.heading')).toBe(false);
  });

  it('points inside a heading line are found too', () => {
    const line = '3.抓好项目落地：一是压实包联责任；二是加快审批进度。';
    expect(has(line, '抓好项目落地', 'markup.heading.3.gongwen')).toBe(true);
    expect(has(line, '一是', 'keyword.other.point.gongwen')).toBe(true);
    expect(has(line, '二是', 'keyword.other.point.gongwen')).toBe(true);
  });

  it('一是 only after a sentence end; 第一， only at a sentence start', () => {
    expect(lineHas('全镇上下思想统一是做好工作的前提。', 'keyword.other.point.gongwen')).toBe(false);
    expect(has('第一，坚持规划引领。', '坚持规划引领。', 'markup.list.numbered.ordinal.gongwen')).toBe(true);
    expect(lineHas('综合考核位列全县乡镇第一，再创佳绩。', 'keyword.other.point.gongwen')).toBe(false);
  });

  it('dash-led lines', () => {
    const line = '——特色产业更加兴旺。茶园面积达到5.2万亩。';
    expect(has(line, '——', 'keyword.other.dash.gongwen')).toBe(true);
    expect(has(line, '特色产业更加兴旺。', 'markup.bold.point.gongwen')).toBe(true);
    expect(has(line, '茶园面积', 'markup.bold')).toBe(false);
  });

  it('the title on the first line only', () => {
    const title = '示例镇2024年政府工作报告';
    expect(has(title, '政府工作报告', 'markup.heading.title.gongwen', true)).toBe(true);
    expect(has(title, '政府工作报告', 'markup.heading.title.gongwen', false)).toBe(false);
  });

  it('the salutation, opening and turning', () => {
    expect(has('各位代表：', '各位代表', 'keyword.other.salutation.gongwen')).toBe(true);
    expect(has('各位代表！新的一年，让我们携手奋斗！', '各位代表', 'keyword.other.salutation.gongwen')).toBe(true);
    expect(lineHas('会议听取了各位代表的意见。', 'keyword.other.salutation.gongwen')).toBe(false);
  });
});

describe('placeholders', () => {
  const PLACEHOLDER = 'invalid.illegal.placeholder.gongwen';
  const placeholderRules = flatten([{ include: '#placeholders' }]);

  it.each([
    ['xx镇', 'xx'],
    ['XXXX年', 'XXXX'],
    ['20xx年', '20xx'],
    ['202x年x月x日', '202x'],
    ['实现营收x.xx亿元', 'x.xx'],
    ['增长xx.xx%', 'xx.xx'],
    ['新增项目x个', 'x'],
    ['人均1XX32元', '1XX32'],
    ['占比21.X%', 'X'],
    ['ＸＸ村', 'ＸＸ'],
    ['××村', '××'],
    ['○○乡', '○○'],
    ['某某同志', '某某'],
    ['某单位负责人', '某单位'],
    ['**乡第**届', '**'],
    ['20__年', '__'],
    ['投资==亿元', '=='],
    ['负责人：【】', '【】'],
    ['【单位名称】人民政府', '【单位名称】'],
    ['文号〔 〕', '〔 〕'],
    ['（此处填写具体数据）', '（此处填写具体数据）'],
    ['他说“xx工程”已完工', 'xx'],
    ['产值增长*%', '*'],
    ['实现＊亿元', '＊'],
  ])('flags %s', (line, part) => {
    expect(has(line, part, PLACEHOLDER)).toBe(true);
  });

  it.each([
    'PM2.5浓度下降', '广义货币M2增长', '5G基站', 'C919大飞机', 'GDP增长', 'CT室', 'X光机', 'X射线检测', '3+X模式',
    '“1+5+N”体系', '1+X证书', 'App上线', 'Excel表格', '4A级景区', 'Ⅲ类水质', '3×3篮球', '二〇二四年', '二〇〇八年',
    '示政发〔2024〕3号', '某些领域', '某种程度', '某一环节', '出生率9.8‰', 'Box', '改造X195线', '* * *',
  ])('stays silent on %s', (line) => {
    expect(lineHas(line, PLACEHOLDER)).toBe(false);
  });

  it('PM2.5, GDP and 5G do not match any placeholder regex on its own', () => {
    for (const word of ['PM2.5', 'GDP', '5G', 'X光', '3+X', '〔2024〕']) {
      for (const rule of placeholderRules) {
        const re = compile(rule.match!).re!;
        re.lastIndex = 0;
        expect(re.exec(word), `${rule.match} on ${word}`).toBeNull();
      }
    }
  });
});

describe('numbers and quotes', () => {
  it.each(['12.5亿元', '8.3%', '3000万元', '15个', '9.8‰', '1000余万元', '2个百分点', '18.5公里'])('%s is a number with its unit', (num) => {
    const line = `全年完成${num}，成效明显。`;
    expect(has(line, num, 'constant.numeric.gongwen')).toBe(true);
  });

  it('bare numbers and codes are left alone', () => {
    for (const line of ['5G基站', 'C919', 'PM2.5', '“12345”热线']) expect(lineHas(line, 'constant.numeric.gongwen'), line).toBe(false);
  });

  it('quoted terms', () => {
    const line = '打造“一心两翼”发展格局，推进「三大工程」建设，学习《乡村振兴促进法》。';
    expect(has(line, '一心两翼', 'string.quoted.double.gongwen')).toBe(true);
    expect(has(line, '“', 'punctuation.definition.string.begin.gongwen')).toBe(true);
    expect(has(line, '三大工程', 'string.quoted.double.corner.gongwen')).toBe(true);
    expect(has(line, '乡村振兴促进法', 'string.quoted.other.book-title.gongwen')).toBe(true);
    expect(has(line, '发展格局', 'string')).toBe(false);
  });
});

// The shared corpus (report-anatomy §7), when it is there: real reports stay clean, templates light up.
describe.skipIf(!hasCorpus)('the shared corpus', () => {
  const tokenizeFile = (file: string) =>
    corpusText(file)
      .split(/\r?\n/)
      .map((line, i) => ({ line, scopes: tokenizeLine(line, i === 0) }));
  const placeholderText = (file: string) =>
    tokenizeFile(file).flatMap(({ line, scopes }) => [...line].filter((_, k) => scopes[k]?.includes('invalid.illegal.placeholder.gongwen')));

  it.each([...corpusFiles('national'), ...corpusFiles('excerpts', (n) => n.startsWith('E')), ...LOCAL_GOV_REPORTS])(
    '%s: no placeholder colouring in a real report',
    (file) => {
      expect(placeholderText(file).join('')).toBe('');
    },
  );

  it.each([...corpusFiles('excerpts', (n) => n.startsWith('T')), 'local/town-summary-and-plan-template.txt'])('%s: a template shows its blanks', (file) => {
    expect(placeholderText(file).length).toBeGreaterThan(0);
  });

  it.each(corpusFiles('national'))('%s: headings or points are coloured, quickly', (file) => {
    const t0 = performance.now();
    const lines = tokenizeFile(file);
    expect(performance.now() - t0).toBeLessThan(2000);
    const structural = lines.filter(({ scopes }) => scopes.some((ss) => ss.some((s) => /^markup\.(heading|list)\./.test(s))));
    expect(structural.length).toBeGreaterThan(3);
  });
});
