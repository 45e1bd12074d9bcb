/**
 * Builds `.docx` packages from hand-written WordprocessingML, the way Word stores them, so tests can
 * give the reader exactly the structures Word produces (list numbering, tables, tracked changes…).
 */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Parts of a test document: the inside of `<w:body>`, and optional numbering/styles/footnotes XML (inner content). */
export interface DocxParts {
  body: string;
  numbering?: string;
  styles?: string;
  footnotes?: string;
  endnotes?: string;
  /** Extra parts by path, e.g. a header that must not be read. */
  extra?: Record<string, string>;
}

/**
 * A `.docx` package of the given parts.
 *
 * @example makeDocx({ body: p('各位代表：') })
 */
export function makeDocx(parts: DocxParts): Uint8Array {
  const rels = [`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${R}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles ?? ''}</w:styles>`),
  };
  if (parts.numbering !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`);
    files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  }
  if (parts.footnotes !== undefined) {
    rels.push(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>`);
    files['word/footnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W}">${parts.footnotes}</w:footnotes>`);
  }
  if (parts.endnotes !== undefined) {
    rels.push(`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>`);
    files['word/endnotes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:endnotes xmlns:w="${W}">${parts.endnotes}</w:endnotes>`);
  }
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${R}">${rels.join('')}</Relationships>`);
  for (const [path, xml] of Object.entries(parts.extra ?? {})) files[path] = strToU8(xml);
  return zipSync(files);
}

/** A paragraph of one run, with optional paragraph properties (`<w:numPr>…`, `<w:pStyle …/>`). */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : ''}</w:p>`;
}

/** A paragraph in list `numId` at level `ilvl`: Word draws its number, the text does not hold it. */
export function listP(text: string, numId: number, ilvl: number): string {
  return p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

/** One list level definition. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${escapeXml(lvlText)}"/>${extra}</w:lvl>`;
}

/** Escapes text for XML. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
