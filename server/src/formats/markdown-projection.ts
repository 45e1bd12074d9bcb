/**
 * The report text inside a Markdown draft, for the unchanged engine: Markdown syntax (`#` marks,
 * `**`, link targets, code, front matter, table pipes, HTML) is replaced by spaces, and everything
 * a reader sees stays where it is. The projection has the same length and the same line breaks as
 * the source, so every offset, line and UTF-16 character the engine reports is also a position in
 * the Markdown file: nothing needs mapping back.
 *
 * Parsed with micromark (CommonMark + GFM + front matter), with the CJK-friendly emphasis rule so
 * that `**（一）稳增长。**正文` is bold as its author meant, though strict CommonMark would not
 * make it so.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** The parts of an mdast node this module reads. */
interface MdNode {
  type: string;
  value?: string;
  ordered?: boolean;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Nodes whose whole source is markup or not report text: code, HTML, images, front matter. */
const BLANK = new Set(['code', 'html', 'yaml', 'toml', 'image', 'imageReference', 'definition', 'footnoteReference', 'break', 'thematicBreak']);

/**
 * Projects Markdown onto report text of the same length.
 *
 * @example projectMarkdown('## 一、总体要求\n**（一）稳增长。**正文') // '   一、总体要求\n  （一）稳增长。  正文'
 */
export function projectMarkdown(source: string): string {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml', 'toml']), gfm(), cjkFriendlyExtension()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
  }) as MdNode;
  const out: string[] = new Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = isLineBreak(source.charCodeAt(i)) ? source[i] : ' ';
  reveal(tree, source, out);
  return out.join('');
}

function reveal(node: MdNode, source: string, out: string[]): void {
  if (BLANK.has(node.type)) return;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if ((node.type === 'text' || node.type === 'inlineCode') && start !== undefined && end !== undefined) {
    keepText(source, start, end, node.value ?? '', out);
    return;
  }
  // The number of an ordered list item is what the reader sees (`1.` in `1. 总体要求`); a bullet is not.
  if (node.type === 'listItem' && start !== undefined) {
    const marker = /^\d{1,9}[.)]/.exec(source.slice(start, start + 10));
    if (marker) for (let i = start; i < start + marker[0].length; i++) out[i] = source[i];
  }
  for (const c of node.children ?? []) reveal(c, source, out);
}

/**
 * Copies a text node's source where it matches the node's value, leaving escapes (`\*` → ` *`),
 * the tails of character references (`&amp;` → `&    `) and the markup of continuation lines
 * (`> `) blank. When source and value cannot be aligned, the source is kept as written.
 */
function keepText(source: string, start: number, end: number, value: string, out: string[]): void {
  const kept: number[] = [];
  let j = 0;
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (isLineBreak(ch.charCodeAt(0))) {
      if (value[j] === ch || (ch === '\n' && value[j] === '\n')) j++;
      else if (ch === '\r' && value[j] === '\n' && source[i + 1] !== '\n') j++;
      continue;
    }
    if (j < value.length && value[j] === ch) {
      kept.push(i);
      j++;
    }
  }
  if (j < value.length) {
    for (let i = start; i < end; i++) out[i] = source[i];
    return;
  }
  for (const i of kept) out[i] = source[i];
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * The report text of a Markdown draft with the markup removed rather than blanked: what a reader
 * of the rendered draft sees, for export to Word (positions are not kept).
 *
 * @example markdownToReportText('## 一、总体要求\n**（一）稳增长。**正文') // '一、总体要求\n（一）稳增长。正文'
 */
export function markdownToReportText(source: string): string {
  const projected = projectMarkdown(source);
  let out = '';
  for (let i = 0; i < source.length; i++) if (projected[i] === source[i]) out += source[i];
  return out;
}
