/**
 * Reads the text of a Word document (`.docx`) as a reader sees it: one line per paragraph, the
 * numbers of Word's list feature written out (`一、` shown on screen but never typed), each table
 * row as one line with its cells separated by tabs, footnotes after the text. Headers, footers,
 * comments, hidden text, drawings and deleted tracked changes are left out; inserted changes stay.
 *
 * Pure: bytes in, text out; the caller does the file I/O.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ListCounter, listSeparator, parseNumbering } from './word-numbering';
import { child, childElements, parseXml, textOf, type XmlElement, type XmlNode } from './xml';

/**
 * Where one line of the read text comes from in the Word document, so a finding can be found
 * again in Word: the paragraph number counts every paragraph of the body in order, empty ones and
 * those in table cells included.
 *
 * @example { paragraph: 12, where: 'body' } // 第 12 段
 */
export interface WordLine {
  /** 1-based paragraph number in the body (for a table row: its first paragraph). */
  paragraph: number;
  where: 'body' | 'table' | 'footnote' | 'endnote';
  /** For `table`: 1-based row number within its table. */
  row?: number;
}

/** The text of a `.docx`, and where each of its lines comes from: `{ ok: true, text: '一、总体要求\n…', lines }`. */
export type DocxText = { ok: true; text: string; lines: WordLine[] } | { ok: false; reason: string };

/** Why a file that is not a readable `.docx` cannot be read, in both languages: `…请在 Word 或 WPS 中“另存为” .docx…`. */
export const NOT_DOCX = {
  doc: 'old binary Word format (.doc) or an encrypted document: open it in Word or WPS and save it as .docx / 这是旧版 Word 二进制格式（.doc）或加密文档：请在 Word 或 WPS 中“另存为” .docx 后再检查',
  notZip: 'not a Word .docx document (not a zip package) / 不是 Word .docx 文档（不是 zip 包）',
  noDocument: 'not a Word .docx document (no word/document.xml) / 不是 Word .docx 文档（缺少 word/document.xml）',
} as const;

/**
 * Whether bytes are an OLE compound file: the old `.doc` format, or a password-protected `.docx`.
 *
 * @example isOleCompound(readFileSync('2019年工作总结.doc')) // true
 */
export function isOleCompound(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1;
}

/**
 * Reads a `.docx` package.
 *
 * @example readDocx(bytes) // { ok: true, text: 'XX镇2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n…', lines: [{ paragraph: 1, where: 'body' }, …] }
 */
export function readDocx(bytes: Uint8Array): DocxText {
  if (isOleCompound(bytes)) return { ok: false, reason: NOT_DOCX.doc };
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: NOT_DOCX.notZip };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch (error) {
    return { ok: false, reason: `${NOT_DOCX.notZip}: ${(error as Error).message}` };
  }
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const mainPath = mainDocumentPath(part('_rels/.rels')) ?? 'word/document.xml';
  const documentXml = part(mainPath);
  if (!documentXml) return { ok: false, reason: NOT_DOCX.noDocument };
  const folder = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  const targets = relationshipTargets(part(`${folder}_rels/${mainPath.slice(folder.length)}.rels`), folder);
  try {
    const reader = new BodyReader(
      new ListCounter(parseNumbering(part(targets.numbering ?? `${folder}numbering.xml`))),
      parseStyles(part(targets.styles ?? `${folder}styles.xml`)),
    );
    const body = child(parseXml(documentXml), 'body');
    if (body) reader.blocks(body);
    reader.notes(part(targets.footnotes ?? `${folder}footnotes.xml`), 'footnote');
    reader.notes(part(targets.endnotes ?? `${folder}endnotes.xml`), 'endnote');
    return { ok: true, text: reader.lines.join('\n'), lines: reader.sources };
  } catch (error) {
    return { ok: false, reason: `damaged Word document / Word 文档已损坏: ${(error as Error).message}` };
  }
}

function mainDocumentPath(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  for (const r of childElements(parseXml(rels), 'Relationship')) {
    if (r.attrs.Type?.endsWith('/officeDocument')) return (r.attrs.Target ?? '').replace(/^\//, '');
  }
  return undefined;
}

type PartName = 'numbering' | 'styles' | 'footnotes' | 'endnotes';

function relationshipTargets(rels: string | undefined, folder: string): Partial<Record<PartName, string>> {
  const out: Partial<Record<PartName, string>> = {};
  if (!rels) return out;
  for (const r of childElements(parseXml(rels), 'Relationship')) {
    const type = r.attrs.Type?.slice(r.attrs.Type.lastIndexOf('/') + 1);
    const target = r.attrs.Target ?? '';
    const path = target.startsWith('/') ? target.slice(1) : folder + target;
    if (type === 'numbering' || type === 'styles' || type === 'footnotes' || type === 'endnotes') out[type] = path;
  }
  return out;
}

/** A paragraph style: its list (`w:numPr`), the style it is based on, and whether it hides text. */
interface ParagraphStyle {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

interface Styles {
  byId: Map<string, ParagraphStyle>;
  defaultId?: string;
}

function parseStyles(xml: string | undefined): Styles {
  const styles: Styles = { byId: new Map() };
  if (!xml) return styles;
  for (const s of childElements(parseXml(xml), 'style')) {
    if (s.attrs.type !== 'paragraph') continue;
    const numPr = child(child(s, 'pPr'), 'numPr');
    const ilvl = child(numPr, 'ilvl')?.attrs.val;
    const id = s.attrs.styleId ?? '';
    styles.byId.set(id, { numId: child(numPr, 'numId')?.attrs.val, ilvl: ilvl !== undefined ? Number(ilvl) : undefined, basedOn: child(s, 'basedOn')?.attrs.val });
    if (s.attrs.default === '1' || s.attrs.default === 'true') styles.defaultId = id;
  }
  return styles;
}

/** Elements whose content a reader does not see in the text flow. */
const HIDDEN = new Set([
  'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText',
  'drawing', 'pict', 'object', 'AlternateContent', 'footnoteReference', 'endnoteReference', 'commentReference',
  'annotationRef', 'rt', 'fldData', 'commentRangeStart', 'commentRangeEnd', 'bookmarkStart', 'bookmarkEnd', 'proofErr',
]);

class BodyReader {
  readonly lines: string[] = [];
  readonly sources: WordLine[] = [];
  private paragraphCount = 0;

  constructor(
    private readonly counter: ListCounter,
    private readonly styles: Styles,
  ) {}

  /** Block-level content: paragraphs, tables, content controls. */
  blocks(container: XmlElement): void {
    for (const node of container.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'p') {
        const paragraph = ++this.paragraphCount;
        const text = this.paragraph(node);
        if (text !== undefined) this.push(text, { paragraph, where: 'body' });
      } else if (node.name === 'tbl') this.table(node);
      else if (!HIDDEN.has(node.name)) this.blocks(node.name === 'sdt' ? child(node, 'sdtContent') ?? node : node);
    }
  }

  /** Footnotes (then endnotes) after the text, one line per paragraph; Word's separator notes are not text. */
  notes(xml: string | undefined, kind: 'footnote' | 'endnote'): void {
    if (!xml) return;
    const notes = childElements(parseXml(xml), kind).filter((n) => !n.attrs.type || n.attrs.type === 'normal');
    const lines: string[] = [];
    for (const note of notes) {
      for (const p of childElements(note, 'p')) {
        const text = this.paragraph(p);
        if (text !== undefined && text.trim() !== '') lines.push(text);
      }
    }
    if (lines.length === 0) return;
    this.push('', { paragraph: this.paragraphCount, where: kind });
    for (const line of lines) this.push(line, { paragraph: this.paragraphCount, where: kind });
  }

  private table(tbl: XmlElement): void {
    let row = 0;
    for (const tr of childElements(tbl, 'tr')) {
      row++;
      const first = this.paragraphCount + 1;
      const cells = childElements(tr, 'tc').map((tc) => this.cellText(tc));
      this.push(cells.join('\t'), { paragraph: first, where: 'table', row });
    }
  }

  /** A cell's paragraphs (and nested tables) on one line, joined by spaces. */
  private cellText(container: XmlElement): string {
    const parts: string[] = [];
    for (const node of container.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'p') {
        this.paragraphCount++;
        const text = this.paragraph(node);
        if (text) parts.push(text.replace(/\n/g, ' '));
      } else if (node.name === 'tbl') {
        for (const tr of childElements(node, 'tr')) parts.push(childElements(tr, 'tc').map((tc) => this.cellText(tc)).join(' '));
      } else if (!HIDDEN.has(node.name)) parts.push(this.cellText(node.name === 'sdt' ? child(node, 'sdtContent') ?? node : node));
    }
    return parts.filter((p) => p !== '').join(' ');
  }

  /** The text of one paragraph with its list number, or `undefined` for a deleted paragraph. */
  private paragraph(p: XmlElement): string | undefined {
    const pPr = child(p, 'pPr');
    const text = inlineText(p);
    if (text === '' && child(child(pPr, 'rPr'), 'del')) return undefined;
    const list = this.listLabel(pPr);
    return list ? list.label + listSeparator(list.label, list.suffix, text) + text : text;
  }

  private listLabel(pPr: XmlElement | undefined): ReturnType<ListCounter['next']> {
    const numPr = child(pPr, 'numPr');
    let numId = child(numPr, 'numId')?.attrs.val;
    let ilvl: number | undefined = child(numPr, 'ilvl') ? Number(child(numPr, 'ilvl')!.attrs.val ?? 0) : undefined;
    let styleId = child(pPr, 'pStyle')?.attrs.val ?? this.styles.defaultId;
    for (let depth = 0; styleId && depth < 20 && (numId === undefined || ilvl === undefined); depth++) {
      const style = this.styles.byId.get(styleId);
      if (!style) break;
      numId ??= style.numId;
      if (ilvl === undefined && style.numId !== undefined) ilvl = style.ilvl;
      styleId = style.basedOn;
    }
    return numId === undefined ? undefined : this.counter.next(numId, ilvl ?? 0);
  }

  private push(text: string, source: WordLine): void {
    for (const line of text.split('\n')) {
      this.lines.push(line);
      this.sources.push(source);
    }
  }
}

/** The visible text of a paragraph's runs: text, tabs, line breaks; hidden runs left out. */
function inlineText(element: XmlElement): string {
  let out = '';
  for (const node of element.children) out += nodeText(node);
  return out;
}

function nodeText(node: XmlNode): string {
  if (typeof node === 'string') return '';
  switch (node.name) {
    case 't':
      return textOf(node);
    case 'tab':
    case 'ptab':
      return '\t';
    case 'br':
      return node.attrs.type === 'page' || node.attrs.type === 'column' ? '' : '\n';
    case 'cr':
      return '\n';
    case 'noBreakHyphen':
      return '-';
    case 'sym': {
      const code = parseInt(node.attrs.char ?? '', 16);
      // Symbol-font characters live in the private use area and mean nothing as text.
      return Number.isFinite(code) && !(code >= 0xe000 && code <= 0xf8ff) ? String.fromCodePoint(code) : '';
    }
    case 'r':
      return isHiddenRun(node) ? '' : inlineText(node);
    case 'p':
      return '';
    default:
      return HIDDEN.has(node.name) ? '' : inlineText(node.name === 'sdt' ? child(node, 'sdtContent') ?? node : node);
  }
}

/** Hidden text (`w:vanish`) is not shown or printed. */
function isHiddenRun(r: XmlElement): boolean {
  const vanish = child(child(r, 'rPr'), 'vanish');
  return !!vanish && vanish.attrs.val !== '0' && vanish.attrs.val !== 'false';
}

/**
 * How a user finds a line in Word: `第 12 段` / `paragraph 12`, `表格第 2 行` / `table row 2`, `脚注` / `footnote`.
 *
 * @example describeWordLine({ paragraph: 12, where: 'body' }, 'zh') // '第 12 段'
 */
export function describeWordLine(line: WordLine, language: 'zh' | 'en'): string {
  if (line.where === 'footnote') return language === 'zh' ? '脚注' : 'footnote';
  if (line.where === 'endnote') return language === 'zh' ? '尾注' : 'endnote';
  if (line.where === 'table') return language === 'zh' ? `第 ${line.paragraph} 段（表格第 ${line.row} 行）` : `paragraph ${line.paragraph} (table row ${line.row})`;
  return language === 'zh' ? `第 ${line.paragraph} 段` : `paragraph ${line.paragraph}`;
}
