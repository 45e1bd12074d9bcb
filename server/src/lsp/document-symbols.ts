/**
 * The outline over LSP (`textDocument/documentSymbol`): at most `gongwen.outline.maxItems` entries,
 * built once per analysis, and one message per document when headings are left out.
 */
import { MessageType, ShowMessageNotification, type DocumentSymbol } from 'vscode-languageserver';
import { outlineOf, outlineOmitted, type Analysis } from '../engine';
import type { ServerContext } from '../server';
import { toDocumentSymbols } from './convert';
import { onDocument } from './handlers';
import type { Language } from './locale';

/**
 * Answers `textDocument/documentSymbol`. VS Code asks for every version (outline, breadcrumbs,
 * sticky scroll): the symbols of an analysis are built once, and only the shallowest
 * `maxItems` headings are sent, since a 10 MB compilation's 11,000 would be 2.3 MB of JSON to write and parse per keystroke.
 *
 * @example registerDocumentSymbols(ctx) // `一、2022年工作回顾` › `（一）筑牢基础` in the Outline view
 */
export function registerDocumentSymbols(ctx: ServerContext): void {
  const built = new WeakMap<Analysis, { maxItems: number; symbols: DocumentSymbol[] }>();
  const told = new Set<string>();
  ctx.documents.onDidClose((e) => told.delete(e.document.uri));
  ctx.connection.onDocumentSymbol(
    onDocument(ctx, [], (analysis, params) => {
      const maxItems = ctx.cache.currentSettings.outline.maxItems;
      let hit = built.get(analysis);
      if (!hit || hit.maxItems !== maxItems) built.set(analysis, (hit = { maxItems, symbols: toDocumentSymbols(outlineOf(analysis.model, maxItems)) }));
      const omitted = outlineOmitted(analysis.model, maxItems);
      if (omitted > 0 && !told.has(params.textDocument.uri)) {
        told.add(params.textDocument.uri);
        void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: limitMessage(ctx.language(), maxItems, omitted) });
      }
      return hit.symbols;
    }),
  );
}

/**
 * The message when the outline leaves headings out.
 *
 * @example limitMessage('zh', 2000, 9124) // 'Gongwen：大纲只显示前 2000 项，略去了 9124 个较深层级的标题（设置 gongwen.outline.maxItems 可调整）。'
 */
export function limitMessage(language: Language, maxItems: number, omitted: number): string {
  return language === 'zh'
    ? `Gongwen：大纲只显示前 ${maxItems} 项，略去了 ${omitted} 个较深层级的标题（设置 gongwen.outline.maxItems 可调整）。`
    : `Gongwen: the outline shows ${maxItems} entries and leaves out ${omitted} deeper headings (setting gongwen.outline.maxItems).`;
}
