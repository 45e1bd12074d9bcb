import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { buildReportModel } from '../../server/src/engine/pipeline';
import { applyEdits, nextMarkerAfter, renumberDocument, renumberList, setNumber, siblingLists } from '../../server/src/engine/renumber';
import { listContaining, numberedLists } from '../../server/src/engine/sibling-lists';
import { markerWithValue, numeralSpan, writeNumeral } from '../../server/src/engine/numbering-style';
import { numberingSequence } from '../../server/src/engine/rules/numbering-sequence';
import { defaultSettings } from '../../server/src/engine/settings';
import type { ReportModel } from '../../server/src/engine/model';
import { corpusFiles, corpusText, hasCorpus } from '../helpers/corpus';

const TITLE = '某镇2024年工作总结\n';

function sequenceFindings(text: string) {
  return numberingSequence.check(buildReportModel(text), defaultSettings()).filter((f) => f.severity !== 'hint');
}

function outline(text: string): string[] {
  return buildReportModel(text).headings.map((h) => `${h.depth}:${h.marker?.text ?? ''}${h.text}`);
}

function heading(model: ReportModel, startsWith: string) {
  const h = model.headings.find((x) => model.text.startsWith(startsWith, x.start));
  if (!h) throw new Error(`no heading ${startsWith}`);
  return h;
}

describe('siblingLists', () => {
  it('groups children of one parent by family', () => {
    const model = buildReportModel(TITLE + '一、主要工作\n（一）产业\n1.种植\n2.养殖\n（二）城建\n二、下步打算\n（一）稳增长\n');
    expect(siblingLists(model).map((l) => l.map((h) => h.marker!.text).join(''))).toEqual(['一、二、', '（一）（二）', '1.2.', '（一）']);
  });

  it('points start a new list at 一; dash points and titles make none', () => {
    const model = buildReportModel(TITLE + '2023年工作回顾\n——经济发展稳中有进。\n一、主要工作\n抓产业：一是种植。二是养殖。\n抓民生：一是就业。二是社保。三是医疗。\n');
    expect(siblingLists(model).map((l) => l.map((h) => h.marker!.text).join(''))).toEqual(['一、', '一是二是', '一是二是三是']);
  });

  it('links a list continuing the previous part', () => {
    const model = buildReportModel(TITLE + '第一部分 回顾\n一、甲\n二、乙\n第二部分 安排\n三、丙\n四、丁\n');
    const lists = numberedLists(model).filter((l) => l.family === 'cn-dun');
    expect(lists).toHaveLength(2);
    expect(lists[1].continues).toBe(lists[0]);
    expect(lists[1].expectedStart).toBe(3);
    expect(listContaining(model, heading(model, '四、'))).toBe(lists[1]);
  });

  it('caches per model', () => {
    const model = buildReportModel(TITLE + '一、甲\n二、乙\n');
    expect(numberedLists(model)).toBe(numberedLists(model));
  });
});

describe('numbering-style helpers', () => {
  it('numeralSpan and writeNumeral change the number only', () => {
    const model = buildReportModel(TITLE + '一、主要工作\n(二)、产业\n十二、城建\n第三，民生。\n二要严格考核。\n⑴种植\n１２．养殖\n⑤小麦\nB.玉米\n');
    const cases: Array<[string, number, string]> = [
      ['(二)、', 3, '(三)、'],
      ['十二、', 13, '十三、'],
      ['二要', 3, '三要'],
      ['⑴', 2, '⑵'],
      ['１２．', 3, '３．'],
      ['⑤', 6, '⑥'],
      ['B.', 3, 'C.'],
    ];
    for (const [start, value, expected] of cases) {
      const h = heading(model, start);
      expect(markerWithValue(h.marker!, value), start).toBe(expected);
      const span = numeralSpan(h.marker!);
      expect(model.text.slice(span.start, span.end) !== '', start).toBe(true);
      expect(writeNumeral(h.marker!, h.marker!.value), start).toBe(model.text.slice(span.start, span.end));
    }
  });
});

describe('renumberList', () => {
  it('renumbers the list holding the heading, with minimal edits', () => {
    const text = TITLE + '一、回顾\n二、问题\n四、打算\n五、要求\n';
    const model = buildReportModel(text);
    const edits = renumberList(model, heading(model, '四、'));
    expect(edits).toEqual([
      { start: text.indexOf('四、'), end: text.indexOf('四、') + 1, newText: '三' },
      { start: text.indexOf('五、'), end: text.indexOf('五、') + 1, newText: '四' },
    ]);
    expect(applyEdits(text, edits)).toBe(TITLE + '一、回顾\n二、问题\n三、打算\n四、要求\n');
  });

  it('returns nothing for a correct list or an unnumbered heading', () => {
    const model = buildReportModel(TITLE + '一、回顾\n二、问题\n2024年工作安排\n');
    expect(renumberList(model, heading(model, '一、'))).toEqual([]);
    expect(renumberList(model, heading(model, '2024年'))).toEqual([]);
  });

  it('touches only that list', () => {
    const text = TITLE + '一、主要工作\n（一）产业\n（三）城建\n三、下步打算\n';
    const model = buildReportModel(text);
    expect(applyEdits(text, renumberList(model, heading(model, '（三）')))).toBe(TITLE + '一、主要工作\n（一）产业\n（二）城建\n三、下步打算\n');
  });

  it('renumbers inline points keeping their verb', () => {
    const text = TITLE + '一、工作措施\n一要压实责任。三要强化督查。三要严格考核。\n';
    const model = buildReportModel(text);
    expect(applyEdits(text, renumberList(model, heading(model, '一要')))).toBe(TITLE + '一、工作措施\n一要压实责任。二要强化督查。三要严格考核。\n');
  });

  it('setNumber is one numeral edit, or nothing', () => {
    const model = buildReportModel(TITLE + '一、回顾\n（二）产业\n');
    const h = heading(model, '（二）');
    expect(setNumber(h, 2)).toBeUndefined();
    expect(setNumber(h, 1)).toEqual({ start: h.start + 1, end: h.start + 2, newText: '一' });
  });
});

describe('renumberDocument', () => {
  it('renumbers every list, keeping each level\'s style (1、 stays 1、, half-width stays half-width)', () => {
    const text = TITLE + '一、主要工作\n(一)产业发展。全年新增企业若干家。\n1、种植\n3、养殖\n(三)城乡建设。新建道路若干公里。\n今年抓好：一是修路。三是建桥。\n三、存在问题\n四、下步打算\n';
    const fixed = applyEdits(text, renumberDocument(buildReportModel(text)));
    expect(fixed).toBe(TITLE + '一、主要工作\n(一)产业发展。全年新增企业若干家。\n1、种植\n2、养殖\n(二)城乡建设。新建道路若干公里。\n今年抓好：一是修路。二是建桥。\n二、存在问题\n三、下步打算\n');
    expect(sequenceFindings(fixed)).toEqual([]);
    expect(outline(fixed)).toEqual(['1:一、主要工作', '2:(一)产业发展', '3:1、种植', '3:2、养殖', '2:(二)城乡建设', '3:一是修路', '3:二是建桥', '1:二、存在问题', '1:三、下步打算']);
  });

  it('never changes text other than numerals, and edits are sorted and disjoint', () => {
    const text = TITLE + '一、甲\n（二）子一\n（二）子二\n一、乙\n1.孙一\n1.孙二\n1.孙三\n';
    const edits = renumberDocument(buildReportModel(text));
    for (let i = 1; i < edits.length; i++) expect(edits[i].start).toBeGreaterThanOrEqual(edits[i - 1].end);
    const fixed = applyEdits(text, edits);
    expect(fixed.replace(/[一二三四五六七八九十\d]/g, '#')).toBe(text.replace(/[一二三四五六七八九十\d]/g, '#'));
    expect(fixed).toBe(TITLE + '一、甲\n（一）子一\n（二）子二\n二、乙\n1.孙一\n2.孙二\n3.孙三\n');
  });

  it('keeps continued numbering across parts', () => {
    const text = TITLE + '第一部分 回顾\n一、甲\n二、乙\n第二部分 安排\n三、丙\n五、丁\n';
    expect(applyEdits(text, renumberDocument(buildReportModel(text)))).toBe(TITLE + '第一部分 回顾\n一、甲\n二、乙\n第二部分 安排\n三、丙\n四、丁\n');
  });

  it('works with CRLF and double-digit numbers', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `${i === 10 ? '十三' : ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '', '十二'][i]}、第${i + 1}项工作`);
    const text = TITLE.replace('\n', '\r\n') + lines.join('\r\n') + '\r\n';
    const fixed = applyEdits(text, renumberDocument(buildReportModel(text)));
    expect(fixed).toContain('\r\n十一、第11项工作\r\n十二、第12项工作\r\n');
    expect(sequenceFindings(fixed)).toEqual([]);
  });

  it('a document numbered right needs no edits', () => {
    expect(renumberDocument(buildReportModel(TITLE + '一、甲\n（一）子\n（二）子\n二、乙\n'))).toEqual([]);
  });
});

describe('nextMarkerAfter', () => {
  it('gives the next marker in the heading\'s own style', () => {
    const model = buildReportModel(TITLE + '一、主要工作\n（二）产业\n(三)城建\n2、种植\n3.养殖\n（4）粮食\n⑨小麦\n今年：一是修路。二是建桥。\n二要严格考核。\n第九，坚持创新。\n——经济发展稳中有进。\n2023年工作回顾\n');
    const cases: Array<[string, string | undefined]> = [
      ['一、', '二、'],
      ['（二）', '（三）'],
      ['(三)', '(四)'],
      ['2、', '3、'],
      ['3.', '4.'],
      ['（4）', '（5）'],
      ['⑨', '⑩'],
      ['二是', '三是'],
      ['二要', '三要'],
      ['第九，', '第十，'],
      ['——', '——'],
      ['2023年', undefined],
    ];
    for (const [start, next] of cases) expect(nextMarkerAfter(model, heading(model, start)), start).toBe(next);
  });

  it('counts past ten in Chinese', () => {
    const model = buildReportModel(TITLE + '十、甲\n十九、乙\n');
    expect(nextMarkerAfter(model, heading(model, '十、'))).toBe('十一、');
    expect(nextMarkerAfter(model, heading(model, '十九、'))).toBe('二十、');
  });
});

describe('applyEdits', () => {
  it('rejects overlapping edits', () => {
    expect(() => applyEdits('abc', [{ start: 0, end: 2, newText: 'x' }, { start: 1, end: 3, newText: 'y' }])).toThrow();
  });
});

describe.skipIf(!hasCorpus)('renumbering: corpus', () => {
  const files = ['national', 'local', 'excerpts'].flatMap((dir) => corpusFiles(dir));

  it('the national and local reports need no renumbering', () => {
    for (const file of files.filter((f) => !f.includes('excerpts'))) expect(renumberDocument(buildReportModel(corpusText(file))), path.basename(file)).toEqual([]);
  });

  it('every file renumbered keeps its outline shape and has no sequence warnings', () => {
    for (const file of files) {
      const text = corpusText(file);
      const fixed = applyEdits(text, renumberDocument(buildReportModel(text)));
      expect(sequenceFindings(fixed), path.basename(file)).toEqual([]);
      const shape = (t: string) => buildReportModel(t).headings.map((h) => `${h.depth}:${h.family}`);
      expect(shape(fixed), path.basename(file)).toEqual(shape(text));
    }
  });
});
