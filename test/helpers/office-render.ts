/**
 * Renders an exported `.docx` with a real office suite (LibreOffice, headless) and reads the PDF
 * back with poppler (`pdftotext -layout`, `pdffonts`, `pdftoppm`), so tests can check the layout a
 * reader gets: lines per page, characters per line, page numbers, fonts. Installed on a fresh
 * machine by `scripts/setup-office.sh`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const TOOLS = ['soffice', 'pdftotext', 'pdffonts', 'pdftoppm'] as const;

/** The office tools that are not on PATH (none: the rendering tests can run). */
export function missingOfficeTools(): string[] {
  return TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
}

/**
 * Converts a `.docx` to PDF with LibreOffice in its own throw-away profile (so a user's running
 * LibreOffice, or another test, does not interfere). Returns the PDF's path in `outDir`.
 */
export function convertToPdf(docx: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'gongwen-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'pipe', timeout: 120000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docx).replace(/\.docx$/i, '.pdf'));
}

/** The text of each page, laid out (`pdftotext -layout`). */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** One row of `pdffonts`. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts of a PDF (`pdffonts`). */
export function pdfFonts(pdf: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni objectID gen: emb is the sixth column from the end.
    return { name: cols[0], type: cols.slice(1, cols.length - 6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Writes PNGs of pages `first`–`last` at `dpi` (`pdftoppm -png`): `<prefix>-1.png`, `<prefix>-2.png`. */
export function pagePngs(pdf: string, prefix: string, first = 1, last = 2, dpi = 60): void {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(first), '-l', String(last), pdf, prefix]);
}

/** What one rendered page holds. */
export interface PageFigures {
  /** Text lines above the page number. */
  lines: string[];
  /** The page number line as printed, e.g. `— 2 —`, or undefined. */
  pageNumber?: string;
  /** Whether the page number sits in the left or the right half of the line. */
  pageNumberSide?: 'left' | 'right';
  /** The widest line, in full-width characters (a half-width character counts one half). */
  widest: number;
  /**
   * The widest line without a closing punctuation mark at its end, which Chinese typesetting (Word's
   * 允许标点溢出边界, LibreOffice's hanging punctuation) lets hang past the text block rather than
   * start the next line with it.
   */
  widestInBlock: number;
}

/** Closing punctuation that may hang past the end of a line. */
const HANGING = /[，。、；：！？）》」』”’]$/;

/** Width of a line in full-width characters, spaces inserted by pdftotext left out. */
export function lineWidth(line: string): number {
  let width = 0;
  for (const ch of line.replace(/\s/g, '')) width += /[\u0000-\u00ff\uff61-\uffdc]/.test(ch) ? 0.5 : 1;
  return width;
}

/**
 * The figures of one page of `pdftotext -layout` output: its lines, its page number and side.
 *
 * @example pageFigures('  现在，我代表…\n                         — 1 —\n').pageNumber // '— 1 —'
 */
export function pageFigures(page: string): PageFigures {
  const lines = page.split('\n').filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  const numbered = /^\s*—\s*\d+\s*—\s*$/.test(last);
  const body = numbered ? lines.slice(0, -1) : lines;
  const widthOfPage = Math.max(...lines.map((l) => l.length));
  return {
    lines: body.map((l) => l.trim()),
    pageNumber: numbered ? last.trim() : undefined,
    pageNumberSide: numbered ? (last.search(/\S/) > widthOfPage / 3 ? 'right' : 'left') : undefined,
    widest: Math.max(0, ...body.map(lineWidth)),
    widestInBlock: Math.max(0, ...body.map((l) => lineWidth(l.trimEnd().replace(HANGING, '')))),
  };
}

/** A word of a PDF page with its box, in millimetres from the top left corner. */
export interface PdfWord {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The words of one page with their boxes (`pdftotext -bbox`), in millimetres. */
export function pdfWords(pdf: string, page: number): PdfWord[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf8' });
  const mm = (pt: string) => (Number(pt) * 25.4) / 72;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5],
    left: mm(m[1]),
    top: mm(m[2]),
    right: mm(m[3]),
    bottom: mm(m[4]),
  }));
}
