import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../server/src/engine/settings';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';

describe('one analysis per document version, shared by every feature', () => {
  it('parses a version once, however many features ask', () => {
    const cache = new AnalysisCache(defaultSettings());
    const text = () => '示例镇2024年政府工作报告\n一、2023年工作回顾\n实现生产总值xx亿元。\n';
    const first = cache.get('file:///a', 1, text);
    for (let i = 0; i < 5; i++) expect(cache.get('file:///a', 1, text)).toBe(first);
    expect(first.findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
  });

  it('analyses again for a new version or new settings, not otherwise', () => {
    const cache = new AnalysisCache(defaultSettings());
    const first = cache.get('file:///a', 1, () => '一、甲\n');
    const second = cache.get('file:///a', 2, () => '一、甲\n二、乙\n');
    expect(second).not.toBe(first);
    expect(second.model.headings).toHaveLength(2);
    cache.setSettings({ ...defaultSettings(), rules: { 'numbering-sequence': 'off' } });
    const third = cache.get('file:///a', 2, () => '一、甲\n二、乙\n');
    expect(third).not.toBe(second);
    // A second didOpen of the same version with new text (issue 9) is analysed again.
    const reopened = cache.get('file:///a', 2, () => '一、甲\n二、乙\n三、丙\n');
    expect(reopened.model.headings).toHaveLength(3);
    cache.delete('file:///a');
    expect(cache.get('file:///a', 2, () => '一、丙\n').model.headings[0].text).toBe('丙');
  });
});

describe('rules run only when findings are needed', () => {
  it('builds the model without running rules until findings are read, then runs them once', async () => {
    const { analyze } = await import('../../server/src/engine/analyze');
    const { RULES } = await import('../../server/src/engine/rules');
    const rule = RULES.find((r) => r.id === 'placeholder')!;
    const original = rule.check;
    let calls = 0;
    (rule as { check: typeof rule.check }).check = (model, settings) => {
      calls++;
      return original(model, settings);
    };
    try {
      const analysis = analyze('一、回顾\n完成投资xx亿元。\n', defaultSettings());
      expect(analysis.model.headings).toHaveLength(1);
      expect(calls).toBe(0);
      expect(analysis.findings.filter((f) => f.ruleId === 'placeholder')).toHaveLength(1);
      expect(analysis.findings).toBe(analysis.findings);
      expect(calls).toBe(1);
    } finally {
      (rule as { check: typeof rule.check }).check = original;
    }
  });
});

describe('analysis in stages', () => {
  const text = '示例镇2024年工作总结\n一、回顾\n完成投资xx亿元。\n二、打算\n';

  it('builds once for concurrent requests and caches the result', async () => {
    const cache = new AnalysisCache(defaultSettings());
    const [a, b] = await Promise.all([cache.getInSteps('file:///a', 1, text), cache.getInSteps('file:///a', 1, text)]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(cache.get('file:///a', 1, () => text)).toBe(a);
    expect(a!.model.headings.map((h) => h.label)).toEqual(['一、回顾', '二、打算']);
  });

  it('abandons a build when a newer version comes or the document closes', async () => {
    const cache = new AnalysisCache(defaultSettings());
    let current = true;
    const stale = cache.getInSteps('file:///a', 1, text, false, () => current);
    current = false;
    expect(await stale).toBeUndefined();
    expect(cache.has('file:///a', 1, text)).toBe(false);
    const closed = cache.getInSteps('file:///b', 1, text);
    cache.delete('file:///b');
    expect(await closed).toBeUndefined();
  });

  it('runs the rules in steps when findings are wanted', async () => {
    const cache = new AnalysisCache(defaultSettings());
    const analysis = await cache.getInSteps('file:///a', 1, text, true);
    expect(analysis!.findings.some((f) => f.ruleId === 'placeholder')).toBe(true);
  });
});
