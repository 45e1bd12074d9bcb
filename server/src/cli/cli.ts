/**
 * `gongwen` — the command-line checker: a thin shell over the engine.
 *
 *     gongwen outline 2023年政府工作报告.txt
 *     gongwen check reports/ --json
 */
import { relative } from 'node:path';
import { analyze, outlineOf, RULE_IDS, settingsForFile, suppressionsFor, withSuppressions, type Analysis, type GongwenSettings, type OutlineSymbol, type ReportModel } from '../engine';
import { checkText, hiddenNote, LEVELS, noCounts, painter, selectBySeverity, writeCheckJson, type FindingPlace, type Level } from './check-output';
import { loadConfigAnnounced, pathForConfig } from './config';
import { expandPaths } from './files';
import { readReport } from './read-report';
import { describeWordLine, type WordLine } from '../formats/docx-reader';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** `check` found at least one error-severity problem. */
  problems: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A file could not be read or decoded (or is not a regular file, or is too large), no report file was found, or the config file is invalid. */
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
  /** `--severity`: the quietest severity shown. */
  severity: Level;
  /** `--rule` (repeatable): only these rules; empty = all. */
  rules: string[];
}

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
  const config = loadConfigAnnounced(parsed.config, io, RULE_IDS);
  if (!config) return EXIT.unreadable;
  const files = expandPaths(parsed.paths, io.cwd);
  let exit: number = EXIT.ok;
  for (const file of files.missing) {
    io.err(`gongwen: ${file}: ${io.language === 'zh' ? '文件不存在' : 'no such file or folder'}\n`);
    exit = EXIT.unreadable;
  }
  for (const { path, reason } of files.skipped) io.err(`gongwen: ${relative(io.cwd, path) || path}: ${reason}\n`);
  if (files.found.length === 0 && files.missing.length === 0) {
    io.err(`gongwen: ${io.language === 'zh' ? '未找到报告文件（.txt、.gongwen、.md）' : 'no reports found (.txt, .gongwen, .md)'}\n`);
    return EXIT.unreadable;
  }
  const out = bufferedWriter(io.out);
  // One file named alone gives one JSON object; anything else an array, written as it goes.
  const single = parsed.paths.length === 1 && files.found.length === 1;
  let written = 0;
  const hidden = noCounts();
  if (parsed.json && !single) out.write('[');
  for (const file of files.found) {
    const read = readReport(file);
    const shown = relative(io.cwd, file) || file;
    if (!read.ok) {
      io.err(`gongwen: ${shown}: ${read.reason}\n`);
      exit = EXIT.unreadable;
      continue;
    }
    const where = pathForConfig(config.path, file);
    const settings = selectRules(settingsForFile(config.settings, config.config, where), parsed.rules);
    const analysis = withSuppressions(analyze(read.text, settings), suppressionsFor(config.config, where));
    if (parsed.json && !single) out.write(written === 0 ? '\n' : ',\n');
    written++;
    if (parsed.command === 'outline') {
      if (parsed.json) out.write(JSON.stringify(outlineJson(shown, analysis), null, 2));
      else out.write(outlineText(shown, analysis, io, read.wordLines));
    } else {
      const place = wordPlace(analysis.model, read.wordLines, io.language);
      const { shown: findings, hidden: quieter } = selectBySeverity(analysis.findings, parsed.severity);
      for (const level of LEVELS) hidden[level] += quieter[level];
      if (!parsed.exitZero && findings.some((f) => f.severity === 'error') && exit === EXIT.ok) exit = EXIT.problems;
      if (parsed.json) writeCheckJson(out.write, shown, analysis.model, findings, quieter, place);
      else out.write(checkText(shown, analysis.model, findings, parsed.severity, io.language, painter(io.color), place));
    }
  }
  // A lone file that could not be read still leaves valid JSON: an empty list.
  if (parsed.json) out.write(single ? (written ? '\n' : '[]\n') : written ? '\n]\n' : ']\n');
  else out.write(hiddenNote(hidden, io.language));
  out.flush();
  return exit;
}

/** Settings with every rule not named by `--rule` switched off (not run at all). */
function selectRules(settings: GongwenSettings, only: readonly string[]): GongwenSettings {
  if (only.length === 0) return settings;
  const rules = { ...settings.rules };
  for (const id of RULE_IDS) if (!only.includes(id)) rules[id] = 'off';
  return { ...settings, rules };
}

/** Collects small writes into chunks of about 64 KB. */
function bufferedWriter(write: (s: string) => void): { write: (s: string) => void; flush: () => void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write: (s) => {
      parts.push(s);
      size += s.length;
      if (size > 65536) flush();
    },
    flush,
  };
}

function parseArgs(argv: readonly string[]): Options | { error: string } {
  const options: Options = { command: '', paths: [], json: false, exitZero: false, severity: 'warning', rules: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    // `--severity=hint` is `--severity hint`.
    const eq = /^(--(?:severity|rule|config))=(.*)$/s.exec(arg);
    let inline: string | undefined;
    if (eq) [arg, inline] = [eq[1], eq[2]];
    const value = (): string | undefined => inline ?? (i + 1 < argv.length ? argv[++i] : undefined);
    if (arg === '--help' || arg === '-h') return { ...options, command: 'help' };
    if (arg === '--version' || arg === '-v') return { ...options, command: 'version' };
    if (arg === '--json') options.json = true;
    else if (arg === '--exit-zero') options.exitZero = true;
    else if (arg === '--config') {
      const file = value();
      if (file === undefined) return { error: '--config needs a file' };
      options.config = file;
    } else if (arg === '--severity') {
      const level = value();
      if (!(LEVELS as readonly string[]).includes(level ?? '')) return { error: `--severity needs one of error, warning, info, hint${level === undefined ? '' : `, got ${level}`}` };
      options.severity = level as Level;
    } else if (arg === '--rule') {
      const id = value();
      if (id === undefined || !RULE_IDS.includes(id)) return { error: `--rule needs a rule id${id === undefined ? '' : `, got ${id}`}; known: ${RULE_IDS.join(', ')}` };
      options.rules.push(id);
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (!options.command) options.command = arg;
    else options.paths.push(arg);
  }
  if (!options.command) return { error: 'no command given' };
  if (options.command !== 'outline' && options.command !== 'check' && options.command !== 'help') return { error: `unknown command ${options.command}` };
  return options;
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

/**
 * Where a finding is in a Word document, by paragraph and quoted text (line numbers of the text
 * Gongwen reads mean nothing in Word): `第 5 段 “…实现地区生产总值xx亿元，同比…”`; `undefined` for
 * other formats.
 */
function wordPlace(model: ReportModel, wordLines: readonly WordLine[] | undefined, language: 'zh' | 'en'): FindingPlace | undefined {
  if (!wordLines) return undefined;
  return (f) => {
    const word = wordLines[model.lines.positionAt(f.start).line];
    if (!word) return undefined;
    const quote = quoteAround(model.text, f.start, f.end);
    return { where: `${describeWordLine(word, language)} ${quote}`, json: { paragraph: word.paragraph, where: word.where, ...(word.row ? { row: word.row } : {}), quote } };
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
  --json               以 JSON 输出
  --severity <级别>    显示到哪一级：error、warning（默认）、info、hint
  --rule <规则>        只检查这条规则（可重复）
  --config <文件>      使用指定的 .gongwen.json（默认从当前目录向上查找，止于含 .git 的项目根目录）
  --exit-zero          即使发现错误也以 0 退出
  --help, -h           显示帮助
  --version, -v        显示版本

退出码：0 无错误；1 check 发现错误级问题；2 命令行有误；3 文件无法读取（不存在、不是普通文件、过大、二进制）、未找到报告或配置无效。
`;
  }
  return `Usage: gongwen <command> [options] <file or folder>...

Commands:
  outline   print the report's heading tree
  check     check the report (unfilled placeholders, numbering, missing sections, web residue...)
  export    write a Word document laid out per GB/T 9704-2012: gongwen export report.txt [-o report.docx]

Files: .txt .gongwen (UTF-8/GB18030), .md (Markdown), .docx (Word).

Options:
  --json               machine-readable output
  --severity <level>   the quietest level shown: error, warning (default), info, hint
  --rule <id>          check only this rule (repeatable)
  --config <file>      use this .gongwen.json (default: searched upwards from the current folder,
                       no further than the project root, the folder holding .git)
  --exit-zero          exit 0 even when check finds errors
  --help, -h           show this help
  --version, -v        show the version

Exit codes: 0 no errors; 1 check found error-severity problems; 2 bad command line;
3 unreadable file (missing, not a regular file, too large, binary), no reports found, or invalid config.
`;
}

export type { GongwenSettings };
