/**
 * The text the engine analyses for an open document: the document itself, or, for a Markdown
 * document, its report text projected to the same length (markup blanked, see
 * `formats/markdown-projection.ts`), so that every position the engine reports is a position in
 * the Markdown file. A Markdown file that does not look like a report (a README) is analysed as
 * blank: no outline entries, no findings, nothing in the way of VS Code's own Markdown outline.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikeReport } from '../engine';
import { projectMarkdown } from '../formats/markdown-projection';

/**
 * The engine's text for a document of `languageId`.
 *
 * Markdown is checked for looking like a report even when the user set `gongwen.kind`: that setting
 * is about reports, and must not turn every README of the workspace into one.
 *
 * @example analysisText('markdown', '# 2024年工作要点\n## 一、总体要求') // '  2024年工作要点\n   一、总体要求'
 */
export function analysisText(languageId: string, text: string): string {
  if (languageId !== 'markdown') return text;
  const projected = projectMarkdown(text);
  return looksLikeReport(projected) ? projected : projected.replace(/[^\r\n]/g, ' ');
}

/** The last engine text of each open document, so a Markdown projection is made once per version. */
const lastText = new WeakMap<TextDocument, { version: number; text: string }>();

/**
 * {@link analysisText} of an open document's current version, made once per version (every request
 * and the cache's text comparison then see the same string).
 *
 * @example documentAnalysisText(doc) // '   一、总体要求\n…' for `## 一、总体要求\n…`
 */
export function documentAnalysisText(doc: TextDocument): string {
  const hit = lastText.get(doc);
  if (hit && hit.version === doc.version) return hit.text;
  const text = analysisText(doc.languageId, doc.getText());
  lastText.set(doc, { version: doc.version, text });
  return text;
}
