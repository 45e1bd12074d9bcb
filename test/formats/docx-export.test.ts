import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, defaultSettings, outlineOf, type OutlineSymbol } from '../../server/src/engine';
import { DEFAULT_EXPORT_FONTS, exportDocx, exportFontsFrom, GBT9704 } from '../../server/src/formats/docx-export';
import { readDocx } from '../../server/src/formats/docx-reader';
import { markdownToReportText } from '../../server/src/formats/markdown-projection';
import { corpusFiles, corpusText, hasCorpus, LOCAL_GOV_REPORTS } from '../helpers/corpus';
import { listP, lvl, makeDocx, p } from '../helpers/docx-fixture';
import { docxParts, docxPartText, findAll, paragraphsOf } from '../helpers/docx-inspect';

const EXAMPLE = readFileSync(new URL('../../examples/town-work-report.txt', import.meta.url), 'utf8');

async function exportText(text: string, fonts = DEFAULT_EXPORT_FONTS): Promise<Uint8Array> {
  return exportDocx(text, analyze(text, defaultSettings()).model, fonts);
}

function readBack(bytes: Uint8Array): string {
  const result = readDocx(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

function outline(text: string): string[] {
  const out: string[] = [];
  const walk = (symbols: readonly OutlineSymbol[]) => symbols.forEach((s) => (out.push(`${s.depth} ${s.family} ${s.name}`), walk(s.children)));
  walk(outlineOf(analyze(text, defaultSettings()).model));
  return out;
}

/** Findings by rule, message and the text they quote: positions differ once blank lines are gone. */
function findings(text: string): string[] {
  return analyze(text, defaultSettings()).findings.map((f) => `${f.ruleId} ${f.message.en} «${text.slice(f.start, f.end)}»`);
}

describe('exportDocx: a GB/T 9704-2012 Word document', () => {
  it('sets A4, top margin 37 mm, left 28 mm, a 156 × 225 mm text block, a line grid of 22 lines, odd/even footers', async () => {
    const bytes = await exportText(EXAMPLE);
    const parts = docxParts(bytes);
    const sect = findAll(parts['word/document.xml'], 'sectPr')[0];
    const size = findAll(sect, 'pgSz')[0].attrs;
    const margin = findAll(sect, 'pgMar')[0].attrs;
    const twipsToMm = (t: string | number) => Math.round((Number(t) * 25.4) / 1440);
    expect([twipsToMm(size.w), twipsToMm(size.h)]).toEqual([210, 297]);
    expect([twipsToMm(margin.top), twipsToMm(margin.left)]).toEqual([37, 28]);
    expect(twipsToMm(Number(size.w) - Number(margin.left) - Number(margin.right))).toBe(156);
    expect(twipsToMm(Number(size.h) - Number(margin.top) - Number(margin.bottom))).toBe(225);
    const grid = findAll(sect, 'docGrid')[0].attrs;
    expect(Math.floor((Number(size.h) - Number(margin.top) - Number(margin.bottom)) / Number(grid.linePitch))).toBe(22);
    expect(findAll(parts['word/settings.xml'], 'evenAndOddHeaders')).toHaveLength(1);
    const footerTypes = findAll(sect, 'footerReference').map((f) => f.attrs.type).sort();
    expect(footerTypes).toEqual(['default', 'even']);
  });

  it('names the East Asian and Latin fonts on every run, uses no theme font, and lays out title, headings and run-in bodies by the heading tree', async () => {
    const bytes = await exportText(EXAMPLE);
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'word/footer2.xml']) expect(docxPartText(bytes, name)).not.toMatch(/Theme=/);
    const paragraphs = paragraphsOf(docxParts(bytes)['word/document.xml']);
    const runs = paragraphs.flatMap((q) => q.runs).filter((r) => r.text);
    for (const r of runs) {
      expect(r.fonts.eastAsia, r.text).toBeTruthy();
      expect(r.fonts.ascii).toBe(r.fonts.eastAsia);
      expect(r.fonts.hAnsi).toBe(r.fonts.eastAsia);
    }
    const find = (start: string) => paragraphs.find((q) => q.runs.map((r) => r.text).join('').startsWith(start))!;
    const title = find('青石镇2024年政府工作报告');
    expect(title.align).toBe('center');
    expect(title.runs[0]).toMatchObject({ fonts: { eastAsia: '方正小标宋简体' }, size: String(GBT9704.titleSize) });
    expect(find('一、2023年工作回顾').runs.map((r) => r.fonts.eastAsia)).toEqual(['黑体']);
    const runIn = find('（一）产业发展提质增效。');
    expect(runIn.runs.map((r) => [r.text.slice(0, 9), r.fonts.eastAsia])).toEqual([
      ['（一）产业发展提质', '楷体_GB2312'],
      ['新引进项目12个，', '仿宋_GB2312'],
    ]);
    expect(runIn.runs[0].text).toBe('（一）产业发展提质增效。');
    expect(find('过去一年').runs[0]).toMatchObject({ fonts: { eastAsia: '仿宋_GB2312' }, size: String(GBT9704.bodySize) });
  });

  it('writes the meeting line in 楷体 centred and page numbers as — N — in 4号 宋体, odd right and even left', async () => {
    const text = EXAMPLE.replace('\n', '\n（2024年1月8日在青石镇第十届人民代表大会第四次会议上）\n');
    const bytes = await exportText(text);
    const meeting = paragraphsOf(docxParts(bytes)['word/document.xml']).find((q) => q.runs[0]?.text.startsWith('（2024年1月8日'))!;
    expect(meeting.align).toBe('center');
    expect(meeting.runs[0].fonts.eastAsia).toBe('楷体_GB2312');
    const parts = docxParts(bytes);
    const rels = docxPartText(bytes, 'word/_rels/document.xml.rels');
    const sect = findAll(parts['word/document.xml'], 'sectPr')[0];
    const footerOf = (type: string) => {
      const id = findAll(sect, 'footerReference').find((f) => f.attrs.type === type)!.attrs.id;
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return parts[`word/${target[1] ?? target[2]}`];
    };
    const odd = footerOf('default');
    const even = footerOf('even');
    expect(findAll(odd, 'jc')[0].attrs.val).toBe('right');
    expect(Number(findAll(odd, 'ind')[0].attrs.right)).toBe(GBT9704.pageNumberSize * 10);
    expect(findAll(even, 'jc')[0].attrs.val).toBe('left');
    expect(Number(findAll(even, 'ind')[0].attrs.left)).toBe(GBT9704.pageNumberSize * 10);
    const oddXml = JSON.stringify(odd);
    expect(oddXml).toContain('— ');
    expect(oddXml).toContain('PAGE');
    expect(findAll(odd, 'rFonts')[0].attrs.eastAsia).toBe('宋体');
    expect(findAll(odd, 'sz')[0].attrs.val).toBe('28');
  });

  it('centres a speaker line between title and salutation in 楷体, and keeps lead paragraphs and points in the body font', async () => {
    const text = EXAMPLE.replace('\n', '\n镇长　李明\n');
    const paragraphs = paragraphsOf(docxParts(await exportText(text))['word/document.xml']);
    const byline = paragraphs.find((q) => q.runs[0]?.text === '镇长　李明')!;
    expect(byline.align).toBe('center');
    expect(byline.runs[0].fonts.eastAsia).toBe('楷体_GB2312');
    const salutation = paragraphs.find((q) => q.runs[0]?.text === '各位代表：')!;
    expect(salutation.runs[0].fonts.eastAsia).toBe('仿宋_GB2312');
  });

  it('writes a Word table (tab-separated rows, as the reader gives them) with fixed column widths over the text block', async () => {
    const text = `${EXAMPLE.split('\n')[0]}\n主要指标如下：\n指标\t目标\t完成\n生产总值\t12亿元\t12.5亿元\n以上。\n`;
    const bytes = await exportText(text);
    const document = docxParts(bytes)['word/document.xml'];
    const table = findAll(document, 'tbl')[0];
    expect(findAll(table, 'tblLayout')[0].attrs.type).toBe('fixed');
    const grid = findAll(table, 'gridCol').map((c) => Number(c.attrs.w));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(GBT9704.textWidth);
    expect(grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(GBT9704.textWidth - 3);
    for (const w of findAll(table, 'tcW')) expect([w.attrs.type, Number(w.attrs.w)]).toEqual(['dxa', grid[0]]);
    for (const r of findAll(table, 'rFonts')) expect(r.attrs.eastAsia).toBe('仿宋_GB2312');
    expect(readBack(bytes).split('\n').slice(2, 5)).toEqual(['主要指标如下：', '指标\t目标\t完成', '生产总值\t12亿元\t12.5亿元']);
  });

  it('takes the font names from the settings, the standard names where none is given', async () => {
    const fonts = exportFontsFrom({ body: '仿宋', heading2: '楷体', unknown: 'x', title: 3 });
    expect(fonts).toEqual({ ...DEFAULT_EXPORT_FONTS, body: '仿宋', heading2: '楷体' });
    const xml = docxPartText(await exportText(EXAMPLE, fonts), 'word/document.xml');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="楷体"');
    expect(xml).not.toContain('仿宋_GB2312');
  });
});

describe('round trip: text, Markdown or Word → exported Word → read back', () => {
  it('keeps the outline and findings of the example report', async () => {
    const back = readBack(await exportText(EXAMPLE));
    expect(outline(back)).toEqual(outline(EXAMPLE));
    expect(findings(back)).toEqual(findings(EXAMPLE));
  });

  it('exports a Markdown draft without its markup', async () => {
    const md = `# 青石镇2024年政府工作报告\n\n各位代表：\n\n## 一、2023年工作回顾\n\n**（一）产业发展提质增效。**新引进项目12个。\n\n## 二、2024年工作安排\n\n详见[附件](https://example.cn/a.pdf)。\n`;
    const text = markdownToReportText(md);
    expect(text).not.toMatch(/[#*[\]]|https/);
    const back = readBack(await exportText(text));
    expect(outline(back)).toEqual(['1 cn-dun 一、2023年工作回顾', '2 cn-paren （一）产业发展提质增效', '1 cn-dun 二、2024年工作安排']);
  });

  it('writes Word-generated list numbers as text, so the exported document has the same outline', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const source = readBack(makeDocx({ body: p('2024年工作要点') + listP('总体要求', 1, 0) + listP('稳增长。全力扩大有效投资。', 1, 1) + listP('重点任务', 1, 0), numbering }));
    const back = readBack(await exportText(source));
    expect(outline(back)).toEqual(outline(source));
    expect(outline(back)[0]).toBe('1 cn-dun 一、总体要求');
  });

  describe.skipIf(!hasCorpus)('heading fonts by the heading tree, on the corpus', () => {
    for (const file of [...LOCAL_GOV_REPORTS, ...corpusFiles('national')]) {
      it(`sets depth-1 headings in 黑体 and depth-2 in 楷体, lead paragraphs and points in 仿宋: ${file}`, async () => {
        const text = corpusText(file);
        const model = analyze(text, defaultSettings()).model;
        const paragraphs = paragraphsOf(docxParts(await exportDocx(text, model))['word/document.xml']).map((q) => ({ text: q.runs.map((r) => r.text).join(''), font: q.runs[0]?.fonts.eastAsia, align: q.align }));
        let from = 0;
        let styled = 0;
        for (const h of model.headings) {
          if (h.placement === 'inline') continue;
          const start = text.slice(h.start, h.textEnd);
          const at = paragraphs.findIndex((q, i) => i >= from && q.text.startsWith(start));
          expect(at, start).toBeGreaterThanOrEqual(0);
          from = at + 1;
          const numberedOrTitle = h.family !== 'lead' && !['cn-point', 'cn-ordinal', 'dash'].includes(h.family);
          const expected = numberedOrTitle && h.depth === 1 ? '黑体' : numberedOrTitle && h.depth === 2 ? '楷体_GB2312' : '仿宋_GB2312';
          if (expected !== '仿宋_GB2312') styled++;
          expect([start, paragraphs[at].font]).toEqual([start, expected]);
        }
        const inHeadingFonts = paragraphs.filter((q) => q.align !== 'center' && (q.font === '黑体' || q.font === '楷体_GB2312'));
        expect(inHeadingFonts).toHaveLength(styled);
      }, 30000);
    }
  });

  describe.skipIf(!hasCorpus)('on the corpus', () => {
    for (const file of [...LOCAL_GOV_REPORTS, ...corpusFiles('national'), ...corpusFiles('excerpts')]) {
      it(`keeps the outline and findings of ${file}`, async () => {
        const text = corpusText(file);
        const back = readBack(await exportText(text));
        expect(outline(back)).toEqual(outline(text));
        expect(findings(back)).toEqual(findings(text));
      }, 30000);
    }
  });
});
