/**
 * The wrappers every request handler about one document goes through: the analysis of the
 * document's current version (built in stages), a fallback for a closed document or a cancelled
 * request, and no crash when the engine fails. Kept apart from `server.ts`, which imports the
 * features that use them (no import cycle).
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import type { ServerContext } from '../server';

/**
 * A handler of a request about one document: gets the analysis of the document's current version,
 * answers `fallback` for a closed document or a cancelled request, and never crashes (see {@link guard}).
 *
 * @example connection.onFoldingRanges(onDocument(ctx, [], (analysis) => toFoldingRanges(foldingRangesOf(analysis.model))))
 */
export function onDocument<P extends { textDocument: { uri: string } }, R>(
  ctx: ServerContext,
  fallback: R,
  handler: (analysis: Analysis, params: P) => R,
): (params: P, token: CancellationToken) => Promise<R> {
  return guard(ctx, fallback, async (params: P, token: CancellationToken) => {
    // Analysed in stages: a cancellation between them answers at once, and other requests go first.
    const analysis = await ctx.analysisWhenReady(params.textDocument.uri, token);
    if (!analysis || token.isCancellationRequested) return fallback;
    return handler(analysis, params);
  });
}

/** Wraps a handler (plain or async) so an engine failure is logged and answered with `fallback`, never a crash. */
export function guard<P, R, T>(ctx: ServerContext, fallback: R, handler: (params: P, token: T) => R | Promise<R>): (params: P, token: T) => Promise<R> {
  const failed = (error: unknown) => {
    ctx.connection.console.error(`gongwen: request failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  };
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      return failed(error);
    }
  };
}
