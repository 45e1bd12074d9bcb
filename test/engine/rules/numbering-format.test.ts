import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { numberingFormat } from '../../../server/src/engine/rules/numbering-format';
import { defaultSettings } from '../../../server/src/engine/settings';
import { applyEdits } from '../../../server/src/engine/renumber';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

const TITLE = '某镇2024年工作总结\n';

function check(text: string): Finding[] {
  return numberingFormat.check(buildReportModel(text), defaultSettings());
}

/** `[flagged text, flagged text with the fix applied]` of each finding. */
function brief(text: string): Array<[string, string]> {
  return check(text).map((f) => {
    const fixed = applyEdits(text, f.fixes![0].edits);
    return [text.slice(f.start, f.end), fixed.slice(f.start, f.end + fixed.length - text.length)];
  });
}

/** Applies the first fix of every finding (they never overlap). */
function fixAll(text: string): string {
  return applyEdits(
    text,
    check(text).flatMap((f) => f.fixes![0].edits),
  );
}

describe('numbering-format: punctuation after markers (GB/T 15834 B.3)', () => {
  it('standard markers are silent', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1.扩大种植面积\n（1）新增良田\n①东片\n②西片\n（2）改造旧田\n2．培育龙头企业\n（二）城乡建设\n第一，规划先行。第二，建管并重。\n二、下步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('1、 → 1.', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1、扩大种植面积\n2、培育龙头企业\n二、下步打算\n';
    expect(brief(text)).toEqual([
      ['1、', '1.'],
      ['2、', '2.'],
    ]);
    const f = check(text)[0];
    expect(f.message).toEqual({ zh: '阿拉伯数字序号后应用下脚点：“1、”应为“1.”', en: 'An Arabic numeral marker takes a full stop: "1、" should be "1."' });
    expect(f.fixes![0].safe).toBe(true);
    expect(fixAll(text)).toBe(TITLE + '一、主要工作\n（一）产业发展\n1.扩大种植面积\n2.培育龙头企业\n二、下步打算\n');
  });

  it('full-width digits keep their width: １、 → １.', () => {
    const text = TITLE + '一、主要工作\n１、扩大种植面积\n２、培育龙头企业\n';
    expect(brief(text)).toEqual([
      ['１、', '１.'],
      ['２、', '２.'],
    ]);
  });

  it('（一）、 → （一） and (1). → (1)', () => {
    const text = TITLE + '一、主要工作\n（一）、产业发展\n（二）、城乡建设\n(1).新增良田\n(2).改造旧田\n';
    expect(brief(text)).toEqual([
      ['（一）、', '（一）'],
      ['（二）、', '（二）'],
      ['(1).', '(1)'],
      ['(2).', '(2)'],
    ]);
    expect(check(text)[0].message.zh).toBe('括号序号后不加标点：“（一）、”应为“（一）”');
  });

  it('一. 一， 一． → 一、', () => {
    const text = TITLE + '一.主要工作\n二，存在问题\n三．下步打算\n';
    expect(brief(text)).toEqual([
      ['一.', '一、'],
      ['二，', '二、'],
      ['三．', '三、'],
    ]);
    expect(check(text)[0].message.en).toBe('A Chinese numeral marker takes "、": "一." should be "一、"');
  });

  it('第一、 第一, → 第一，', () => {
    const text = TITLE + '一、主要体会\n第一、必须坚持稳中求进。第二,必须坚持改革创新。\n';
    expect(brief(text)).toEqual([
      ['第一、', '第一，'],
      ['第二,', '第二，'],
    ]);
  });


  it('①、 → ①', () => {
    const text = TITLE + '一、主要工作\n（一）产业\n1.种植\n（1）粮食\n①、小麦\n②、玉米\n';
    expect(brief(text)).toEqual([
      ['①、', '①'],
      ['②、', '②'],
    ]);
  });

  it('inline and run-in markers are checked too', () => {
    const text = TITLE + '一、主要工作\n（一）、持续壮大产业。全年新增企业若干家。\n今年抓好两件事：1、修路。2、建桥。\n';
    expect(brief(text)).toEqual([
      ['（一）、', '（一）'],
      ['1、', '1.'],
      ['2、', '2.'],
    ]);
  });
});

describe('numbering-format: brackets', () => {
  it('one marker with mixed brackets', () => {
    const text = TITLE + '一、主要工作\n（一)产业发展\n（二）城乡建设\n';
    expect(brief(text)).toEqual([['（一)', '（一）']]);
    expect(check(text)[0].message.zh).toBe('括号全半角不一致：“（一)”应为“（一）”');
  });

  it('mixed brackets follow the document majority', () => {
    const text = TITLE + '一、主要工作\n(一)产业发展\n(二)城乡建设\n（三)社会事业\n';
    expect(brief(text)).toEqual([['（三)', '(三)']]);
  });

  it('a minority width within one level is offered the majority width', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n(二)城乡建设\n（三）社会事业\n二、下步打算\n（一）稳增长\n';
    const found = check(text);
    expect(brief(text)).toEqual([['(二)', '（二）']]);
    expect(found[0].message.zh).toBe('与全文同级序号的括号不一致（多为全角）：“(二)”应为“（二）”');
    expect(found[0].data?.kind).toBe('bracket-width');
  });

  it('a half-width majority wins', () => {
    const text = TITLE + '一、主要工作\n(一)产业发展\n(二)城乡建设\n（三）社会事业\n';
    expect(brief(text)).toEqual([['（三）', '(三)']]);
  });

  it('a tie goes to full width, the standard', () => {
    const text = TITLE + '一、主要工作\n(一)产业发展\n（二）城乡建设\n';
    expect(brief(text)).toEqual([['(一)', '（一）']]);
  });

  it('levels are counted separately: (1) half-width under （一） full-width is fine', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1.种植\n(1)粮食\n(2)蔬菜\n（二）城乡建设\n';
    expect(check(text)).toEqual([]);
  });

  it('all half-width is left to the punctuation rules', () => {
    const text = TITLE + '一、主要工作\n(一)产业发展\n(二)城乡建设\n';
    expect(check(text)).toEqual([]);
  });

  it('punctuation and width together make one finding with one fix', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n（二）城乡建设\n(三)、社会事业\n';
    const found = check(text);
    expect(brief(text)).toEqual([['(三)、', '（三）']]);
    expect(found[0].message.zh).toBe('括号序号后不加标点；与全文同级序号的括号不一致（多为全角）：“(三)、”应为“（三）”');
  });
});

describe('numbering-format: fixes leave the numeral alone', () => {
  it('edits never touch the numeral, so a renumbering can go with them', () => {
    const text = TITLE + '一、主要工作\n（一）产业\n(三)、城建\n1、种植\n3、养殖\n';
    for (const f of check(text)) {
      const marker = text.slice(f.start, f.end);
      const numeral = f.start + marker.search(/[一二三四五六七八九十\d]/);
      for (const e of f.fixes![0].edits) expect(e.end <= numeral || e.start >= numeral + 1, marker).toBe(true);
    }
  });
});

describe('numbering-format: space after a marker', () => {
  it('一、 2022年 → 一、2022年', () => {
    const text = TITLE + '一、 2023年工作回顾\n二、2024年工作安排\n';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0].message).toEqual({ zh: '序号“一、”后有多余空格', en: 'Stray space after the marker "一、"' });
    // Invisible in print: a clean-up hint, not a warning.
    expect(found[0].severity).toBe('hint');
    expect(fixAll(text)).toBe(TITLE + '一、2023年工作回顾\n二、2024年工作安排\n');
  });

  it('a part heading keeps its space', () => {
    expect(check(TITLE + '第一部分 工作回顾\n一、产业\n二、城建\n第二部分　工作安排\n三、稳增长\n')).toEqual([]);
  });

  it('a full-width space counts', () => {
    const text = TITLE + '一、主要工作\n（一）　产业发展\n（二）城乡建设\n';
    expect(fixAll(text)).toBe(TITLE + '一、主要工作\n（一）产业发展\n（二）城乡建设\n');
  });

  it('wrong punctuation and a space: two findings, both fixed at once', () => {
    const text = TITLE + '一、主要工作\r\n1、 扩大种植面积\r\n2、 培育龙头企业\r\n';
    expect(check(text)).toHaveLength(4);
    expect(fixAll(text)).toBe(TITLE + '一、主要工作\r\n1.扩大种植面积\r\n2.培育龙头企业\r\n');
    expect(check(fixAll(text))).toEqual([]);
  });

  it('the fix changes nothing but the marker', () => {
    const text = TITLE + '一.主要工作\n（一）、产业发展。全年新增企业若干家，产值稳步增长。\n（二）、城乡建设。\n';
    const fixed = fixAll(text);
    expect(fixed.replace(/[、.（）]/g, '')).toBe(text.replace(/[、.（）]/g, ''));
    expect(buildReportModel(fixed).headings.map((h) => h.text)).toEqual(buildReportModel(text).headings.map((h) => h.text));
  });
});

describe('numbering-format: markers outside the numbering scope', () => {
  it('contents lines, web residue and page numbers are not checked', () => {
    const report = (town: string) => `${town}2023年政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n全镇经济平稳发展。\n二、2023年工作安排\n全镇上下齐心协力。\n`;
    expect(check('目录\n1、青山镇2023年政府工作报告\n2、绿水镇2023年政府工作报告\n' + report('青山镇') + report('绿水镇'))).toEqual([]);
    expect(check(TITLE + '一、主要工作\n正文。\n1、收藏本站\n2、联系客服\n')).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('numbering-format: corpus', () => {
  function read(dir: string): Array<[string, string]> {
    return corpusFiles(dir).map((f) => [path.basename(f), corpusText(f)]);
  }

  it('the national reports: only the stray spaces in two headings, as hints', () => {
    const kinds: string[] = [];
    for (const [name, text] of read('national')) for (const f of check(text)) kinds.push(`${name.slice(-8, -4)} ${f.data?.kind} ${f.severity} ${text.slice(f.start - 3, f.end)}`);
    expect(kinds.every((k) => k.includes(' space hint '))).toBe(true);
    expect(kinds.length).toBeLessThanOrEqual(2);
  });

  it('the local reports use the standard forms (half-width brackets left to other rules)', () => {
    for (const [name, text] of read('local')) expect(check(text), name).toEqual([]);
  });

  it('the templates: 1、 and （一）、 are caught', () => {
    const found = read('excerpts').flatMap(([, text]) => check(text).map((f) => text.slice(f.start, f.end)));
    expect(found.some((t) => /^\d、$/.test(t))).toBe(true);
    expect(found.some((t) => /^[（(][一二三四五六七八九十]+[)）]、$/.test(t))).toBe(true);
  });
});
