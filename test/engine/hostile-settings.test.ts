import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../server/src/engine';
import { normalizeSettings } from '../../server/src/engine/settings';

/** `[[[…]]]` nested `depth` levels, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'loud';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('hostile settings (issue 9)', () => {
  it('keeps the valid keys and reports the bad one when a value is nested 100,000 levels deep', () => {
    const { settings, problems } = normalizeSettings(
      { rules: { placeholder: nested(100_000), 'web-residue': 'off' }, kind: nested(100_000), placeholders: { ignoreWords: ['X建', nested(100_000)] } },
      RULE_IDS,
    );
    expect(settings.rules).toEqual({ 'web-residue': 'off' });
    expect(settings.placeholders.ignoreWords).toEqual(['X建']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^gongwen\.rules\.placeholder: \[\[\[\[\.\.\.\]\]\]\] is not one of/);
    expect(problems.every((p) => p.length < 300)).toBe(true);
  });

  it('lists the first problems of 10,000 over-long patterns and counts the rest', () => {
    const { settings, problems } = normalizeSettings({ placeholders: { extraPatterns: Array(10_000).fill('x'.repeat(201)), ignoreWords: ['的'] } });
    expect(settings.placeholders.extraPatterns).toEqual([]);
    expect(settings.placeholders.ignoreWords).toEqual(['的']);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe('gongwen: 9980 more problems not listed（另有 9980 项问题未列出）');
    expect(problems.join('\n').length).toBeLessThan(4000);
  });

  it('previews a huge flat value by its first items', () => {
    const { problems } = normalizeSettings({ kind: Array.from({ length: 1_000_000 }, (_, i) => i) });
    expect(problems).toEqual(['gongwen.kind: [0,1,2,3,...] is not one of auto, gov-report, summary, plan, summary-plan, duty-report, unknown（文种设置无效）']);
  });
});

describe('any settings value at all', () => {
  it('is normalised without throwing into settings of the right shape, with short problem messages', async () => {
    const fc = (await import('fast-check')).default;
    const { propertyRuns, propertySeed } = await import('../helpers/property');
    const settingsLike = fc.oneof(
      fc.anything({ maxDepth: 6, withNullPrototype: true, withObjectString: true }),
      fc.record({
        rules: fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...RULE_IDS, 'nope'), fc.anything({ maxDepth: 2 }))),
        kind: fc.anything({ maxDepth: 2 }),
        placeholders: fc.oneof(fc.anything({ maxDepth: 3 }), fc.record({ extraPatterns: fc.anything({ maxDepth: 2 }), ignoreWords: fc.array(fc.anything({ maxDepth: 1 })) })),
        autoDetect: fc.anything({ maxDepth: 1 }),
      }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(settingsLike, (raw) => {
        const { settings, problems } = normalizeSettings(raw, RULE_IDS);
        for (const [id, severity] of Object.entries(settings.rules)) {
          expect(RULE_IDS).toContain(id);
          expect(['off', 'hint', 'info', 'warning', 'error']).toContain(severity);
        }
        expect(settings.placeholders.extraPatterns.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 200)).toBe(true);
        expect(settings.placeholders.ignoreWords.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 200)).toBe(true);
        expect(typeof settings.autoDetect).toBe('boolean');
        expect(problems.length).toBeLessThanOrEqual(21);
        for (const p of problems) expect(p.length).toBeLessThan(800);
      }),
      { numRuns: propertyRuns(300), seed: propertySeed(31) },
    );
  });
});

describe('lists of words and patterns', () => {
  it('drops repeated entries, so 100 copies of one ignore word cost what one does', () => {
    const { settings, problems } = normalizeSettings({ placeholders: { ignoreWords: Array(100).fill('的'), extraPatterns: ['待定', '待定', '待填'] } });
    expect(settings.placeholders.ignoreWords).toEqual(['的']);
    expect(settings.placeholders.extraPatterns).toEqual(['待定', '待填']);
    expect(problems).toEqual([]);
  });

  it('keeps the first 100 distinct entries of a list of a million, quickly', () => {
    const started = performance.now();
    const { settings, problems } = normalizeSettings({ placeholders: { ignoreWords: Array.from({ length: 1_000_000 }, (_, i) => `词${i}`) } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(settings.placeholders.ignoreWords).toHaveLength(100);
    expect(problems).toEqual(['gongwen.placeholders.ignoreWords: only the first 100 entries are used（仅使用前 100 项）']);
  });
});
