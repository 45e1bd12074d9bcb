/**
 * Completion: the next heading number where a heading can start (`（三）` after `（二）…`, `1.` inside
 * a fresh `（二）`, `二是` after `一是…。`), and the standard sections the document still lacks, as
 * snippets numbered and dated for this document.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type ServerCapabilities } from 'vscode-languageserver';
import type { ReportModel } from '../engine';
import { completionsAt, type CompletionProposal } from '../engine/features/completion';
import { expandSnippet, parseSnippet } from '../engine/features/section-snippets';
import type { ServerContext } from '../server';
import { onDocument } from './handlers';
import { localize, type Language } from './locale';

/** Typing an opening bracket at the start of a line asks for the next bracketed number. */
export const TRIGGER_CHARACTERS = ['（', '('];

/** This module's capability: `completionProvider`, triggered by `（` and `(`, no resolve. */
export function capabilities(): Partial<ServerCapabilities> {
  return { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false } };
}

/**
 * Handles `textDocument/completion`: the next heading number and the missing standard sections at
 * the cursor, as snippets when the client supports them, else as plain text.
 *
 * @example `（` after a `（二）抓好工业` section → `（三）`, "接“（二）抓好工业”的下一个同级标题"
 */
export function register(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    onDocument(ctx, null, ({ model }, params: CompletionParams): CompletionList | null => {
      const proposals = completionsAt(model, model.lines.offsetAt(params.position));
      return { isIncomplete: false, items: proposals.map((p) => toCompletionItem(model, p, ctx.language(), snippetSupport(ctx))) };
    }),
  );
}

/** Whether the client said it takes snippet syntax (LSP: absent means no). */
function snippetSupport(ctx: ServerContext): boolean {
  return ctx.clientCapabilities?.textDocument?.completion?.completionItem?.snippetSupport === true;
}

/** An engine proposal as an LSP completion item. */
export function toCompletionItem(model: ReportModel, p: CompletionProposal, language: Language, snippets: boolean): CompletionItem {
  const range = model.lines.rangeOf(p.replace.start, p.replace.end);
  const asSnippet = p.isSnippet && snippets;
  const newText = p.isSnippet && !snippets ? expandSnippet(parseSnippet(p.insertText)) : p.insertText;
  const item: CompletionItem = {
    label: p.label,
    kind: p.kind === 'section' ? CompletionItemKind.Snippet : CompletionItemKind.EnumMember,
    detail: localize(p.detail, language),
    sortText: p.sortText,
    filterText: p.filterText,
    textEdit: { range, newText },
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (p.documentation) item.documentation = { kind: MarkupKind.Markdown, value: localize(p.documentation, language) };
  if (p.additionalEdits?.length) item.additionalTextEdits = p.additionalEdits.map((e) => ({ range: model.lines.rangeOf(e.start, e.end), newText: e.newText }));
  return item;
}
