/**
 * The text the engine analyses for an open document: the document itself, or, for a Markdown
 * document, its report text projected to the same length (markup blanked, see
 * `formats/markdown-projection.ts`), so that every position the engine reports is a position in
 * the Markdown file. A Markdown file that does not look like a report (a README) is analysed as
 * blank: no outline entries, no findings, nothing in the way of VS Code's own Markdown outline.
 */
import { looksLikeReport, type GongwenSettings } from '../engine';
import { projectMarkdown } from '../formats/markdown-projection';

/**
 * The engine's text for a document of `languageId`.
 *
 * @example analysisText('markdown', '## 一、总体要求', settings) // '   一、总体要求' (when the file looks like a report)
 */
export function analysisText(languageId: string, text: string, settings: GongwenSettings): string {
  if (languageId !== 'markdown') return text;
  const projected = projectMarkdown(text);
  // With the report kind set by the user, every Markdown file is a report; otherwise only one that looks like one.
  if (settings.kind !== 'auto' || looksLikeReport(projected)) return projected;
  return projected.replace(/[^\r\n]/g, ' ');
}
