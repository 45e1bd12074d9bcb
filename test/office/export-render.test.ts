/**
 * The exported Word document as a real office suite renders it: LibreOffice converts it to PDF
 * and poppler reads the PDF back. Skipped, with the reason, when the tools are absent; the e2e
 * stage installs them (`scripts/setup-office.sh`) and sets GONGWEN_REQUIRE_OFFICE=1 so that there
 * a missing tool fails instead of skipping.
 */
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, defaultSettings } from '../../server/src/engine';
import { DEFAULT_EXPORT_FONTS, exportDocx } from '../../server/src/formats/docx-export';
import { docxPartText } from '../helpers/docx-inspect';
import { longReport } from '../helpers/long-report';
import { convertToPdf, missingOfficeTools, pageFigures, pagePngs, pdfFonts, pdfPages, pdfWords, type PageFigures, type PdfFont, type PdfWord } from '../helpers/office-render';

const missing = missingOfficeTools();
if (missing.length > 0 && process.env.GONGWEN_REQUIRE_OFFICE === '1') throw new Error(`office tools missing: ${missing.join(', ')} (run scripts/setup-office.sh)`);
const OUT = resolve(__dirname, '../../test-results/export');

describe.skipIf(missing.length > 0)(`exported Word document rendered by LibreOffice${missing.length ? ` (skipped: ${missing.join(', ')} not installed; run scripts/setup-office.sh)` : ''}`, () => {
  let pages: PageFigures[] = [];
  let fonts: PdfFont[] = [];
  let docx: Uint8Array;
  let words: PdfWord[][] = [];

  beforeAll(async () => {
    const text = longReport(3);
    docx = await exportDocx(text, analyze(text, defaultSettings()).model);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'long-report.docx');
    writeFileSync(file, docx);
    const pdf = convertToPdf(file, OUT);
    pages = pdfPages(pdf).map(pageFigures);
    fonts = pdfFonts(pdf);
    pagePngs(pdf, join(OUT, 'page'));
    words = [pdfWords(pdf, 2), pdfWords(pdf, 3)];
    writeFileSync(join(OUT, 'figures.json'), JSON.stringify({ pages: pages.map((p) => ({ lines: p.lines.length, widest: p.widest, widestInBlock: p.widestInBlock, pageNumber: p.pageNumber, side: p.pageNumberSide })), fonts }, null, 2));
  }, 180000);

  it('fills a full body page with 22 lines of at most 28 characters, full lines holding exactly 28', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const body = pages.slice(1, -1);
    for (const page of body) {
      expect(page.lines).toHaveLength(22);
      // 28 in the text block; a closing 。 or ， may hang past it, as Chinese typesetting allows.
      expect(page.widestInBlock).toBe(28);
      expect(page.widest).toBeLessThanOrEqual(29);
      const full = page.lines.filter((l, i) => i + 1 < page.lines.length && !/^\s/.test(page.lines[i + 1] ?? ''));
      expect(full.length).toBeGreaterThan(10);
    }
  });

  it('numbers pages — N —, odd pages on the right and even pages on the left', () => {
    pages.forEach((page, i) => {
      expect(page.pageNumber?.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      expect(page.pageNumberSide).toBe(i % 2 === 0 ? 'right' : 'left');
    });
  });

  it('puts the title on the first line of page 1, then the meeting line, one blank line and the salutation: 22 lines in all', () => {
    expect(pages[0].lines[0]).toBe('青石镇二〇二五年政府工作报告');
    expect(pages[0].lines[1]).toBe('（二〇二五年一月八日在镇人民代表大会上）');
    expect(pages[0].lines[2].replace(/\s/g, '')).toBe('各位代表：');
    expect(pages[0].lines).toHaveLength(21);
  });

  it('places the text block 28 mm from the left, 156 mm wide, ending 262 mm down; the page number\'s dashes 7 mm below it, one character in', () => {
    const measures: Record<string, number> = {};
    for (const [i, page] of words.entries()) {
      const isNumber = (w: PdfWord) => /^[—\d]+$/.test(w.text) && w.top > 262;
      const body = page.filter((w) => !isNumber(w));
      const number = page.filter(isNumber);
      const left = Math.min(...body.map((w) => w.left));
      // A closing 。 or ， may hang one character past the block (see widestInBlock above).
      const right = Math.max(...body.filter((w) => !/[，。、；：！？）”]$/.test(w.text)).map((w) => w.right));
      const bottom = Math.max(...body.map((w) => w.bottom));
      const dash = number.find((w) => w.text === '—')!;
      const dashMiddle = (dash.top + dash.bottom) / 2;
      Object.assign(measures, { [`p${i + 2}.left`]: left, [`p${i + 2}.right`]: right, [`p${i + 2}.bottom`]: bottom, [`p${i + 2}.dashBelowBlock`]: dashMiddle - 262 });
      expect(left).toBeCloseTo(28, 0);
      expect(right).toBeGreaterThan(182.5);
      expect(right).toBeLessThanOrEqual(184.5);
      expect(bottom).toBeLessThanOrEqual(262.5);
      expect(dashMiddle - 262).toBeGreaterThan(6);
      expect(dashMiddle - 262).toBeLessThan(8);
      // 一字 of 4号 (14 pt ≈ 4.9 mm) in from the edge of the text block: even pages left, odd pages right.
      const oneChar = (14 * 25.4) / 72;
      if (i % 2 === 0) {
        expect(Math.min(...number.map((w) => w.left)) - 28).toBeCloseTo(oneChar, 0);
        measures[`p${i + 2}.numberIn`] = Math.min(...number.map((w) => w.left)) - 28;
      } else {
        expect(184 - Math.max(...number.map((w) => w.right))).toBeCloseTo(oneChar, 0);
        measures[`p${i + 2}.numberIn`] = 184 - Math.max(...number.map((w) => w.right));
      }
    }
    writeFileSync(join(OUT, 'measures.json'), JSON.stringify(measures, null, 2));
  });

  it('requests the standard fonts in the document, and the PDF embeds a CJK font for them', () => {
    const xml = docxPartText(docx, 'word/document.xml') + docxPartText(docx, 'word/footer1.xml');
    for (const name of Object.values(DEFAULT_EXPORT_FONTS)) expect(xml).toContain(`w:eastAsia="${name}"`);
    // This machine has none of 小标宋/仿宋_GB2312/黑体/楷体_GB2312/宋体: LibreOffice substitutes an
    // installed CJK font (fonts-wqy-zenhei here), embedded so the PDF shows the Chinese text.
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => /WenQuanYi|Noto.*CJK|Source.*Han|Sim(Sun|Hei)|FangSong|KaiTi|Song|Hei|Kai/i.test(f.name))).toBe(true);
  });

  it('saves PNGs of pages 1 and 2 for a person to look at', () => {
    expect(existsSync(join(OUT, 'page-1.png'))).toBe(true);
    expect(existsSync(join(OUT, 'page-2.png'))).toBe(true);
  });
});
