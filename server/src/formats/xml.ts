/**
 * A small XML reader for the machine-written parts of a `.docx` package (`word/document.xml`,
 * `word/numbering.xml`, …): elements, attributes and text, nothing more. Namespace prefixes are
 * dropped (`w:p` → `p`, `w:val` → `val`): Office writes one prefix per namespace, and the local
 * names of WordprocessingML do not collide with those of the markup-compatibility elements.
 */

/**
 * One element: local name, attributes by local name, and children in document order.
 *
 * @example parseXml('<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>') // { name: 'p', children: [{ name: 'r', … }] }
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** An element or a run of character data (entities already decoded): `'各位代表：'`. */
export type XmlNode = XmlElement | string;

/**
 * Parses a whole XML document into its root element. Comments, processing instructions and the
 * doctype are skipped; CDATA becomes text. Throws on markup that is not well formed enough to read.
 *
 * @example parseXml('<w:t xml:space="preserve">（一）</w:t>').children // ['（一）']
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      pushText(stack[stack.length - 1], xml.slice(i));
      break;
    }
    if (lt > i) pushText(stack[stack.length - 1], xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      i = endOf(xml, '-->', lt);
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0) throw new Error('unterminated CDATA');
      stack[stack.length - 1].children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      i = endOf(xml, '?>', lt);
    } else if (xml.startsWith('<!', lt)) {
      i = endOf(xml, '>', lt);
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new Error('unterminated end tag');
      const name = localName(xml.slice(lt + 2, gt).trim());
      // Pop to the matching element; a stray end tag is ignored rather than fatal.
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          stack.length = k;
          break;
        }
      }
      i = gt + 1;
    } else {
      const gt = tagEnd(xml, lt);
      const selfClosing = xml[gt - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const element = startTag(body);
      stack[stack.length - 1].children.push(element);
      if (!selfClosing) stack.push(element);
      i = gt + 1;
    }
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new Error('no root element');
  return first;
}

function endOf(xml: string, close: string, from: number): number {
  const end = xml.indexOf(close, from);
  if (end < 0) throw new Error(`unterminated ${close}`);
  return end + close.length;
}

/** The `>` that ends a start tag, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  throw new Error('unterminated start tag');
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

function startTag(body: string): XmlElement {
  const space = body.search(/\s/);
  const name = localName(space < 0 ? body : body.slice(0, space));
  const attrs: Record<string, string> = {};
  if (space >= 0) {
    for (const m of body.slice(space).matchAll(ATTRIBUTE)) attrs[localName(m[1])] = decodeEntities(m[3] ?? m[4] ?? '');
  }
  return { name, attrs, children: [] };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function pushText(parent: XmlElement, raw: string): void {
  parent.children.push(decodeEntities(raw));
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and numeric character references.
 *
 * @example decodeEntities('&#x4E00;&amp;') // '一&'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * The element children of an element, optionally only those with a local name.
 *
 * @example childElements(parseXml('<w:tr><w:tc/><w:tc/></w:tr>'), 'tc').length // 2 (two cells: 指标 | 完成)
 */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of element.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/**
 * The first element child with a local name.
 *
 * @example child(parseXml('<w:pPr><w:numPr/></w:pPr>'), 'numPr') // the list of `一、总体要求`
 */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/**
 * The concatenated character data directly inside an element (`<w:t>` text).
 *
 * @example textOf(parseXml('<w:t>（一）稳增长</w:t>')) // '（一）稳增长'
 */
export function textOf(element: XmlElement): string {
  let s = '';
  for (const c of element.children) if (typeof c === 'string') s += c;
  return s;
}
