/**
 * Server command {@link EXPORT_DOCX_COMMAND} `({ text, format, fonts? })` → `{ base64, headings }`:
 * the report as a GB/T 9704 Word document, laid out from the engine's heading tree. The client
 * sends the text (of an open or unopened file, a Markdown draft, or a Word document's report
 * text) and writes the bytes where the user chose.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { analyze } from '../engine';
import { exportDocx, exportFontsFrom } from '../formats/docx-export';
import { markdownToReportText } from '../formats/markdown-projection';
import type { ServerContext } from '../server';

/** Server command `({ text, format: 'text' | 'markdown', fonts? })`: the Word document, base64, e.g. of `# XX镇2024年政府工作报告\n## 一、…`. */
export const EXPORT_DOCX_COMMAND = 'gongwen.server.exportDocx';

/** Largest text accepted (characters): a whole-year compilation fits, a runaway request does not. */
const MAX_TEXT = 20_000_000;

/**
 * Answer of {@link EXPORT_DOCX_COMMAND}.
 *
 * @example { base64: 'UEsDBBQ…', headings: 11 }
 */
export interface ExportDocxResult {
  base64: string;
  /** How many headings the layout took from the heading tree. */
  headings: number;
}

/**
 * Builds the document; invalid arguments are `InvalidParams`.
 *
 * @example await exportDocxCommand(ctx, [{ text: 'XX镇2024年政府工作报告\n一、…', format: 'text' }]) // { base64: 'UEsDB…', headings: 9 }
 */
export async function exportDocxCommand(ctx: ServerContext, args: unknown[]): Promise<ExportDocxResult> {
  const raw = (args[0] ?? {}) as { text?: unknown; format?: unknown; fonts?: unknown };
  if (typeof raw.text !== 'string' || raw.text.length > MAX_TEXT) throw new ResponseError(ErrorCodes.InvalidParams, 'gongwen: text must be a string');
  const text = raw.format === 'markdown' ? markdownToReportText(raw.text) : raw.text;
  const model = analyze(text, ctx.cache.currentSettings).model;
  const bytes = await exportDocx(text, model, exportFontsFrom(raw.fonts));
  return { base64: Buffer.from(bytes).toString('base64'), headings: model.headings.length };
}
