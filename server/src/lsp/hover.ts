/**
 * Hover: on a heading, the size of its section (characters, paragraphs, subsections).
 */
import { MarkupKind, type Hover, type HoverParams, type ServerCapabilities } from 'vscode-languageserver';
import { hoverAt } from '../engine/features/hover';
import type { ServerContext } from '../server';
import { onDocument } from './handlers';
import { localize } from './locale';

/** This module's capability: `hoverProvider`. */
export function capabilities(): Partial<ServerCapabilities> {
  return { hoverProvider: true };
}

/**
 * Handles `textDocument/hover`: on a heading, Markdown with its level and section size.
 *
 * @example on `（二）抓好工业` → "**（二）抓好工业**", then "第 2 级 · 字数 10（不含空白，其中汉字 7）· 2 段 · 无下级标题"
 */
export function register(ctx: ServerContext): void {
  ctx.connection.onHover(
    onDocument(ctx, null, ({ model }, params: HoverParams): Hover | null => {
      const info = hoverAt(model, model.lines.offsetAt(params.position));
      if (!info) return null;
      return { contents: { kind: MarkupKind.Markdown, value: localize(info.contents, ctx.language()) }, range: model.lines.rangeOf(info.start, info.end) };
    }),
  );
}
