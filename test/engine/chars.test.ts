import { describe, expect, it } from 'vitest';
import { simplify } from '../../server/src/engine/chars';
import { analyze, defaultSettings } from '../../server/src/engine';

describe('simplify', () => {
  it('folds the traditional script of section cues, one unit for one', () => {
    expect(simplify('總體要求和預期目標')).toBe('总体要求和预期目标');
    expect(simplify('加強政府自身建設，廉潔從政')).toBe('加強政府自身建设，廉洁從政');
    expect(simplify('工作總結').length).toBe(4);
    expect(simplify('已是简体')).toBe('已是简体');
  });

  it('lets a traditional-script plan count its 總體要求 as the guiding idea', () => {
    const plan = ['某鎮2025年工作要點', '一、總體要求', '堅持穩中求進。', '二、主要目標', '地區生產總值增長6%。', '三、重點任務', '抓好項目建設。', ''].join('\n');
    const missing = analyze(plan, defaultSettings()).findings.filter((f) => f.ruleId === 'section-missing');
    expect(missing.map((f) => f.message.en)).toEqual([]);
  });
});
