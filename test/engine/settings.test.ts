import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/engine/analyze';
import { normalizeSettings } from '../../server/src/engine/settings';
import { RULE_IDS } from '../../server/src/engine/rules';

describe('settings', () => {
  it('treats `default` as the rule left alone, so findings keep their own severities', () => {
    const text = '示例镇2023年工作总结\n一、工作开展情况\n---此处隐藏3934字，下载后查看---\n';
    const { settings } = normalizeSettings({ rules: { 'web-residue': 'default' } }, RULE_IDS);
    expect(settings.rules).toEqual({});
    const hidden = analyze(text, settings).findings.find((f) => f.ruleId === 'web-residue');
    expect(hidden?.severity).toBe('error');
    // A severity the user chose applies to every finding of the rule.
    const chosen = normalizeSettings({ rules: { 'web-residue': 'warning' } }, RULE_IDS).settings;
    expect(analyze(text, chosen).findings.find((f) => f.ruleId === 'web-residue')?.severity).toBe('warning');
  });

  it('drops what it cannot use and says why, in English and Chinese', () => {
    const { settings, problems } = normalizeSettings({ rules: 5, kind: 'novel', placeholders: { extraPatterns: ['(a)\\1', '待定'], ignoreWords: [3] }, autoDetect: 'yes' }, RULE_IDS);
    expect(settings.placeholders.extraPatterns).toEqual(['待定']);
    expect(settings.kind).toBe('auto');
    expect(problems.join('\n')).toMatch(/gongwen\.rules: must be an object/);
    expect(problems.join('\n')).toMatch(/gongwen\.kind: "novel"/);
    expect(problems.join('\n')).toMatch(/extraPatterns\[0\] "\(a\)\\\\1"/);
    expect(problems.join('\n')).toMatch(/ignoreWords: ignored 3/);
    expect(problems.join('\n')).toMatch(/autoDetect: must be true or false（应为 true 或 false）/);
  });

  it('limits the outline to 2,000 entries unless told otherwise, and refuses a limit that is not a whole number of at least 1', () => {
    expect(normalizeSettings(undefined).settings.outline.maxItems).toBe(2000);
    expect(normalizeSettings({ outline: { maxItems: 20000 } }).settings.outline.maxItems).toBe(20000);
    for (const bad of [0, -3, 2.5, '100', null]) {
      const { settings, problems } = normalizeSettings({ outline: { maxItems: bad } });
      expect(settings.outline.maxItems).toBe(2000);
      expect(problems.join('\n')).toMatch(/gongwen\.outline\.maxItems: .* is not a whole number of at least 1（应为不小于 1 的整数）/);
    }
    expect(normalizeSettings({ outline: 7 }).problems).toEqual(['gongwen.outline: must be an object（应为对象）']);
  });

  it('uses a safe extra pattern as a placeholder form', () => {
    const { settings } = normalizeSettings({ placeholders: { extraPatterns: ['待[定补]'] } }, RULE_IDS);
    const found = analyze('一、目标\n投资额待定，另有数据待补。\n', settings).findings.filter((f) => f.ruleId === 'placeholder');
    expect(found.map((f) => f.data?.placeholder ?? '')).toHaveLength(2);
  });
});
