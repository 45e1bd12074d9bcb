import { describe, it, expect } from 'vitest';
import { analyze, memoOf } from '../../../server/src/engine';
import { buildReportModel } from '../../../server/src/engine/pipeline';
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
  it('reports a stray half-width mark in full-width text on its own, with its own fix', () => {
    const text = '各位代表：\n现在，我代表镇人民政府向大会报告工作,请予审议。全年完成投资五亿元，同比增长；是否同意?';
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([',', '?']);
    expect(found[0]).toMatchObject({ ruleId: 'halfwidth-punctuation', message: { zh: '半角“,”应为全角“，”' } });
    expect(found[0].fixes![0]).toMatchObject({ safe: true, title: { zh: '改为“，”' } });
    expect(fixAll(text)).toBe('各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。全年完成投资五亿元，同比增长；是否同意？');
  });

  it('makes a half-width paragraph in full-width text one finding that converts the paragraph', () => {
    const text = '各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n一年来,全镇上下齐心协力;经济稳中有进,民生持续改善!\n今年，我们将继续努力。';
    const found = check(text);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(text.slice(f.start, f.end)).toBe(',全镇上下齐心协力;经济稳中有进,民生持续改善!');
    expect(f.message.zh).toBe('本段标点多为半角（4 处），中文应用全角“，：；！？（）”');
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes![0]).toMatchObject({ safe: true, preferred: true, title: { zh: '本段改为全角标点（4 处）', en: 'Convert this paragraph to full-width punctuation (4)' } });
    expect(fixAll(text)).toBe('各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n一年来，全镇上下齐心协力；经济稳中有进，民生持续改善！\n今年，我们将继续努力。');
  });

  it('makes a document whose punctuation is half-width throughout one finding, however many marks', () => {
    const paragraph = '一年来,全镇上下齐心协力,经济稳中有进(增速较快),民生持续改善;\n';
    const text = '青山镇2023年工作总结\n各位代表:\n' + paragraph.repeat(50) + '今年,我们将继续努力!';
    const found = check(text);
    expect(found).toHaveLength(1);
    const marks = 1 + 50 * 5 + 2;
    expect(found[0].message).toEqual({
      zh: `全文标点多为半角（${marks} 处），中文应用全角“，：；！？（）”`,
      en: `This document's punctuation is half-width throughout (${marks} marks); Chinese text uses full-width "，：；！？（）"`,
    });
    expect(found[0].fixes![0].title).toEqual({ zh: `全文改为全角标点（${marks} 处）`, en: `Convert all to full-width punctuation (${marks})` });
    expect(text.slice(found[0].start, found[0].end)).toBe(':');
    expect(fixAll(text)).toBe(text.replace(/,/g, '，').replace(/;/g, '；').replace(/:/g, '：').replace(/!/g, '！').replace(/\(/g, '（').replace(/\)/g, '）'));
  });

  it('keeps a stray mark in a full-width paragraph separate from a half-width paragraph', () => {
    const text = '现在，我代表镇人民政府向大会报告工作,请予审议。全年完成投资五亿元，同比增长。今年，我们将继续努力。\n' + '一年来,全镇上下齐心协力;经济稳中有进。\n' + '全镇生产总值增长百分之五，财政收入增长百分之三，农民收入增长百分之六，人均住房面积增加。';
    const found = check(text);
    expect(found.map((f) => f.message.en)).toEqual(['Half-width "," in Chinese text; use "，"', 'This paragraph\'s punctuation is half-width (2 marks); Chinese text uses full-width "，：；！？（）"']);
  });

  it('makes stray marks scattered all over a text (more than one per 400 characters) one finding', () => {
    const paragraph = '全镇上下齐心协力，经济稳中有进,民生持续改善。\n';
    const text = paragraph.repeat(20);
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toBe('本文多处使用半角标点（20 处），中文应用全角“，：；！？（）”');
    expect(fixAll(text)).toBe(text.replace(/,/g, '，'));
    // Fewer, in a longer text, stay single.
    const sparse = (paragraph + '今年，我们将继续坚持稳中求进工作总基调，全面深化改革，扩大对外开放，持续改善民生，确保全年目标任务圆满完成，推动经济社会高质量发展。\n'.repeat(8)).repeat(4);
    expect(check(sparse)).toHaveLength(4);
  });

  it('converts marks after numbers and abbreviations ending a Chinese clause', () => {
    expect(fixAll('同比增长18.7%,增速加快')).toBe('同比增长18.7%，增速加快');
    expect(fixAll('完成投资5亿元;\n')).toBe('完成投资5亿元；\n');
    expect(fixAll('同比增长18.7%;\n下一段')).toBe('同比增长18.7%；\n下一段');
    expect(fixAll('运营中心(IOC);\n')).toBe('运营中心(IOC)；\n');
    expect(fixAll('使用Excel,提高效率')).toBe('使用Excel，提高效率');
  });

  it('takes the space after a converted mark along', () => {
    expect(fixAll('全年完成投资, 同比增长')).toBe('全年完成投资，同比增长');
  });

  it('converts a bracket pair around Chinese text together', () => {
    const text = '各村(社区)都已完成，居委会（社区）也已完成。';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe('(社区)');
    expect(found[0].fixes![0].edits).toHaveLength(2);
    expect(fixAll(text)).toBe('各村（社区）都已完成，居委会（社区）也已完成。');
  });

  it('leaves pinyin glosses and Latin text in brackets alone', () => {
    for (const text of ['这个字读作乡(xiāng)，不读向。', '地区生产总值(GDP)增长五个百分点，', '政府和社会资本合作(PPP)项目，', '公共场所无线网络(Wi-Fi)全覆盖，', '细颗粒物(PM2.5)浓度下降，', '女(nǚ)字旁，']) {
      expect(check(text), text).toEqual([]);
    }
  });

  it('leaves numbers, times, ratios and Latin text alone', () => {
    for (const text of ['投资1,000万元', '上午8:30召开', '比例为3:2的配套', '发布日期 14 : 53 浏览', 'Hello, world! How are you?', 'a;b', 'f(x)=1']) {
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
    const text = '\uFEFF标题\r\n\r\n各位代表：\r\n现在，我们开会,请予审议。今年，全镇上下齐心协力，经济稳中有进。';
    const found = check(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([',']);
    expect(fixAll(text)).toBe('\uFEFF标题\r\n\r\n各位代表：\r\n现在，我们开会，请予审议。今年，全镇上下齐心协力，经济稳中有进。');
    const flat = '\uFEFF标题\r\n\r\n各位代表:\r\n现在,开会';
    expect(fixAll(flat)).toBe('\uFEFF标题\r\n\r\n各位代表：\r\n现在，开会');
  });

  it('reports in document order', () => {
    const found = check('甲（乙,丙）丁，戊，己，庚，辛,壬');
    const starts = found.map((f) => f.start);
    expect(found).toHaveLength(2);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('checks a large document quickly and reports it once', () => {
    const unit = '一年来,我们坚持稳中求进(总基调),全镇生产总值增长5.6%;固定资产投资3,000万元。\n';
    const text = '青山镇2023年工作总结\n' + unit.repeat(Math.ceil(1_000_000 / unit.length));
    const model = buildReportModel(text);
    halfwidthPunctuation.check(model, defaultSettings()); // warm up
    const t0 = performance.now();
    const found = halfwidthPunctuation.check(model, defaultSettings());
    expect(performance.now() - t0).toBeLessThan(500);
    expect(found).toHaveLength(1);
    expect(found[0].data).toEqual({ marks: 4 * Math.ceil(1_000_000 / unit.length) });
  });
});

describe('halfwidth-punctuation: fixes built when read, and grouping after an edit', () => {
  it('gives a fix that is the same on every read and in JSON, as a plain finding would', () => {
    const text = '现在，我代表镇人民政府向大会报告工作,请予审议。\n一年来,全镇上下齐心协力;经济稳中有进。\n' + '今年，我们将继续努力，坚持稳中求进，推动高质量发展。\n'.repeat(4);
    const found = check(text);
    expect(found.map((f) => f.data?.marks ?? 1)).toEqual([1, 2]);
    for (const f of found) {
      expect(f.fixes).toBe(f.fixes);
      const json = JSON.parse(JSON.stringify(f));
      expect(json).toEqual({ ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, fixes: f.fixes, ...(f.data ? { data: f.data } : {}) });
    }
    expect(found[1].fixes![0].edits.map((e) => text.slice(e.start, e.end))).toEqual([',', ';']);
  });

  it('counts every full-width mark of a document before calling it half-width, even in paragraphs it stopped counting', () => {
    // Eight half-width paragraphs hold 40 of 42 half-width marks, but two full-width paragraphs hold
    // 20 full-width marks: 40 < 80% of 62, so the document is not half-width throughout.
    const halfParagraph = '一年来,全镇上下齐心协力,经济稳中有进,民生持续改善,社会大局稳定;\n';
    const fullParagraph = '现在，我代表镇人民政府，向大会报告工作，请予审议，请列席人员提出意见，全年完成投资，同比增长，财政收入增长，农民收入增长,人均住房面积增加。\n';
    const filler = '全镇经济稳中有进。社会大局和谐稳定。人民生活水平不断提高。\n'.repeat(150);
    const text = halfParagraph.repeat(8) + filler + fullParagraph.repeat(2);
    const found = check(text);
    expect(found.map((f) => f.data?.marks ?? 1)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 1, 1]);
  });

  it('after an edit finds the paragraph and document groups a fresh analysis finds', () => {
    const settings = defaultSettings();
    const own = (a: { findings: Finding[] }) => JSON.stringify(a.findings.filter((f) => f.ruleId === 'halfwidth-punctuation'));
    const full = '全镇上下齐心协力，经济稳中有进，民生持续改善。\n';
    let text = '青山镇2023年工作总结\n' + full.repeat(30) + '今年，我们将继续努力,推动高质量发展。\n' + full.repeat(30);
    let previous = analyze(text, settings);
    // A full-width paragraph made half-width, a mark typed in another, a line joined to the next, then every paragraph made half-width.
    const edits: Array<(t: string) => string> = [
      (t) => t.replace(full, full.replace(/，/g, ',')),
      (t) => t.slice(0, t.length - 5) + ';' + t.slice(t.length - 5),
      (t) => t.replace('改善。\n全镇', '改善。全镇'),
      (t) => t.replace(/，/g, ','),
      (t) => t.replace(/,/g, '，'),
    ];
    for (const edit of edits) {
      text = edit(text);
      const next = analyze(text, settings, memoOf(previous.model));
      expect(own(next)).toBe(own(analyze(text, settings)));
      previous = next;
    }
    expect(own(previous)).not.toBe('[]');
  });
});

describe.skipIf(!hasCorpus)('halfwidth-punctuation: corpus', () => {
  it('reports each web-copied town report once, and its fix leaves only markers, times, ratios and Latin glosses', () => {
    for (const f of ['local/hengli-2023-gov-report.txt', 'local/liuzhen-2023-gov-report.txt', 'local/nixi-2023-gov-report.txt', 'local/sankui-2023-summary-2024-plan.txt', 'local/town-summary-and-plan-template.txt']) {
      const text = corpusText(f);
      const found = check(text);
      expect(found, f).toHaveLength(1);
      expect(found[0].data!.marks as number, f).toBeGreaterThan(100);
      const fixed = fixAll(text, found);
      // What is left: `(一)` `(1)` markers, times such as `14 : 53`, masked ratios `x.x:xx.x`.
      for (let i = 0; i < fixed.length; i++) {
        if (!',:;!?()'.includes(fixed[i])) continue;
        const around = fixed.slice(Math.max(0, i - 3), i + 4);
        expect(around, `${f}: ${JSON.stringify(around)}`).toMatch(/[(（][一二三四五六七八九十\d]{1,3}[)）]|[\dx]\s?:\s?[\dx]|\([\w .\-]*\)|\([\w .\-]*$|^[\w .\-]*\)/);
      }
    }
  });

  it('finds only the few half-width marks of the 2002 national report', () => {
    const found = check(corpusText('national/national-gov-report-2002.txt'));
    expect(found.length).toBeLessThan(10);
  });
});
