/**
 * Reads back the parts of an exported `.docx` so tests can assert on what Word and WPS will read:
 * page set-up, fonts of every run, footers.
 */
import { strFromU8, unzipSync } from 'fflate';
import { childElements, parseXml, textOf, type XmlElement } from '../../server/src/formats/xml';

/** The XML parts of a package by path, parsed. */
export function docxParts(bytes: Uint8Array): Record<string, XmlElement> {
  const files = unzipSync(bytes);
  const out: Record<string, XmlElement> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml')) out[name] = parseXml(strFromU8(data));
  return out;
}

/** The raw XML text of one part. */
export function docxPartText(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (f) => f.name === name })[name]);
}

/** Every element with a local name under `root`, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) if (typeof c !== 'string') (c.name === name && out.push(c), walk(c));
  };
  walk(root);
  return out;
}

/** One run of a paragraph: its text, fonts and size. */
export interface RunInfo {
  text: string;
  fonts: Record<string, string>;
  size?: string;
}

/** The runs of each body paragraph, with the paragraph's alignment. */
export function paragraphsOf(document: XmlElement): { align?: string; runs: RunInfo[] }[] {
  return findAll(document, 'p').map((p) => ({
    align: findAll(p, 'jc')[0]?.attrs.val,
    runs: childElements(p, 'r').map((r) => ({
      text: findAll(r, 't').map(textOf).join(''),
      fonts: findAll(r, 'rFonts')[0]?.attrs ?? {},
      size: findAll(r, 'sz')[0]?.attrs.val,
    })),
  }));
}
