/**
 * Hover: on a heading, the size of its section (characters, paragraphs, subsections).
 */
import { MarkupKind, type Hover, type ServerCapabilities } from 'vscode-languageserver';
import { hoverAt } from '../engine/features/hover';
import { guard, type ServerContext } from '../server';
import { localize } from './locale';

export function capabilities(): Partial<ServerCapabilities> {
  return { hoverProvider: true };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onHover(
    guard(ctx, null, (params, token): Hover | null => {
      const analysis = ctx.analysisOf(params.textDocument.uri);
      if (!analysis || token.isCancellationRequested) return null;
      const model = analysis.model;
      const info = hoverAt(model, model.lines.offsetAt(params.position));
      if (!info) return null;
      return { contents: { kind: MarkupKind.Markdown, value: localize(info.contents, ctx.language()) }, range: model.lines.rangeOf(info.start, info.end) };
    }),
  );
}
