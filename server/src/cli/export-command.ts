/**
 * `gongwen export`: writes a report (plain text, Markdown or Word) as a Word document laid out per
 * GB/T 9704-2012.
 *
 *     gongwen export 2024年政府工作报告.txt
 *     gongwen export 草稿.md -o 报告.docx --font body=仿宋 --font heading2=楷体
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { analyze, RULE_IDS } from '../engine';
import { DEFAULT_EXPORT_FONTS, exportDocx, exportFontsFrom, type ExportFonts } from '../formats/docx-export';
import { markdownToReportText } from '../formats/markdown-projection';
import { EXIT, type Io } from './cli';
import { loadConfigAnnounced } from './config';
import { readReport } from './read-report';

/**
 * Runs `gongwen export FILE [-o OUT.docx] [--font ROLE=NAME]… [--config FILE]` (argv after `export`).
 *
 * @example await runExport(['报告.txt', '-o', '报告.docx'], io) // writes 报告.docx, returns 0
 */
export async function runExport(argv: readonly string[], io: Io): Promise<number> {
  const zh = io.language === 'zh';
  const parsed = parseExportArgs(argv);
  if ('error' in parsed) {
    io.err(`gongwen export: ${parsed.error}\n${exportUsage(io.language)}`);
    return EXIT.usage;
  }
  const source = resolve(io.cwd, parsed.file);
  const out = resolve(io.cwd, parsed.out ?? defaultOutput(source));
  if (out === source) {
    io.err(`gongwen export: ${zh ? '输出文件不能覆盖源文件' : 'the output would overwrite the source'}: ${parsed.file}\n`);
    return EXIT.usage;
  }
  const config = loadConfigAnnounced(parsed.config, io, RULE_IDS);
  if (!config) return EXIT.unreadable;
  if (!existsSync(source)) {
    io.err(`gongwen export: ${parsed.file}: ${zh ? '文件不存在' : 'no such file'}\n`);
    return EXIT.unreadable;
  }
  const read = readReport(source);
  if (!read.ok) {
    io.err(`gongwen export: ${parsed.file}: ${read.reason}\n`);
    return EXIT.unreadable;
  }
  // From Markdown, the text a reader of the rendered draft sees: markup removed, not blanked.
  const text = read.format === 'markdown' && read.source !== undefined ? markdownToReportText(read.source) : read.text;
  const model = analyze(text, config.settings).model;
  // Fonts: the standard's names, then `.gongwen.json`'s `export.fonts`, then `--font`.
  const bytes = await exportDocx(text, model, exportFontsFrom({ ...config.config.exportFonts, ...parsed.fonts }));
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    io.err(`gongwen export: ${out}: ${(error as Error).message}\n`);
    return EXIT.unreadable;
  }
  const shown = relative(io.cwd, out) || out;
  io.out(zh ? `已写入 ${shown}（${model.headings.length} 个标题）\n` : `wrote ${shown} (${model.headings.length} headings)\n`);
  return EXIT.ok;
}

/** `报告.txt` → `报告.docx`; a Word source keeps its file: `报告.docx` → `报告.gbt9704.docx`. */
function defaultOutput(source: string): string {
  const ext = extname(source);
  const stem = basename(source, ext);
  return join(dirname(source), ext.toLowerCase() === '.docx' ? `${stem}.gbt9704.docx` : `${stem}.docx`);
}

interface ExportOptions {
  file: string;
  out?: string;
  config?: string;
  /** `--font ROLE=NAME`, as given. */
  fonts: Record<string, string>;
}

function parseExportArgs(argv: readonly string[]): ExportOptions | { error: string } {
  let file: string | undefined;
  let out: string | undefined;
  let config: string | undefined;
  const fonts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-o' || arg === '--output' || arg === '--config' || arg === '--font') {
      const value = argv[++i];
      if (value === undefined) return { error: `${arg} needs a value` };
      if (arg === '--config') config = value;
      else if (arg === '--font') {
        const m = /^(\w+)=(.+)$/.exec(value);
        if (!m || !(m[1] in DEFAULT_EXPORT_FONTS)) return { error: `--font takes ROLE=NAME, ROLE one of ${Object.keys(DEFAULT_EXPORT_FONTS).join(', ')}` };
        fonts[m[1]] = m[2];
      } else out = value;
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { error: 'export takes one file' };
  }
  if (file === undefined) return { error: 'no file given' };
  if (out !== undefined && !out.toLowerCase().endsWith('.docx')) return { error: '-o must name a .docx file' };
  return { file, out, config, fonts };
}

function exportUsage(language: 'zh' | 'en'): string {
  return language === 'zh'
    ? `用法：gongwen export <文件> [-o 输出.docx] [--font 角色=字体]…\n角色：title（小标宋）body（仿宋）heading1（黑体）heading2（楷体）pageNumber（宋体）\n`
    : `Usage: gongwen export <file> [-o out.docx] [--font role=name]...\nRoles: title, body, heading1, heading2, pageNumber\n`;
}

/**
 * Whether argv is an export command line (dispatched before the synchronous commands).
 *
 * @example isExportCommand(['export', '2024年政府工作报告.txt']) // true
 */
export function isExportCommand(argv: readonly string[]): boolean {
  return argv[0] === 'export';
}
