import { describe, it, expect } from 'vitest';
import { buildReportModel } from '../../../server/src/engine/build-model';
import { halfwidthPunctuation } from '../../../server/src/engine/rules/halfwidth-punctuation';
import { applyEdits } from '../../../server/src/engine/renumber';
import { defaultSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusText, hasCorpus } from '../../helpers/corpus';

function check(text: string): Finding[] {
  return halfwidthPunctuation.check(buildReportModel(text), defaultSettings());
}

/** The text after applying every safe fix. */
function fixAll(text: string, found = check(text)): string {
  return applyEdits(text, found.flatMap((f) => f.fixes!.filter((x) => x.safe).flatMap((x) => x.edits)));
}

describe('halfwidth-punctuation', () => {
  it('converts , : ; ! ? next to Chinese text', () => {
    const text = '各位代表:\n现在,我代表镇人民政府向大会报告工作;请予审议!是否同意?';
    expect(fixAll(text)).toBe('各位代表：\n现在，我代表镇人民政府向大会报告工作；请予审议！是否同意？');
    const found = check(text);
    expect(found).toHaveLength(5);
    expect(found[1]).toMatchObject({ ruleId: 'halfwidth-punctuation', message: { zh: '半角“,”应为全角“，”' } });
    expect(found[1].fixes![0]).toMatchObject({ safe: true, title: { zh: '改为“，”' } });
    expect(text.slice(found[1].start, found[1].end)).toBe(',');
  });

  it('converts marks after numbers and abbreviations ending a Chinese clause', () => {
    expect(fixAll('同比增长18.7%,增速加快')).toBe('同比增长18.7%，增速加快');
    expect(fixAll('完成投资5亿元;\n')).toBe('完成投资5亿元；\n');
    expect(fixAll('同比增长18.7%;\n下一段')).toBe('同比增长18.7%；\n下一段');
    expect(fixAll('运营中心(IOC);\n')).toBe('运营中心（IOC）；\n');
    expect(fixAll('使用Excel,提高效率')).toBe('使用Excel，提高效率');
  });

  it('takes the space after a converted mark along', () => {
    expect(fixAll('全年完成投资, 同比增长')).toBe('全年完成投资，同比增长');
  });

  it('converts a bracket pair together', () => {
    const text = '各村(社区)和细颗粒物(PM2.5)浓度';
    const found = check(text);
    expect(found).toHaveLength(2);
    expect(text.slice(found[0].start, found[0].end)).toBe('(社区)');
    expect(found[0].fixes![0].edits).toHaveLength(2);
    expect(fixAll(text)).toBe('各村（社区）和细颗粒物（PM2.5）浓度');
  });

  it('leaves numbers, times, ratios and Latin text alone', () => {
    for (const text of ['投资3,000万元', '上午9:00召开', '比例为3:1的配套', '发布日期 14 : 53 浏览', 'Hello, world! How are you?', 'a;b', 'f(x)=1']) {
      expect(check(text), text).toEqual([]);
    }
  });

  it('leaves URLs and e-mail addresses alone', () => {
    expect(check('详见网址http://www.example.gov.cn/a?id=1&b=2;x=3')).toEqual([]);
    expect(fixAll('网址:http://www.example.gov.cn/')).toBe('网址：http://www.example.gov.cn/');
  });

  it('leaves numbering markers to numbering-format (guide: half-width bracket markers)', () => {
    const text = '(一)筑牢基础,扩大优势\n(1)强化保障\n（二)混合括号\n(②)圈码\n一,逗号序号';
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([',']);
    expect(found[0].start).toBe(text.indexOf('础,') + 1);
  });

  it('leaves marker-like brackets inside a sentence alone too', () => {
    expect(check('主要包括(1)道路和(2)桥梁')).toEqual([]);
  });

  it('converts a lone bracket next to Chinese text', () => {
    expect(fixAll('建设（一期)工程')).toBe('建设（一期）工程');
  });

  it('keeps offsets right with a BOM and CRLF', () => {
    const text = '\uFEFF标题\r\n\r\n各位代表:\r\n现在,开会';
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([':', ',']);
    expect(fixAll(text)).toBe('\uFEFF标题\r\n\r\n各位代表：\r\n现在，开会');
  });

  it('reports in document order', () => {
    const found = check('甲(乙,丙)丁,戊');
    const starts = found.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('checks a large document quickly', () => {
    const unit = '一年来,我们坚持稳中求进(总基调),全镇生产总值增长5.6%;固定资产投资3,000万元。\n';
    const text = '青山镇2023年工作总结\n' + unit.repeat(Math.ceil(1_000_000 / unit.length));
    const model = buildReportModel(text);
    halfwidthPunctuation.check(model, defaultSettings()); // warm up
    const t0 = performance.now();
    const found = halfwidthPunctuation.check(model, defaultSettings());
    expect(performance.now() - t0).toBeLessThan(500);
    expect(found.length).toBe(4 * Math.ceil(1_000_000 / unit.length));
  });
});

describe.skipIf(!hasCorpus)('halfwidth-punctuation: corpus', () => {
  it('finds many in every web-copied town report, leaving only markers, times and ratios', () => {
    for (const f of ['local/hengli-2023-gov-report.txt', 'local/liuzhen-2023-gov-report.txt', 'local/nixi-2023-gov-report.txt', 'local/sankui-2023-summary-2024-plan.txt', 'local/town-summary-and-plan-template.txt']) {
      const text = corpusText(f);
      const found = check(text);
      expect(found.length, f).toBeGreaterThan(100);
      const fixed = fixAll(text, found);
      // What is left: `(一)` `(1)` markers, times such as `14 : 53`, masked ratios `x.x:xx.x`.
      for (let i = 0; i < fixed.length; i++) {
        if (!',:;!?()'.includes(fixed[i])) continue;
        const around = fixed.slice(Math.max(0, i - 3), i + 4);
        expect(around, `${f}: ${JSON.stringify(around)}`).toMatch(/[(（][一二三四五六七八九十\d]{1,3}[)）]|[\dx]\s?:\s?[\dx]/);
      }
    }
  });

  it('finds only the few half-width marks of the 2002 national report', () => {
    const found = check(corpusText('national/national-gov-report-2002.txt'));
    expect(found.length).toBeLessThan(10);
  });
});
