/**
 * The CLI's side of silencing: `--severity`, `--rule`, text in the user's language, and
 * `.gongwen.json` overrides, ignore entries and words, found no further than the project root.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = resolve(__dirname, '../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-silence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd: string, lang = 'en_US.UTF-8') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000, env: { ...process.env, LANG: lang, LC_ALL: '', NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder of its own for one test, optionally a project root (with `.git`). */
function folder(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const REPORT = ['示范镇2024年工作总结', '一、工作回顾', '今年实现生产总值xx亿元,同比增长5%;新增企业5家。', '二、存在的问题', '一是投入不足，二是人才缺乏。', '三、下一步打算', '明年力争xx亿元。', ''].join('\n');

describe('gongwen check --severity and --rule', () => {
  const root = folder('severity', { 'r.txt': REPORT });

  it('shows warnings and above by default and counts what it hid', () => {
    const r = run(['check', 'r.txt'], root);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^r\.txt:3:\d+: warning Unfilled placeholder "xx" \[placeholder\]$/m);
    expect(r.out).not.toContain('[halfwidth-punctuation]');
    expect(r.out).toMatch(/^1 more at hint not shown \(use --severity hint\)$/m);
  });

  it('shows hints with --severity hint, and only errors with --severity error', () => {
    const all = run(['check', '--severity', 'hint', 'r.txt'], root);
    expect(all.out.match(/\[halfwidth-punctuation\]/g)).toHaveLength(1);
    expect(all.out).toMatch(/r\.txt:3:\d+: hint .*\[halfwidth-punctuation\]/);
    expect(all.out).not.toContain('not shown');
    const errors = run(['check', '--severity=error', 'r.txt'], root);
    expect(errors.out).toMatch(/^r\.txt: no problems$/m);
    expect(errors.out).toMatch(/^3 more at warning\/hint not shown/m);
  });

  it('speaks Chinese to a Chinese terminal, severity words included', () => {
    const r = run(['check', 'r.txt'], root, 'zh_CN.UTF-8');
    expect(r.out).toMatch(/^r\.txt:3:\d+: 警告 未填写的占位符“xx” \[placeholder\]$/m);
    expect(r.out).toMatch(/^r\.txt: 2 个问题（错误 0，警告 2）$/m);
    expect(r.out).toMatch(/^另有 1 条提示未显示（--severity hint 可显示）$/m);
    expect(run(['check', '--severity', 'hint', 'r.txt'], root, 'zh_CN.UTF-8').out).toMatch(/: 提示 .*\[halfwidth-punctuation\]/);
  });

  it('--rule selects rules (repeatable); an unknown rule is a usage error', () => {
    const r = run(['check', '--severity', 'hint', '--rule', 'halfwidth-punctuation', 'r.txt'], root);
    expect(r.out).not.toContain('[placeholder]');
    expect(r.out.match(/\[halfwidth-punctuation\]/g)).toHaveLength(1);
    const two = run(['check', '--rule', 'placeholder', '--rule', 'numbering-sequence', '--json', 'r.txt'], root);
    expect(new Set(JSON.parse(two.out).problems.map((p: any) => p.rule))).toEqual(new Set(['placeholder']));
    const bad = run(['check', '--rule', 'no-such-rule', 'r.txt'], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--rule needs a rule id, got no-such-rule; known: numbering-sequence');
    expect(run(['check', '--severity', 'loud', 'r.txt'], root).code).toBe(2);
  });

  it('JSON says how many findings --severity hid', () => {
    const json = JSON.parse(run(['check', '--json', 'r.txt'], root).out);
    expect(json.hidden).toBe(1);
    expect(json.problems.every((p: any) => p.severity === 'warning' || p.severity === 'error')).toBe(true);
  });
});

describe('.gongwen.json in the CLI', () => {
  it('applies overrides by glob, ignore entries by content and never-flag words', () => {
    const root = folder('silenced', {
      '.git/HEAD': '',
      'reports/2024.txt': REPORT,
      'reports/2025.txt': REPORT,
      'drafts/初稿.txt': REPORT,
      '.gongwen.json': JSON.stringify({
        overrides: [{ files: ['drafts/**'], rules: { placeholder: 'off' } }],
        ignore: [{ file: 'reports/2024.txt', rule: 'placeholder', text: 'xx', context: '力争xx亿元' }],
        words: ['5%;'],
      }),
    });
    const r = run(['check', '--severity', 'hint', '--json', 'reports', 'drafts'], root);
    const byFile = Object.fromEntries(JSON.parse(r.out).map((f: any) => [f.file, f.problems.map((p: any) => `${p.rule}:${p.range.start.line}`)]));
    expect(byFile['drafts/初稿.txt']).toEqual(['halfwidth-punctuation:2']);
    expect(byFile['reports/2024.txt']).toEqual(['placeholder:2', 'halfwidth-punctuation:2']);
    expect(byFile['reports/2025.txt']).toEqual(['placeholder:2', 'halfwidth-punctuation:2', 'placeholder:6']);
    expect(r.err).toContain(`config: ${join(root, '.gongwen.json')}`);
  });

  it('looks upwards no further than the project root (the folder holding .git), and reads a BOM', () => {
    const root = folder('bounded', {
      '.gongwen.json': JSON.stringify({ rules: { placeholder: 'off' } }), // a stray file above the project
      'project/.git/HEAD': '',
      'project/sub/r.txt': REPORT,
    });
    const stray = run(['check', 'r.txt'], join(root, 'project', 'sub'));
    expect(stray.out).toContain('[placeholder]');
    expect(stray.err).not.toContain('config:');
    writeFileSync(join(root, 'project', '.gongwen.json'), '\uFEFF' + JSON.stringify({ rules: { placeholder: 'off' } }));
    const own = run(['check', 'r.txt'], join(root, 'project', 'sub'));
    expect(own.code).toBe(0);
    expect(own.out).not.toContain('[placeholder]');
    expect(own.err).toContain(`config: ${join(root, 'project', '.gongwen.json')}`);
  });

  it('without a .git above, reads only the .gongwen.json of the current folder', () => {
    const root = folder('nogit', { '.gongwen.json': JSON.stringify({ rules: { placeholder: 'off' } }), 'sub/r.txt': REPORT });
    expect(run(['check', 'r.txt'], join(root, 'sub')).out).toContain('[placeholder]');
    expect(run(['check', 'sub/r.txt'], root).out).not.toContain('[placeholder]');
  });
});

describe('a closed output pipe', () => {
  it('`gongwen check … | head -1` stops quietly, without a stack trace', () => {
    const root = folder('pipe', { 'big.txt': '示范镇2024年工作总结\n一、工作回顾\n' + '投资5亿元,增长3%;\n'.repeat(20000) });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check --severity hint big.txt | head -1`], { cwd: root, encoding: 'utf8', timeout: 30000, env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
