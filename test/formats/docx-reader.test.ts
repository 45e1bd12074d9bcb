import { describe, expect, it } from 'vitest';
import { analyze, defaultSettings, outlineOf, type OutlineSymbol } from '../../server/src/engine';
import { describeWordLine, readDocx } from '../../server/src/formats/docx-reader';
import { formatNumber } from '../../server/src/formats/word-numbering';
import { listP, lvl, makeDocx, p } from '../helpers/docx-fixture';

/** A multilevel list as Word's 一、/（一）/1. preset writes it. */
const REPORT_LIST = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

function read(bytes: Uint8Array): { text: string; lines: ReturnType<typeof readDocx> } {
  const result = readDocx(bytes);
  if (!result.ok) throw new Error(result.reason);
  return { text: result.text, lines: result };
}

function outlineNames(text: string): string[] {
  const out: string[] = [];
  const walk = (symbols: readonly OutlineSymbol[]) => symbols.forEach((s) => (out.push(`${'  '.repeat(s.depth - 1)}${s.name}`), walk(s.children)));
  walk(outlineOf(analyze(text, defaultSettings()).model));
  return out;
}

describe('readDocx: the text as a reader sees it', () => {
  it('writes out the numbers of Word list paragraphs, restarting lower levels, so the outline equals that of the typed text', () => {
    const typed = [
      '柳溪镇2024年政府工作报告',
      '各位代表：',
      '现在，我代表镇人民政府向大会报告工作，请予审议。',
      '一、2023年工作回顾',
      '一年来，全镇经济持续回升向好。',
      '（一）产业发展提质增效。新引进项目9个。',
      '（二）城乡面貌持续改善。完成道路硬化12公里。',
      '二、2024年工作安排',
      '（一）聚焦产业振兴。加快园区建设。',
      '1.推进农产品加工',
      '2.培育文旅业态',
      '（二）聚焦民生保障。新增就业岗位300个。',
      '三、全面加强政府自身建设',
      '我们将坚持依法行政，努力建设人民满意的政府。',
    ].join('\n');
    const body = [
      p('柳溪镇2024年政府工作报告'),
      p('各位代表：'),
      p('现在，我代表镇人民政府向大会报告工作，请予审议。'),
      listP('2023年工作回顾', 1, 0),
      p('一年来，全镇经济持续回升向好。'),
      listP('产业发展提质增效。新引进项目9个。', 1, 1),
      listP('城乡面貌持续改善。完成道路硬化12公里。', 1, 1),
      listP('2024年工作安排', 1, 0),
      listP('聚焦产业振兴。加快园区建设。', 1, 1),
      listP('推进农产品加工', 1, 2),
      listP('培育文旅业态', 1, 2),
      listP('聚焦民生保障。新增就业岗位300个。', 1, 1),
      listP('全面加强政府自身建设', 1, 0),
      p('我们将坚持依法行政，努力建设人民满意的政府。'),
    ].join('');
    const { text } = read(makeDocx({ body, numbering: REPORT_LIST }));
    expect(text).toBe(typed);
    expect(outlineNames(text)).toEqual(outlineNames(typed));
    expect(outlineNames(text)[0]).toBe('一、2023年工作回顾');
  });

  it('takes a list from the paragraph style (标题 1 linked to a list), through basedOn', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="1"/></w:style>`;
    const { text } = read(makeDocx({ body: p('总体要求', '<w:pStyle w:val="1"/>') + p('主要任务', '<w:pStyle w:val="Mine"/>'), numbering: REPORT_LIST, styles }));
    expect(text).toBe('一、总体要求\n二、主要任务');
  });

  it('continues a list across two list instances of one definition, and restarts at a w:startOverride', () => {
    const numbering = `<w:abstractNum w:abstractNumId="5">${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const { text } = read(makeDocx({ body: listP('甲', 1, 0) + listP('乙', 2, 0) + listP('丙', 3, 0) + listP('丁', 3, 0), numbering }));
    expect(text).toBe('一、甲\n二、乙\n一、丙\n二、丁');
  });

  it('writes the number formats of Chinese reports: 甲乙丙, ①②, full-width digits, 壹贰; a bullet draws no number', () => {
    expect([1, 2, 10, 11, 20, 21].map((n) => formatNumber(n, 'chineseCountingThousand'))).toEqual(['一', '二', '十', '十一', '二十', '二十一']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(12, 'decimalEnclosedCircle')).toBe('⑫');
    expect(formatNumber(7, 'decimalFullWidth')).toBe('７');
    expect(formatNumber(2, 'chineseLegalSimplified')).toBe('贰');
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimalEnclosedCircle', '%1')}${lvl(1, 'bullet', '•')}</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>`;
    const { text } = read(makeDocx({ body: listP('加快建设', 4, 0) + listP('要点', 4, 1) + listP('强化保障', 4, 0), numbering }));
    expect(text).toBe('①加快建设\n要点\n②强化保障');
  });

  it('follows w:lvlRestart (0: never restart), a w:lvlOverride that replaces a level, and w:isLgl (1.1 in Arabic digits)', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}${lvl(2, 'decimal', '%1.%3', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'ideographTraditional', '%1．')}</w:lvlOverride></w:num>`;
    const body = listP('甲', 1, 0) + listP('子', 1, 1) + listP('乙', 1, 0) + listP('丑', 1, 1) + listP('寅', 1, 2) + listP('天干', 2, 0) + listP('地支', 2, 0);
    expect(read(makeDocx({ body, numbering })).text).toBe('一、甲\n1.子\n二、乙\n2.丑\n2.1寅\n甲．天干\n乙．地支');
  });

  it('takes the levels of a list that uses a list style (w:numStyleLink) from the definition of that style (w:styleLink)', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ReportList"/>${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>` +
      `<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>`;
    expect(read(makeDocx({ body: listP('总体要求', 7, 0) + listP('稳增长', 7, 1), numbering })).text).toBe('一、总体要求\n（一）稳增长');
  });

  it('a tab after 1. reads as a space; w:suff nothing reads as nothing', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:suff w:val="nothing"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const { text } = read(makeDocx({ body: listP('Plan', 1, 0) + listP('细则', 1, 1), numbering }));
    expect(text).toBe('1. Plan\n1.1细则');
  });

  it('keeps inserted tracked changes, drops deleted ones, hidden text, comments, drawings; tabs and line breaks stay', () => {
    const body =
      `<w:p><w:r><w:t>全年实现</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>生产总值</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>地区生产总值</w:t></w:r></w:ins>` +
      `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>xx亿元</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` +
      `<w:r><w:drawing><w:t>图中文字</w:t></w:drawing><w:tab/><w:t>（表）</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>`;
    const { text } = read(makeDocx({ body, extra: { 'word/header1.xml': '<w:hdr><w:p><w:r><w:t>页眉文字</w:t></w:r></w:p></w:hdr>', 'word/comments.xml': '<w:comments><w:comment><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment></w:comments>' } }));
    expect(text).toBe('全年实现地区生产总值xx亿元\t（表）\n第二行');
  });

  it('reads each table row as one line, cells separated by tabs, and footnotes then endnotes after the text', () => {
    const cell = (t: string) => `<w:tc><w:tcPr/>${p(t)}</w:tc>`;
    const body = p('主要指标如下：') + `<w:tbl><w:tblPr/><w:tr>${cell('指标')}${cell('完成')}</w:tr><w:tr>${cell('生产总值')}${cell('12亿元')}</w:tr></w:tbl>` + p('以上。');
    const footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>数据来源：统计站。</w:t></w:r></w:p></w:footnote>`;
    const endnotes = `<w:endnote w:type="continuationSeparator" w:id="0"><w:p/></w:endnote><w:endnote w:id="1"><w:p><w:r><w:t>尾注说明。</w:t></w:r></w:p></w:endnote>`;
    const result = readDocx(makeDocx({ body, footnotes, endnotes }));
    expect(result.ok && result.text).toBe('主要指标如下：\n指标\t完成\n生产总值\t12亿元\n以上。\n\n数据来源：统计站。\n\n尾注说明。');
    if (!result.ok) return;
    expect(result.lines.map((l) => describeWordLine(l, 'zh'))).toEqual(['第 1 段', '第 2 段（表格第 1 行）', '第 4 段（表格第 2 行）', '第 6 段', '脚注', '脚注', '尾注', '尾注']);
    expect(describeWordLine(result.lines[3], 'en')).toBe('paragraph 6');
  });

  it('says to save an old .doc (an OLE compound file) as .docx, and refuses what is not a Word package', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const doc = readDocx(ole);
    expect(doc.ok).toBe(false);
    expect(!doc.ok && doc.reason).toMatch(/另存为.*\.docx/);
    expect(readDocx(new TextEncoder().encode('一、总体要求')).ok).toBe(false);
    const notWord = readDocx(makeDocx({ body: '' }).slice(0, 30));
    expect(notWord.ok).toBe(false);
  });
});
