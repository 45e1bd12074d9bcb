/**
 * Writes a report as a Word document laid out per GB/T 9704-2012 (党政机关公文格式): A4, top margin
 * 37 mm, left 28 mm, a 156 × 225 mm text block of 22 lines × 28 characters; the title in 2号 小标宋
 * centred; body in 3号 仿宋 indented two characters; level-1 headings in 黑体, level-2 in 楷体,
 * levels 3 and 4 in 仿宋; the meeting line `（…在…会议上）` in 楷体 centred; page numbers `— 1 —`
 * in 4号 宋体, odd pages right and even pages left, one character in from the edge.
 *
 * The heading levels are those of the engine's heading tree. Every run names its fonts explicitly
 * (ASCII, high ANSI and East Asian alike, no theme fonts) so WPS renders it as Word does.
 *
 * Pure: text and model in, bytes out.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isPointFamily, type Heading, type ReportModel } from '../engine';

/**
 * The fonts of the layout, by role; defaults are the names GB/T 9704 gives.
 *
 * @example { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' }
 */
export interface ExportFonts {
  /** 小标宋: the title. */
  title: string;
  /** 仿宋: body text, level-3 and level-4 headings. */
  body: string;
  /** 黑体: level-1 headings (`一、`). */
  heading1: string;
  /** 楷体: level-2 headings (`（一）`) and the meeting line. */
  heading2: string;
  /** 宋体: page numbers. */
  pageNumber: string;
}

/** The standard's font names: 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体. */
export const DEFAULT_EXPORT_FONTS: Readonly<ExportFonts> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
};

/**
 * Font settings as given by a user (`gongwen.export.fonts`), checked: unknown roles and non-string
 * names are dropped, missing roles take the defaults.
 *
 * @example exportFontsFrom({ body: '仿宋' }).body // '仿宋'
 */
export function exportFontsFrom(raw: unknown): ExportFonts {
  const fonts: ExportFonts = { ...DEFAULT_EXPORT_FONTS };
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(fonts) as (keyof ExportFonts)[]) {
      const value = (raw as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) fonts[key] = value.trim();
    }
  }
  return fonts;
}

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/**
 * The measures of GB/T 9704-2012 §5.2, in twips (1/20 pt) unless named otherwise.
 *
 * @example GBT9704.top // 2098 (37 mm, 天头); GBT9704.bodySize // 32 half-points (3号 仿宋)
 */
export const GBT9704 = {
  pageWidth: mm(210),
  pageHeight: mm(297),
  top: mm(37),
  left: mm(28),
  textWidth: mm(156),
  textHeight: mm(225),
  right: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
  linesPerPage: 22,
  charsPerLine: 28,
  /** 3号 = 16 pt, in half-points. */
  bodySize: 32,
  /** 2号 = 22 pt. */
  titleSize: 44,
  /** 4号 = 14 pt. */
  pageNumberSize: 28,
  /** 7 mm between the text block and the dashes of the page number (§7.5). */
  pageNumberGap: mm(7),
} as const;

/** Line pitch: 225 mm over 22 lines (579 twips, as in Word's 公文 templates). */
const LINE_PITCH = Math.floor(GBT9704.textHeight / GBT9704.linesPerPage);
/** Character pitch: 156 mm over 28 characters. */
const CHAR_PITCH = GBT9704.textWidth / GBT9704.charsPerLine;
/**
 * `w:charSpace`: how much the grid's character pitch differs from the 3号 font size, in 1/4096 pt.
 * Word and WPS fit 28 characters on a line by this, a little less than 16 pt apart.
 */
const CHAR_SPACE = Math.round((CHAR_PITCH / 20 - GBT9704.bodySize / 2) * 4096);
/** Character spacing that makes 3号 characters 156/28 mm apart where the grid is not applied (in twips). */
const RUN_SPACING = Math.floor(CHAR_PITCH - GBT9704.bodySize * 10);

/**
 * GB/T 9704 fills every page with 22 lines; Word's default widow control would leave a page short
 * to keep two lines of a paragraph together. (`docx` writes it in styles but does not type it there.)
 */
const WIDOWS_ALLOWED = { widowControl: false } as object;

/** What a line of the report is, for layout. */
type LineRole = 'title' | 'meeting' | 'byline' | 'salutation' | 'body' | 'table';

/** One line of the report, without its leading and trailing blanks. */
interface ReportLine {
  text: string;
  start: number;
  end: number;
}

/**
 * Builds the Word document of a report.
 *
 * @example const bytes = await exportDocx(text, analyze(text, settings).model)
 */
export async function exportDocx(text: string, model: ReportModel, fonts: ExportFonts = DEFAULT_EXPORT_FONTS): Promise<Uint8Array> {
  const doc = buildDocument(text, model, fonts);
  return titlesOffGrid(new Uint8Array(await Packer.toBuffer(doc)));
}

/**
 * The `docx` document object of a report (before packing), for {@link exportDocx}.
 *
 * @example buildDocument('XX镇2024年政府工作报告\n一、2023年工作回顾\n…', model, DEFAULT_EXPORT_FONTS)
 */
export function buildDocument(text: string, model: ReportModel, fonts: ExportFonts): Document {
  const lines = reportLines(text);
  const headingAt = new Map<number, Heading>();
  // Lead paragraphs (`一年来，我们…`) and points (`一是…`) are outline entries but body text on paper.
  for (const h of model.headings) if (h.placement !== 'inline' && h.family !== 'lead' && !isPointFamily(h.family)) headingAt.set(h.start, h);
  const children: (Paragraph | Table)[] = [];
  let frontMatter = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const role = roleOf(line, model, frontMatter, headingAt.has(line.start));
    if (frontMatter && role !== 'title' && role !== 'meeting' && role !== 'byline') {
      frontMatter = false;
      // GB/T 9704 §7.3.3: one blank line between the title and what follows.
      if (children.length > 0) children.push(new Paragraph({ ...bodyParagraph(), children: [run('', fonts.body)] }));
    }
    if (role === 'table') {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].text.includes('\t')) rows.push(lines[i++].text.split('\t'));
      i--;
      children.push(table(rows, fonts));
      continue;
    }
    children.push(paragraphOf(line, role, headingAt.get(line.start), text, fonts));
  }
  const runBase = { font: fontOf(fonts.body), size: GBT9704.bodySize };
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: runBase, paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT }, ...WIDOWS_ALLOWED } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: GBT9704.pageWidth, height: GBT9704.pageHeight },
            margin: { top: GBT9704.top, left: GBT9704.left, right: GBT9704.right, bottom: GBT9704.bottom, header: mm(15), footer: GBT9704.bottom - GBT9704.pageNumberGap - mm(3.5), gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd', fonts), even: pageNumberFooter('even', fonts) },
        children,
      },
    ],
  });
}

/** Non-blank lines with their offsets, leading and trailing blanks (indent spaces `　　`) trimmed. */
function reportLines(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  const re = /[^\r\n]+/g;
  for (let m; (m = re.exec(text)); ) {
    const lead = m[0].length - m[0].replace(/^[\s\u3000\ufeff]+/, '').length;
    const trimmed = m[0].trim().replace(/^[\u3000\ufeff]+|[\u3000]+$/g, '');
    if (!trimmed) continue;
    lines.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return lines;
}

const MEETING_LINE = /^[（(].{0,60}在.{1,60}(会议|大会)上.{0,20}[)）]$/;
const SALUTATION = /^[^，。；！？,.]{2,24}[：:]$/;

function roleOf(line: ReportLine, model: ReportModel, frontMatter: boolean, heading = false): LineRole {
  if (model.title && line.start <= model.title.start && model.title.start < line.end + 1) return 'title';
  if (line.text.includes('\t')) return 'table';
  if (MEETING_LINE.test(line.text)) return 'meeting';
  // Between the title and the salutation, a short line without sentence punctuation names the speaker: `镇长　张三`.
  if (frontMatter && !heading && model.title && line.start > model.title.start && line.text.length <= 24 && !/[。，；：！？:;,!?]/.test(line.text)) return 'byline';
  if (!frontMatter) return SALUTATION.test(line.text) && !/^[一二三四五六七八九十（(\d]/.test(line.text) ? 'salutation' : 'body';
  return SALUTATION.test(line.text) ? 'salutation' : 'body';
}

function paragraphOf(line: ReportLine, role: LineRole, heading: Heading | undefined, text: string, fonts: ExportFonts): Paragraph {
  if (role === 'title') return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line.text, fonts.title, GBT9704.titleSize)] });
  if (role === 'meeting' || role === 'byline') return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line.text, fonts.heading2)] });
  if (role === 'salutation') return new Paragraph({ children: [run(line.text, fonts.body)] });
  if (heading && heading.depth <= 2) {
    const headingFont = heading.depth === 1 ? fonts.heading1 : fonts.heading2;
    // A run-in heading ends at the 。 after its text; the body after it stays in the same paragraph, in the body font.
    let split = Math.min(line.end, heading.textEnd);
    if (split < line.end && /[。．.！!？?：:]/.test(text[split])) split++;
    const runs = [run(text.slice(line.start, split), headingFont)];
    if (split < line.end) runs.push(run(text.slice(split, line.end), fonts.body));
    return new Paragraph({ ...bodyParagraph(), children: runs });
  }
  return new Paragraph({ ...bodyParagraph(), children: [run(line.text, fonts.body)] });
}

/** Body paragraphs: first line indented two characters, exact line pitch of the grid. */
function bodyParagraph() {
  return { indent: { firstLineChars: 200, firstLine: GBT9704.bodySize * 20 }, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT }, widowControl: false };
}

/** The font of a run, named for every script so neither Word nor WPS falls back to a theme font. */
function fontOf(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

function run(text: string, font: string, size: number = GBT9704.bodySize): TextRun {
  return new TextRun({ text, font: fontOf(font), size, sizeComplexScript: size, characterSpacing: size === GBT9704.bodySize ? RUN_SPACING : undefined });
}

/**
 * Takes the 2号 title paragraphs off the line grid (`<w:snapToGrid w:val="0"/>`, which the `docx`
 * writer has no option for): LibreOffice gives a line taller than the grid pitch two grid lines,
 * so page 1 would hold 21 lines; off the grid, the exact 579-twip spacing keeps it to one, as in Word.
 */
function titlesOffGrid(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']);
  const title = new RegExp(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>(?=<w:r><w:rPr>(?:(?!</w:rPr>).)*<w:sz w:val="${GBT9704.titleSize}"/>)`, 'g');
  files['word/document.xml'] = strToU8(xml.replace(title, '<w:p><w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr>'));
  return zipSync(files);
}

/** A table of the report's tab-separated rows, columns of equal, fixed width over the text block. */
function table(rows: string[][], fonts: ExportFonts): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(GBT9704.textWidth / columns);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from({ length: columns }, (_, k) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [new Paragraph({ spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT }, children: [run(cells[k] ?? '', fonts.body, GBT9704.pageNumberSize)] })],
            }),
          ),
        }),
    ),
  });
}

/** `— 1 —` in 4号 半角 宋体; odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even', fonts: ExportFonts): Footer {
  const oneChar = GBT9704.pageNumberSize * 10;
  const font = fontOf(fonts.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: GBT9704.pageNumberSize, sizeComplexScript: GBT9704.pageNumberSize })],
      }),
    ],
  });
}
