import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { buildReportModel } from '../../../server/src/engine/pipeline';
import { numberingLevel } from '../../../server/src/engine/rules/numbering-level';
import { numberingSequence } from '../../../server/src/engine/rules/numbering-sequence';
import { defaultSettings } from '../../../server/src/engine/settings';
import { applyEdits } from '../../../server/src/engine/renumber';
import type { Finding } from '../../../server/src/engine/rules/rule';
import { corpusFiles, corpusText, hasCorpus } from '../../helpers/corpus';

const TITLE = '某镇2024年工作总结\n';

function check(text: string): Finding[] {
  return numberingLevel.check(buildReportModel(text), defaultSettings());
}

function brief(text: string): Array<[string, string, string | undefined]> {
  return check(text).map((f) => [text.slice(f.start, f.end), f.message.zh, f.severity]);
}

describe('numbering-level: the canonical order', () => {
  it('一、 › （一） › 1. › （1） › ① is silent', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1.种植\n（1）粮食\n①小麦\n②玉米\n（2）蔬菜\n2.养殖\n（二）城乡建设\n二、下步打算\n';
    expect(check(text)).toEqual([]);
  });

  it('a report may start at （一）, or put 一、 under unnumbered titles, or points under anything', () => {
    expect(check(TITLE + '（一）产业发展\n1.种植\n2.养殖\n（二）城乡建设\n')).toEqual([]);
    expect(check(TITLE + '2023年工作回顾\n一、产业发展\n二、城乡建设\n2024年工作安排\n一、稳增长\n二、促改革\n')).toEqual([]);
    expect(check(TITLE + '一、主要工作\n今年抓了两件事：一是修路。二是建桥。\n——经济发展稳中有进。\n二、下步打算\n')).toEqual([]);
  });
});

describe('numbering-level: inversion (GB/T 15834 B.3.8)', () => {
  it('a （一） after 1. siblings in the same section', () => {
    const text = TITLE + '一、主要工作\n（一）产业发展\n1.种植\n2.养殖\n二、下步打算\n1.稳增长\n（一）促改革\n（二）惠民生\n';
    const found = check(text);
    const inversion = found.filter((f) => f.data?.kind === 'inversion');
    expect(inversion).toHaveLength(1);
    expect(inversion[0].start).toBe(text.indexOf('（一）促改革'));
    expect(inversion[0].message.zh).toBe('层级颠倒：“（一）”比同一节中前面的“1.”层级更高（GB/T 15834 B.3.8）');
    expect(inversion[0].severity).toBeUndefined();
  });

  it('一、 after （一） at the top level', () => {
    const text = TITLE + '（一）产业发展\n（二）城乡建设\n一、下步打算\n二、工作要求\n';
    expect(brief(text)).toEqual([['一、', '层级颠倒：“一、”比同一节中前面的“（一）”层级更高（GB/T 15834 B.3.8）', undefined]]);
  });

  it('an inline enumeration in an intro paragraph is not a level: （一） may follow it', () => {
    const text = TITLE + '一、2024年工作安排\n今年的主要目标是：1.生产总值增长6%左右。2.居民收入同步增长。\n（一）稳增长\n（二）促改革\n二、工作要求\n';
    expect(check(text)).toEqual([]);
  });

  it('is reported once per family and section', () => {
    const text = TITLE + '一、主要工作\n1.种植\n（一）产业\n（二）城建\n（三）民生\n';
    expect(check(text).filter((f) => f.data?.kind === 'inversion')).toHaveLength(1);
  });
});

describe('numbering-level: skipped level', () => {
  it('一、 directly holding 1. is a hint, with an unsafe fix to （一）', () => {
    const text = TITLE + '一、主要工作\n1.产业发展\n2.城乡建设\n二、下步打算\n（一）稳增长\n（二）促改革\n';
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start, found[0].end)).toBe('1.');
    expect(found[0].severity).toBe('hint');
    expect(found[0].message).toEqual({ zh: '跳过了层级：“一、”下直接用“1.”，中间缺少“（一）”级', en: 'Skipped level: "1." directly under "一、", without the "（一）" level between' });
    const fix = found[0].fixes![0];
    expect(fix.safe).toBe(false);
    const fixed = applyEdits(text, fix.edits);
    expect(fixed).toBe(TITLE + '一、主要工作\n（一）产业发展\n（二）城乡建设\n二、下步打算\n（一）稳增长\n（二）促改革\n');
    expect(check(fixed)).toEqual([]);
    expect(numberingSequence.check(buildReportModel(fixed), defaultSettings())).toEqual([]);
  });

  it('the fix follows the document\'s bracket width for the skipped family', () => {
    const text = TITLE + '一、主要工作\n1.产业发展\n2.城乡建设\n二、下步打算\n(一)稳增长\n(二)促改革\n';
    const fixed = applyEdits(text, check(text)[0].fixes![0].edits);
    expect(fixed).toBe(TITLE + '一、主要工作\n(一)产业发展\n(二)城乡建设\n二、下步打算\n(一)稳增长\n(二)促改革\n');
  });

  it('skipping two levels names both', () => {
    const text = TITLE + '一、主要工作\n（1）产业发展\n（2）城乡建设\n';
    expect(check(text)[0].message.zh).toBe('跳过了层级：“一、”下直接用“（1）”，中间缺少“（一）”“1.”级');
  });

  it('1、 keeps working: the skipped level is still found under run-in headings and CRLF', () => {
    const text = (TITLE + '一、主要工作\n1、持续壮大产业。全年新增企业若干家。\n2、持续提升城乡品质。新建道路若干公里。\n').replace(/\n/g, '\r\n');
    expect(brief(text).map(([m, , s]) => [m, s])).toEqual([['1、', 'hint']]);
  });

  it('an enumeration inline in a paragraph is not a level', () => {
    const text = TITLE + '一、主要工作\n（一）住房保障\n主要原则是：（1）保基本。（2）促公平。（3）可持续。\n（二）社会保障\n';
    expect(check(text)).toEqual([]);
  });

  it('parts are outside the four levels: 第一部分 › （一） is fine', () => {
    const text = TITLE + '第一部分 工作回顾\n（一）产业发展\n（二）城乡建设\n第二部分 工作安排\n（一）稳增长\n（二）促改革\n';
    expect(check(text)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)('numbering-level: corpus', () => {
  it('no inversions anywhere, and nothing at all on the national and local reports', () => {
    for (const dir of ['national', 'local', 'excerpts']) {
      for (const file of corpusFiles(dir)) {
        const name = path.basename(file);
        const text = corpusText(file);
        const found = check(text);
        expect(found.filter((f) => f.data?.kind === 'inversion'), name).toEqual([]);
        if (dir !== 'excerpts') expect(found.map((f) => text.slice(f.start, f.end)), name).toEqual([]);
      }
    }
  });
});
