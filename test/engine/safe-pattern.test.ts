import { describe, it, expect } from 'vitest';
import { compileSafePattern, SAFE_PATTERN_LIMITS } from '../../server/src/engine/safe-pattern';

/** The matched substrings of `text`. */
function matches(source: string, text: string): string[] {
  const p = compileSafePattern(source);
  if (!p.ok) throw new Error(p.error);
  return p.find(text).map((m) => text.slice(m.start, m.end));
}

function errorOf(source: string): string {
  const p = compileSafePattern(source);
  if (p.ok) throw new Error(`expected ${source} to be rejected`);
  return p.error;
}

describe('compileSafePattern: the subset', () => {
  const cases: Array<[string, string, string, string[]]> = [
    ['CJK literal', '待定', '投资待定，规模待定。', ['待定', '待定']],
    ['dot', '某.长', '某镇长和某乡长', ['某镇长', '某乡长']],
    ['dot does not cross lines', '待.定', '待\n定', []],
    ['class with range', '[xX]{2,4}年', 'xxxx年和XX年和x年', ['xxxx年', 'XX年']],
    ['negated class', '【[^】]*】', '【单位】与【】', ['【单位】', '【】']],
    ['CJK range (leftmost)', '[一-龥]{2}镇', '在六镇镇', ['在六镇']],
    ['digit escape', '\\d+万元', '投资12万元', ['12万元']],
    ['space escape', '达\\s+%', '达  %与达%', ['达  %']],
    ['word escape', '\\w+@', 'mail abc_1@x', ['abc_1@']],
    ['escaped punctuation', '\\(待填\\)', '（待填）与(待填)', ['（待填）', '(待填)']],
    ['escaped dot', '\\d\\.\\d', '1.5 与 1x5', ['1.5']],
    ['group and alternation', '(待|未)(定|填)', '待定、未填、待续', ['待定', '未填']],
    ['non-capturing group', '(?:ab)+', 'ababab', ['ababab']],
    ['optional', '20x?x年', '20x年 20xx年', ['20x年', '20xx年']],
    ['exact count', 'x{3}', 'xxxxxxx', ['xxx', 'xxx']],
    ['open count', 'x{2,}', 'x xx xxxx', ['xx', 'xxxx']],
    ['line anchors', '^待定$', '待定\n  待定\r\n待定', ['待定', '待定']],
    ['alternation prefers longest', '某|某某', '某某同志', ['某某']],
    ['leftmost wins over longest', 'bc|abcd', 'xabcd', ['abcd']],
    ['leftmost then longest', 'a|ab|abc', 'abcabc', ['abc', 'abc']],
    ['full-width text folds', 'XX', 'ＸＸ镇', ['ＸＸ']],
    ['full-width pattern folds', '（待填）', '(待填)', ['(待填)']],
    ['full-width class range folds', '[Ａ-Ｚ]+', 'ABC', ['ABC']],
    ['empty matches skipped', 'x*', 'axxb', ['xx']],
    ['astral literal', '𠀀+', '𠀀𠀀a', ['𠀀𠀀']],
    ['hex escapes', '\\u5f85\\x41', '待A', ['待A']],
    ['literal right bracket and brace', 'a]}', 'a]}', ['a]}']],
  ];
  for (const [name, source, text, expected] of cases) {
    it(name, () => expect(matches(source, text)).toEqual(expected));
  }

  it('returns UTF-16 offsets into the original text', () => {
    const p = compileSafePattern('xx');
    expect(p.ok && p.find('\uFEFF在xx镇')).toEqual([{ start: 2, end: 4 }]);
  });
});

describe('compileSafePattern: rejected syntax', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['backreference', '(a)\\1', /backreferences/],
    ['named backreference', '(a)\\k<x>', /backreferences/],
    ['lookahead', 'a(?=b)', /lookaheads/],
    ['negative lookahead', 'a(?!b)', /lookaheads/],
    ['lookbehind', '(?<=a)b', /lookbehinds/],
    ['negative lookbehind', '(?<!a)b', /lookbehinds/],
    ['named group', '(?<n>a)', /named groups/],
    ['inline flag', '(?i)a', /not supported/],
    ['lazy quantifier', 'a*?', /lazy/],
    ['double quantifier', 'a**', /quantifier/],
    ['nothing to repeat', '*a', /nothing to repeat/],
    ['repeat bound too large', 'a{51}', /at most 50/],
    ['reversed bounds', 'a{3,2}', /m ≤ n/],
    ['literal brace', 'a{x', /escaped/],
    ['unclosed group', '(ab', /unclosed/],
    ['stray paren', 'ab)', /unmatched/],
    ['unclosed class', '[ab', /unclosed/],
    ['empty class', '[]', /empty/],
    ['reversed range', '[z-a]', /out of order/],
    ['word boundary', '\\bx', /word boundaries/],
    ['property escape', '\\p{Han}', /property/],
    ['unknown escape', '\\q', /unknown escape/],
    ['trailing backslash', 'a\\', /ends with/],
    ['anchor repeated', '^*', /anchor/],
    ['empty pattern', '', /empty/],
  ];
  for (const [name, source, message] of cases) {
    it(name, () => expect(errorOf(source)).toMatch(message));
  }

  it('rejects patterns longer than the cap', () => {
    expect(errorOf('a'.repeat(SAFE_PATTERN_LIMITS.maxPatternLength + 1))).toMatch(/longer than/);
  });

  it('rejects patterns whose expansion is too large', () => {
    expect(errorOf('((a{50}){50}){50}')).toMatch(/too large/);
  });

  it('gives messages in both languages', () => {
    expect(errorOf('(a)\\1')).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('compileSafePattern: no catastrophic backtracking', () => {
  const n = 100_000;
  const cases: Array<[string, string]> = [
    ['(a+)+$', 'a'.repeat(n) + 'b'],
    ['(x|x)*y', 'x'.repeat(n)],
    ['(a|aa)*c', 'a'.repeat(n)],
    ['(a*)*b', 'a'.repeat(n)],
    ['(.*a){20}', 'a'.repeat(n)],
    ['a|a.*b', 'a'.repeat(n)],
    ['([^】]*)*】', '【'.repeat(n)],
    ['(\\w+\\s?)+$', 'word '.repeat(n / 5) + '!'],
  ];
  for (const [source, text] of cases) {
    it(`${source} on ${text.length} characters`, () => {
      const p = compileSafePattern(source);
      expect(p.ok).toBe(true);
      if (!p.ok) return;
      const t0 = performance.now();
      const found = p.find(text);
      const elapsed = performance.now() - t0;
      expect(elapsed).toBeLessThan(1500);
      expect(found.length).toBeLessThanOrEqual(SAFE_PATTERN_LIMITS.maxMatches);
    });
  }

  it('finds the match of (a+)+$ at a line end', () => {
    expect(matches('(a+)+$', 'baaa\nb')).toEqual(['aaa']);
  });

  it('caps the number of matches', () => {
    const p = compileSafePattern('x');
    expect(p.ok && p.find('x'.repeat(SAFE_PATTERN_LIMITS.maxMatches + 50)).length).toBe(SAFE_PATTERN_LIMITS.maxMatches);
  });

  it('caps the length of a match', () => {
    const p = compileSafePattern('a+');
    const found = p.ok ? p.find('a'.repeat(SAFE_PATTERN_LIMITS.maxMatchLength * 2 + 3)) : [];
    expect(found.every((m) => m.end - m.start <= SAFE_PATTERN_LIMITS.maxMatchLength)).toBe(true);
    expect(found.reduce((sum, m) => sum + m.end - m.start, 0)).toBe(SAFE_PATTERN_LIMITS.maxMatchLength * 2 + 3);
  });
});

describe('classes fold like the text', () => {
  it('matches a small percent sign written in a class against the text, which folds ﹪ to %', () => {
    const p = compileSafePattern('增长[﹪]');
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.find('同比增长﹪，环比增长%')).toEqual([{ start: 2, end: 5 }, { start: 8, end: 11 }]);
  });
});
