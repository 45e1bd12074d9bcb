/**
 * `gongwen` — the command-line checker: a thin shell over the engine.
 *
 *     gongwen outline 2023年政府工作报告.txt
 *     gongwen check reports/ --json
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { analyze, outlineOf, RULE_IDS, type Analysis, type GongwenSettings, type OutlineSymbol, type RatedFinding } from '../engine';
import { loadConfig } from './config';
import { readReport } from './read-report';
import { describeWordLine, type WordLine } from '../formats/docx-reader';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** `check` found at least one error-severity problem. */
  problems: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A file could not be read or decoded, or the config file is invalid. */
  unreadable: 3,
} as const;

/** Where the CLI writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  language: 'zh' | 'en';
  cwd: string;
}

interface Options {
  command: string;
  paths: string[];
  json: boolean;
  /** `--exit-zero`: report problems but exit 0 (for demos and advisory CI steps). */
  exitZero: boolean;
  config?: string;
}

const REPORT_EXTENSIONS = ['.txt', '.gongwen', '.md', '.docx'];

/**
 * Runs one command line and returns the exit code.
 *
 * @example await runCli(['outline', '2023年政府工作报告.txt'], io) // prints the heading tree, returns 0
 */
export function runCli(argv: readonly string[], io: Io, version: string): number {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    io.err(`gongwen: ${parsed.error}\n${usage(io.language)}`);
    return EXIT.usage;
  }
  if (parsed.command === 'help') {
    io.out(usage(io.language));
    return EXIT.ok;
  }
  if (parsed.command === 'version') {
    io.out(`${version}\n`);
    return EXIT.ok;
  }
  if (parsed.paths.length === 0) {
    io.err(`gongwen: ${io.language === 'zh' ? '请给出文件或目录' : 'no files or folders given'}\n${usage(io.language)}`);
    return EXIT.usage;
  }
  const config = loadConfig(parsed.config, io.cwd, RULE_IDS);
  if (!config.ok) {
    io.err(`gongwen: ${config.reason}\n`);
    return EXIT.unreadable;
  }
  for (const problem of config.problems) io.err(`gongwen: ${config.path}: ${problem}\n`);
  const files = expandPaths(parsed.paths, io);
  let exit: number = EXIT.ok;
  const results: object[] = [];
  for (const file of files.missing) {
    io.err(`gongwen: ${file}: ${io.language === 'zh' ? '文件不存在' : 'no such file or folder'}\n`);
    exit = EXIT.unreadable;
  }
  for (const file of files.found) {
    const read = readReport(file);
    const shown = relative(io.cwd, file) || file;
    if (!read.ok) {
      io.err(`gongwen: ${shown}: ${read.reason}\n`);
      exit = EXIT.unreadable;
      continue;
    }
    const analysis = analyze(read.text, config.settings);
    if (parsed.command === 'outline') {
      if (parsed.json) results.push(outlineJson(shown, analysis));
      else io.out(outlineText(shown, analysis, io, read.wordLines));
    } else {
      if (!parsed.exitZero && analysis.findings.some((f) => f.severity === 'error') && exit === EXIT.ok) exit = EXIT.problems;
      if (parsed.json) results.push(checkJson(shown, analysis, read.wordLines));
      else io.out(checkText(shown, analysis, io, read.wordLines));
    }
  }
  if (parsed.json) io.out(JSON.stringify(results.length === 1 && parsed.paths.length === 1 && files.found.length === 1 ? results[0] : results, null, 2) + '\n');
  return exit;
}

function parseArgs(argv: readonly string[]): Options | { error: string } {
  const options: Options = { command: '', paths: [], json: false, exitZero: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { ...options, command: 'help' };
    if (arg === '--version' || arg === '-v') return { ...options, command: 'version' };
    if (arg === '--json') options.json = true;
    else if (arg === '--exit-zero') options.exitZero = true;
    else if (arg === '--config') {
      if (i + 1 >= argv.length) return { error: '--config needs a file' };
      options.config = argv[++i];
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (!options.command) options.command = arg;
    else options.paths.push(arg);
  }
  if (!options.command) return { ...options, command: 'help' };
  if (options.command !== 'outline' && options.command !== 'check' && options.command !== 'help') return { error: `unknown command ${options.command}` };
  return options;
}

/** Files named directly, and report files (`.txt` `.gongwen` `.md`) found in named folders. */
function expandPaths(paths: readonly string[], io: Io): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (REPORT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) found.push(full);
    }
  };
  for (const p of paths) {
    const full = resolvePath(io.cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else found.push(full);
  }
  return { found, missing };
}

const INDENT = '  ';

function outlineText(file: string, analysis: Analysis, io: Io, wordLines?: readonly WordLine[]): string {
  const { model } = analysis;
  const paint = painter(io.color);
  const lines: string[] = [paint.bold(file)];
  const zh = io.language === 'zh';
  lines.push(`${zh ? '标题' : 'title'}: ${model.title?.text ?? (zh ? '（无）' : '(none)')}  ${zh ? '文种' : 'kind'}: ${model.kind}${model.year ? `  ${zh ? '年份' : 'year'}: ${model.year}` : ''}`);
  const walk = (symbols: readonly OutlineSymbol[]) => {
    for (const s of symbols) {
      // For a Word document the number is the paragraph's (¶), which the user can find in Word.
      const line = s.selectionRange.start.line;
      const number = wordLines?.[line] ? `¶${wordLines[line].paragraph}` : String(line + 1);
      lines.push(`${INDENT.repeat(s.depth)}${paint.dim(number.padStart(4))}  ${s.depth === 1 ? paint.bold(s.name) : s.name}`);
      walk(s.children);
    }
  };
  walk(outlineOf(model));
  if (model.headings.length === 0) lines.push(`${INDENT}${zh ? '（未找到标题）' : '(no headings found)'}`);
  return lines.join('\n') + '\n';
}

function outlineJson(file: string, analysis: Analysis): object {
  const { model } = analysis;
  const toJson = (s: OutlineSymbol): object => ({
    name: s.name,
    text: s.text,
    depth: s.depth,
    family: s.family,
    line: s.selectionRange.start.line + 1,
    range: s.range,
    children: s.children.map(toJson),
  });
  return { file, title: model.title?.text ?? null, kind: model.kind, year: model.year ?? null, outline: outlineOf(model).map(toJson) };
}

function checkText(file: string, analysis: Analysis, io: Io, wordLines?: readonly WordLine[]): string {
  const paint = painter(io.color);
  const { model, findings } = analysis;
  const lines: string[] = [];
  for (const f of findings) {
    const pos = model.lines.positionAt(f.start);
    const sev = severityLabel(f, paint);
    // In a Word document a line number means nothing to the user: name the paragraph and quote it.
    const where = wordLines?.[pos.line] ? `${file}: ${describeWordLine(wordLines[pos.line], io.language)} ${quoteAround(model.text, f.start, f.end)}` : `${file}:${pos.line + 1}:${pos.character + 1}`;
    lines.push(`${where}: ${sev} ${f.message[io.language]} ${paint.dim(`[${f.ruleId}]`)}`);
  }
  const counts = countBySeverity(findings);
  const zh = io.language === 'zh';
  lines.push(
    findings.length === 0
      ? `${file}: ${zh ? '未发现问题' : 'no problems'}`
      : `${file}: ${zh ? `${findings.length} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info + counts.hint}）` : `${findings.length} problems (${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.hint} notes)`}`,
  );
  return lines.join('\n') + '\n';
}

function checkJson(file: string, analysis: Analysis, wordLines?: readonly WordLine[]): object {
  const { model, findings } = analysis;
  return {
    file,
    kind: model.kind,
    problems: findings.map((f) => {
      const range = model.lines.rangeOf(f.start, f.end);
      const word = wordLines?.[range.start.line];
      return {
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        range,
        text: model.text.slice(f.start, f.end),
        ...(word ? { paragraph: word.paragraph, where: word.where, ...(word.row ? { row: word.row } : {}), quote: quoteAround(model.text, f.start, f.end) } : {}),
      };
    }),
  };
}

/**
 * The words around a finding on its line, to search for in Word: `“…实现地区生产总值xx亿元，同比…”`.
 */
function quoteAround(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 12);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  lineEnd = Math.min(lineEnd, Math.max(end, start + 1) + 12);
  const before = lineStart > 0 && text[lineStart - 1] !== '\n' ? '…' : '';
  const after = lineEnd < text.length && text[lineEnd] !== '\n' ? '…' : '';
  return `“${before}${text.slice(lineStart, lineEnd)}${after}”`;
}

function countBySeverity(findings: readonly RatedFinding[]): Record<RatedFinding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function severityLabel(f: RatedFinding, paint: ReturnType<typeof painter>): string {
  switch (f.severity) {
    case 'error':
      return paint.red('error');
    case 'warning':
      return paint.yellow('warning');
    default:
      return paint.dim(f.severity);
  }
}

/** ANSI colours, only when writing to a terminal. */
function painter(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), yellow: wrap('33') };
}

/** The `--help` text. */
export function usage(language: 'zh' | 'en'): string {
  if (language === 'zh') {
    return `用法：gongwen <命令> [选项] <文件或目录>…

命令：
  outline   显示报告的标题层级（大纲）
  check     检查报告（未填占位符、序号错误、缺少部分、网页残留等）
  export    按 GB/T 9704-2012 版式导出 Word 文档：gongwen export 报告.txt [-o 报告.docx]

文件：.txt .gongwen（UTF-8/GB18030）、.md（Markdown）、.docx（Word）。

选项：
  --json            以 JSON 输出
  --config <文件>   使用指定的 .gongwen.json（默认从当前目录向上查找）
  --exit-zero       即使发现错误也以 0 退出
  --help, -h        显示帮助
  --version, -v     显示版本

退出码：0 无错误；1 check 发现错误级问题；2 命令行有误；3 文件无法读取或配置无效。
`;
  }
  return `Usage: gongwen <command> [options] <file or folder>...

Commands:
  outline   print the report's heading tree
  check     check the report (unfilled placeholders, numbering, missing sections, web residue...)
  export    write a Word document laid out per GB/T 9704-2012: gongwen export report.txt [-o report.docx]

Files: .txt .gongwen (UTF-8/GB18030), .md (Markdown), .docx (Word).

Options:
  --json            machine-readable output
  --config <file>   use this .gongwen.json (default: searched upwards from the current folder)
  --exit-zero       exit 0 even when check finds errors
  --help, -h        show this help
  --version, -v     show the version

Exit codes: 0 no errors; 1 check found error-severity problems; 2 bad command line; 3 unreadable file or invalid config.
`;
}

export type { GongwenSettings };
